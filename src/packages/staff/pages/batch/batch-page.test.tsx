import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ManifestRider, StaffMember, TransportBatch } from '@contract'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { station as stationFixture } from '../../../../../tests/support/app/fixtures'
import { fieldError, settle, tapText, typeInto } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import StaffBatchPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const station: StaffMember = { id: 4, username: 'kunshan', displayName: '昆山劳务工作站', role: 'station', stationId: 2, stationName: '昆山劳务工作站', mustChangePassword: false, township: null, villageId: null, village: null }
const admin: StaffMember = { id: 1, username: 'admin', displayName: '县劳务输转服务中心', role: 'admin', stationId: null, stationName: null, mustChangePassword: false, township: null, villageId: null, village: null }

function batch(over: Partial<TransportBatch> = {}): TransportBatch {
  return {
    id: 7,
    departAt: '2026-03-19T23:30:00.000Z', // 3月20日 07:30 China time
    departureTownship: '洛门镇',
    destinationProvince: '江苏省',
    destinationCity: '昆山市',
    station: { id: 2, name: '昆山劳务工作站' },
    employer: '昆山立讯精密',
    vehicleKind: 'bus',
    seats: 45,
    seatsLeft: 43,
    status: 'open',
    meetingPoint: '洛门镇人民政府门前',
    meetAt: '2026-03-19T22:30:00.000Z',
    whatToBring: '身份证',
    notes: '',
    cancelReason: null,
    isSample: false,
    ...over,
  }
}
const riders: ManifestRider[] = [
  { seq: 1, signupId: 31, name: '王小红', phone: '137****0001', hometownTownship: '洛门镇', signedUpAt: '2026-03-10T02:00:00.000Z' },
  { seq: 2, signupId: 32, name: null, phone: '137****0002', hometownTownship: null, signedUpAt: '2026-03-10T03:15:00.000Z' },
]

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => station)
})
afterEach(() => jest.restoreAllMocks())

describe('scheduling a batch', () => {
  beforeEach(() => setRouterParams({}, '/packages/staff/pages/batch/index'))

  it('checks the form with the contract and shows each message by its field, sending nothing', async () => {
    render(<StaffBatchPage />)
    await settle()
    await tapText('发布这趟车')
    expect(fieldError('发车日期')).toBe('请填写发车日期和时间')
    expect(fieldError('集合地点')).toBe('请填写这一项')
    expect(fieldError('去哪个省')).toBe('请填写这一项')
    expect(fieldError('去哪个城市')).toBe('请填写这一项')
    expect(fieldError('座位数')).toBe('请填写这一项')
    expect(fieldError('用工单位（可以不填）')).toBeUndefined()
    expect(screen.getByText('有几项需要改一下，请看红字')).toBeTruthy()
    expect(mockApi.callsTo('POST', '/staff/transport-batches')).toHaveLength(0)
  })

  it('says what is wrong with a date, a time or the seats', async () => {
    const { container } = render(<StaffBatchPage />)
    await settle()
    await typeInto(container, '.staff-batch__departDate', '2026/3/20')
    await typeInto(container, '.staff-batch__departTime', '07:30')
    await typeInto(container, '.staff-batch__meetDate', '2026-03-20')
    await typeInto(container, '.staff-batch__meetTime', '6点')
    await typeInto(container, '.staff-batch__seats', '2.5')
    await tapText('发布这趟车')
    expect(fieldError('发车日期')).toBe('发车日期请按 2026-03-20 的格式填写')
    expect(fieldError('集合时间（可以不填）')).toBe('集合时间请按 07:30 的格式填写')
    expect(fieldError('座位数')).toBe('请填写整数')
    await typeInto(container, '.staff-batch__seats', '0')
    await tapText('发布这趟车')
    expect(fieldError('座位数')).toBe('至少1个座位')
    expect(mockApi.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('sends every field of the create body once, then opens the new batch', async () => {
    mockApi.on('POST', '/staff/transport-batches', () => ({ status: 201, body: batch({ id: 12 }) }))
    const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const { container } = render(<StaffBatchPage />)
    await settle()
    expect(screen.getByText('这趟车归昆山劳务工作站管。')).toBeTruthy()
    await typeInto(container, '.staff-batch__departDate', '2026-03-20')
    await typeInto(container, '.staff-batch__departTime', '7:30')
    await typeInto(container, '.staff-batch__meetTime', '06:45')
    await tapText('洛门镇')
    await typeInto(container, '.staff-batch__meetingPoint', '洛门镇人民政府门前')
    await typeInto(container, '.staff-batch__destinationProvince', '江苏省')
    await typeInto(container, '.staff-batch__destinationCity', '昆山市')
    await typeInto(container, '.staff-batch__employer', '昆山立讯精密')
    await tapText('专列')
    await typeInto(container, '.staff-batch__seats', '45')
    await typeInto(container, '.staff-batch__notes', '到站有厂车接')
    await tapText('发布这趟车')

    const sent = mockApi.callsTo('POST', '/staff/transport-batches')
    expect(sent).toHaveLength(1)
    expect(sent[0].body).toEqual({
      departAt: '2026-03-20T07:30:00+08:00',
      meetAt: '2026-03-20T06:45:00+08:00',
      departureTownship: '洛门镇',
      meetingPoint: '洛门镇人民政府门前',
      destinationProvince: '江苏省',
      destinationCity: '昆山市',
      employer: '昆山立讯精密',
      vehicleKind: 'train',
      seats: 45,
      whatToBring: '身份证、手机和充电器、换洗衣服、路上吃的',
      notes: '到站有厂车接',
    })
    expect(sent[0].headers['Idempotency-Key']).toBeTruthy()
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/batch/index?id=12' })
  })

  it('shows what the server refused by its field', async () => {
    mockApi.on('POST', '/staff/transport-batches', () =>
      failure(400, 'VALIDATION_FAILED', '填写的内容有误，请按提示修改后再提交', { departAt: '发车时间要在现在以后' }),
    )
    const { container } = render(<StaffBatchPage />)
    await settle()
    await typeInto(container, '.staff-batch__departDate', '2020-01-01')
    await typeInto(container, '.staff-batch__departTime', '08:00')
    await typeInto(container, '.staff-batch__meetingPoint', '县劳务输转服务中心门前')
    await typeInto(container, '.staff-batch__destinationProvince', '江苏省')
    await typeInto(container, '.staff-batch__destinationCity', '苏州市')
    await typeInto(container, '.staff-batch__seats', '30')
    await tapText('发布这趟车')
    expect(fieldError('发车日期')).toBe('发车时间要在现在以后')
  })

  it('lets an admin choose the station, or none', async () => {
    mockApi.on('GET', '/staff/me', () => admin)
    mockApi.on('GET', '/stations', () => ({ items: [stationFixture({ id: 2, name: '昆山劳务工作站' })], nextCursor: null }))
    mockApi.on('POST', '/staff/transport-batches', () => ({ status: 201, body: batch({ id: 13 }) }))
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const { container } = render(<StaffBatchPage />)
    await settle()
    expect(screen.getByText('县里直接安排')).toBeTruthy()
    expect(screen.queryByText(/这趟车归/)).toBeNull()
    await tapText('昆山劳务工作站')
    await typeInto(container, '.staff-batch__departDate', '2026-03-20')
    await typeInto(container, '.staff-batch__departTime', '08:00')
    await typeInto(container, '.staff-batch__meetingPoint', '县劳务输转服务中心门前')
    await typeInto(container, '.staff-batch__destinationProvince', '江苏省')
    await typeInto(container, '.staff-batch__destinationCity', '昆山市')
    await typeInto(container, '.staff-batch__seats', '30')
    await tapText('发布这趟车')
    expect(mockApi.callsTo('POST', '/staff/transport-batches')[0].body).toMatchObject({ stationId: 2, employer: null, vehicleKind: 'bus' })
  })
})

describe('a batch and its riders', () => {
  let current: TransportBatch
  beforeEach(() => {
    setRouterParams({ id: '7' }, '/packages/staff/pages/batch/index')
    current = batch()
    mockApi.on('GET', '/staff/transport-batches/7/manifest', () => ({ batch: current, riders: current.status === 'cancelled' ? [] : riders }))
  })

  it('lists the riders with the phones as the server gives them', async () => {
    render(<StaffBatchPage />)
    await settle()
    expect(screen.getByText('洛门镇 → 昆山市 专车')).toBeTruthy()
    expect(screen.getByText('已报名 2 人，共 45 个座位')).toBeTruthy()
    expect(screen.getByText('乘车名单（2 人）')).toBeTruthy()
    expect(screen.getByText('王小红')).toBeTruthy()
    expect(screen.getByText('137****0001')).toBeTruthy()
    expect(screen.getByText('（未填姓名）')).toBeTruthy()
    expect(screen.getByText('2026-03-10 11:15')).toBeTruthy()
  })

  it('marks the batch departed only after confirming, then shows it departed', async () => {
    mockApi.on('POST', '/staff/transport-batches/7/depart', () => {
      current = batch({ status: 'departed', seatsLeft: 0 })
      return { ...current, riders: 2 }
    })
    render(<StaffBatchPage />)
    await settle()
    await tapText('标记已发车')
    expect(screen.getByRole('dialog', { name: '确定这趟车已经发车了吗？' })).toBeTruthy()
    expect(screen.getByText('车上 2 人会计入输出人数。标记以后不能再报名，也不能取消这趟车。')).toBeTruthy()
    expect(mockApi.callsTo('POST', '/staff/transport-batches/7/depart')).toHaveLength(0)
    await tapText('确定已发车')
    await settle()
    expect(mockApi.callsTo('POST', '/staff/transport-batches/7/depart')).toHaveLength(1)
    expect(screen.getByText('已标记发车，2 人计入输出人数')).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByText('已发车')).toBeTruthy()
    expect(screen.queryByText('标记已发车')).toBeNull()
    expect(screen.queryByText('取消这趟车')).toBeNull()
  })

  it('asks for a reason before cancelling, then shows the batch cancelled with it', async () => {
    mockApi.on('POST', '/staff/transport-batches/7/cancel', (req) => {
      current = batch({ status: 'cancelled', seatsLeft: 0, cancelReason: req.body.reason })
      return { ...current, released: 2 }
    })
    const { container } = render(<StaffBatchPage />)
    await settle()
    await tapText('取消这趟车')
    expect(screen.getByRole('dialog', { name: '取消这趟车' })).toBeTruthy()
    await settle()
    await tapText('确定取消这趟车')
    expect(fieldError('取消原因')).toBe('请填写这一项')
    expect(mockApi.callsTo('POST', '/staff/transport-batches/7/cancel')).toHaveLength(0)

    await typeInto(container, '.staff-batch__reason-input', '用工单位推迟到下个月开工')
    await tapText('确定取消这趟车')
    await settle()
    expect(mockApi.callsTo('POST', '/staff/transport-batches/7/cancel').map((c) => c.body)).toEqual([{ reason: '用工单位推迟到下个月开工' }])
    expect(screen.getByText('这趟车已取消，退还了 2 个座位')).toBeTruthy()
    expect(screen.getByText('取消原因：用工单位推迟到下个月开工')).toBeTruthy()
    expect(screen.getByText('还没有人报名')).toBeTruthy()
    expect(screen.queryByText('标记已发车')).toBeNull()
  })

  it('says why when the server refuses to cancel', async () => {
    mockApi.on('POST', '/staff/transport-batches/7/cancel', () => failure(409, 'CONFLICT', '这趟车已经发车了，不能取消'))
    const { container } = render(<StaffBatchPage />)
    await settle()
    await tapText('取消这趟车')
    await settle()
    await typeInto(container, '.staff-batch__reason-input', '车坏了')
    await tapText('确定取消这趟车')
    await settle()
    expect(screen.getByText('这趟车已经发车了，不能取消')).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('exports the manifest as CSV through the staff CSV download, with the staff token', async () => {
    const download = jest.spyOn(Taro, 'downloadFile').mockResolvedValue({ statusCode: 200, tempFilePath: '/tmp/manifest.csv' } as never)
    jest.spyOn(Taro, 'openDocument').mockResolvedValue({ errMsg: 'ok' } as never)
    render(<StaffBatchPage />)
    await settle()
    await tapText('导出乘车名单（CSV）')
    await settle()
    expect(download).toHaveBeenCalledWith({ url: '/api/staff/transport-batches/7/manifest?format=csv', header: { Authorization: 'Bearer staff-token' } })
    expect(screen.getByText('已下载，可以在右上角菜单里转发或用 Excel 打开')).toBeTruthy()
  })

  it('shows another station’s batch as refused, with a way to retry', async () => {
    mockApi.on('GET', '/staff/transport-batches/7/manifest', () => failure(403, 'FORBIDDEN', '这趟车不归您的工作站管，请联系县劳务输转服务中心'))
    render(<StaffBatchPage />)
    await settle()
    expect(screen.getByText('这趟车不归您的工作站管，请联系县劳务输转服务中心')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })
})
