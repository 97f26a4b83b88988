import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { StaffMember, StaffTransportBatch } from '@contract'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import StaffBatchesPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const station: StaffMember = { id: 4, username: 'kunshan', displayName: '昆山劳务工作站', role: 'station', stationId: 2, stationName: '昆山劳务工作站', mustChangePassword: false, township: null, villageId: null, village: null }

function batch(over: Partial<StaffTransportBatch> = {}): StaffTransportBatch {
  return {
    id: 7,
    departAt: '2026-03-19T23:30:00.000Z',
    departureTownship: '洛门镇',
    destinationProvince: '江苏省',
    destinationCity: '昆山市',
    station: { id: 2, name: '昆山劳务工作站' },
    employer: '昆山立讯精密',
    vehicleKind: 'bus',
    seats: 45,
    seatsLeft: 42,
    seatsTaken: 3,
    status: 'open',
    meetingPoint: '洛门镇人民政府门前',
    meetAt: '2026-03-19T22:30:00.000Z',
    whatToBring: '身份证',
    notes: '',
    cancelReason: null,
    departedAt: null,
    cancelledAt: null,
    isSample: false,
    ...over,
  }
}

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  setRouterParams({}, '/packages/staff/pages/batches/index')
  mockApi.on('GET', '/staff/me', () => station)
  mockApi.on('GET', '/staff/transport-batches', (req) => {
    const all = [
      batch(),
      batch({ id: 8, departAt: '2026-03-25T00:00:00.000Z', destinationCity: '宁波市', destinationProvince: '浙江省', vehicleKind: 'train', employer: null, seatsTaken: 0, seatsLeft: 0, status: 'cancelled', cancelReason: '用工单位推迟开工', cancelledAt: '2026-03-11T02:00:00.000Z' }),
    ]
    const status = req.query.get('status')
    return { items: status ? all.filter((b) => b.status === status) : all, nextCursor: null }
  })
})
afterEach(() => jest.restoreAllMocks())

it('lists the station’s batches with seats taken of the total and their status', async () => {
  const { container } = render(<StaffBatchesPage />)
  await settle()
  const rows = [...container.querySelectorAll('.staff-batches__item')].map((row) => [...row.children].map((cell) => cell.textContent))
  expect(rows).toEqual([
    ['洛门镇 → 昆山市 专车', '3月20日 周五 07:30 发车', '昆山劳务工作站 · 昆山立讯精密', '已报 3 / 共 45 座', '可以报名'],
    ['洛门镇 → 宁波市 专列', '3月25日 周三 08:00 发车', '昆山劳务工作站', '已报 0 / 共 45 座', '已取消：用工单位推迟开工'],
  ])
})

it('filters by status on the server, and says when none match', async () => {
  render(<StaffBatchesPage />)
  await settle()
  await tapText('已发车')
  await settle()
  expect(mockApi.callsTo('GET', '/staff/transport-batches').at(-1)!.query.get('status')).toBe('departed')
  expect(screen.getByText('没有已发车的车')).toBeTruthy()
  await tapText('已取消')
  await settle()
  expect(screen.getByText('洛门镇 → 宁波市 专列')).toBeTruthy()
  expect(screen.queryByText('洛门镇 → 昆山市 专车')).toBeNull()
})

it('opens a batch, and the form for a new one', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<StaffBatchesPage />)
  await settle()
  await tapText('洛门镇 → 昆山市 专车')
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/batch/index?id=7' })
  await tapText('安排一趟新车')
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/batch/index' })
})

it('asks someone without a staff session to sign in first, loading nothing', async () => {
  setToken(null)
  render(<StaffBatchesPage />)
  await settle()
  expect(screen.getByText('这是工作人员的页面，请先登录工作人员账号。')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/transport-batches')).toHaveLength(0)
})
