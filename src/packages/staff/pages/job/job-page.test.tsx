import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { StaffApplicant, StaffJob } from '@contract'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { jobPosting } from '../../../../../tests/support/app/fixtures'
import { fieldError, inputsReady, settle, staffSignInPrompt, stationStaff, tap, tapChip, type } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import StaffJobPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

function staffJob(over: Partial<StaffJob> = {}): StaffJob {
  return {
    ...jobPosting({ id: 7, title: '设备维修电工', employerName: '无锡某电子厂', employerVerified: false }),
    description: '维修车间设备',
    requirements: '',
    address: '无锡市新吴区锡兴路88号',
    lat: 31.5,
    lng: 120.3,
    ageMin: 18,
    ageMax: 55,
    shifts: '',
    hoursPerDay: 8,
    contactPhone: '0510-85284106',
    contactName: '',
    verifiedBy: null,
    verifiedAt: null,
    expired: false,
    underReview: false,
    appliable: true,
    pledge: '正规招聘不收取任何费用',
    myApplication: null,
    employerPhone: '0510-85284106',
    reviewStatus: 'ok',
    verifiedByStaff: null,
    applicationCount: 1,
    hiredCount: 0,
    ...over,
  }
}

const applicant: StaffApplicant = {
  id: 41,
  status: 'submitted',
  note: '会看电路图',
  createdAt: '2026-03-01T02:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
  worker: { name: '王小明', phone: '13700000001', hometownTownship: '洛门镇', trades: ['电工'] },
}

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => stationStaff)
})
afterEach(() => jest.restoreAllMocks())

test('a signed-out visitor is asked to sign in as staff', async () => {
  setToken(null)
  setRouterParams({}, '/packages/staff/pages/job/index')
  render(<StaffJobPage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  expect(screen.queryByText('发布')).toBeNull()
})

describe('publishing a posting', () => {
  beforeEach(() => setRouterParams({}, '/packages/staff/pages/job/index'))

  test('checks the fields with the contract before sending and shows each message by its field', async () => {
    const { container } = render(<StaffJobPage />)
    await inputsReady(container)
    type(container, '.staff-job__employerPhone', '12345')
    type(container, '.staff-job__wageMinYuan', '6000')
    type(container, '.staff-job__wageMaxYuan', '5000')
    await tap('发布')
    expect(fieldError('岗位名称')).toBe('请填写这一项')
    expect(fieldError('单位电话')).toBe('请填写手机号或带区号的座机号')
    expect(fieldError('招多少人')).toBe('请填写招聘人数')
    expect(mockApi.callsTo('POST', '/staff/jobs')).toHaveLength(0)
  })

  test('a top wage below the lowest is caught across fields, then the posting is sent once', async () => {
    mockApi.on('POST', '/staff/jobs', () => ({ status: 201, body: staffJob({ id: 12 }) }))
    const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const { container } = render(<StaffJobPage />)
    await inputsReady(container)
    type(container, '.staff-job__title', '设备维修电工')
    type(container, '.staff-job__employerName', '无锡某电子厂')
    type(container, '.staff-job__employerPhone', '0510-85284106')
    type(container, '.staff-job__province', '江苏省')
    type(container, '.staff-job__city', '无锡市')
    type(container, '.staff-job__address', '新吴区锡兴路88号')
    type(container, '.staff-job__wageMinYuan', '6000')
    type(container, '.staff-job__wageMaxYuan', '5000')
    type(container, '.staff-job__headcount', '5')
    await tap('发布')
    expect(fieldError('最高工资（元）')).toBe('最高工资不能低于最低工资')
    expect(mockApi.callsTo('POST', '/staff/jobs')).toHaveLength(0)

    type(container, '.staff-job__wageMaxYuan', '8000')
    await tap('发布')
    await settle()
    const sent = mockApi.callsTo('POST', '/staff/jobs')
    expect(sent).toHaveLength(1)
    expect(sent[0].body).toMatchObject({ title: '设备维修电工', employerPhone: '0510-85284106', wageMinYuan: 6000, wageMaxYuan: 8000, headcount: 5, trade: '普工', wageUnit: 'month' })
    expect(sent[0].headers['Idempotency-Key']).toBeTruthy()
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/job/index?id=12' })
  })
})

test('the answers a worker asks are picked from big buttons; what the employer did not say is sent as 未说明 (null)', async () => {
  setRouterParams({}, '/packages/staff/pages/job/index')
  mockApi.on('POST', '/staff/jobs', () => ({ status: 201, body: staffJob({ id: 13 }) }))
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
  const { container } = render(<StaffJobPage />)
  await inputsReady(container)
  for (const [selector, value] of [
    ['.staff-job__title', '设备维修电工'],
    ['.staff-job__employerName', '无锡某电子厂'],
    ['.staff-job__employerPhone', '0510-85284106'],
    ['.staff-job__province', '江苏省'],
    ['.staff-job__city', '无锡市'],
    ['.staff-job__address', '新吴区锡兴路88号'],
    ['.staff-job__wageMinYuan', '6000'],
    ['.staff-job__wageMaxYuan', '8000'],
    ['.staff-job__headcount', '5'],
  ]) {
    type(container, selector, value)
  }
  // The pay day is asked only for monthly pay.
  expect(container.querySelector('.staff-job__payDay')).toBeNull()
  await tapChip('月结')
  await settle()
  type(container, '.staff-job__payDay', '15')
  await tapChip('上六休一')
  await tapChip('包吃')
  await tapChip('包住·有夫妻房')
  await tapChip('无试用期')
  await tap('发布')
  await settle()
  const sent = mockApi.callsTo('POST', '/staff/jobs')
  expect(sent).toHaveLength(1)
  expect(sent[0].body).toMatchObject({
    paySchedule: 'monthly',
    payDay: 15,
    daysOff: 'one_per_week',
    meals: 'provided',
    housing: 'couple',
    probationMonths: 0,
    socialInsurance: null,
    overtimePay: null,
  })
})

describe('an existing posting', () => {
  beforeEach(() => {
    setRouterParams({ id: '7' }, '/packages/staff/pages/job/index')
    mockApi.on('GET', '/staff/jobs/7', () => staffJob())
    mockApi.on('GET', '/staff/jobs/7/applications', () => ({ job: jobPosting({ id: 7 }), items: [applicant] }))
  })

  test('shows the applicants and marks one hired', async () => {
    mockApi.on('POST', '/staff/applications/41/status', () => ({ ...applicant, status: 'hired' }))
    render(<StaffJobPage />)
    await settle()
    expect(screen.getByText('王小明 13700000001')).toBeTruthy()
    expect(screen.getByText('留言：会看电路图')).toBeTruthy()
    await tap('录用')
    await settle()
    const sent = mockApi.callsTo('POST', '/staff/applications/41/status')
    expect(sent).toHaveLength(1)
    expect(sent[0].body).toEqual({ status: 'hired' })
  })

  test('已核实单位 records the check', async () => {
    mockApi.on('POST', '/staff/jobs/7/verify-employer', () => staffJob({ employerVerified: true, verifiedByStaff: { id: 4, name: '昆山劳务工作站' }, verifiedAt: '2026-03-10T02:00:00.000Z' }))
    render(<StaffJobPage />)
    await settle()
    expect(screen.getByText('单位还没有核实')).toBeTruthy()
    await tap('已核实单位')
    await settle()
    expect(mockApi.callsTo('POST', '/staff/jobs/7/verify-employer')).toHaveLength(1)
    expect(screen.getByText(/单位已核实：昆山劳务工作站/)).toBeTruthy()
  })
})

describe('the kind of a posting and its 零工 days', () => {
  beforeEach(() => {
    setRouterParams({ id: '7' }, '/packages/staff/pages/job/index')
    mockApi.on('GET', '/staff/jobs/7', () => staffJob({ kind: 'general' }))
    mockApi.on('GET', '/staff/jobs/7/applications', () => ({ job: jobPosting({ id: 7 }), items: [] }))
  })

  const day = { id: 31, jobId: 7, date: '2099-05-01', place: '洛门镇蔬菜基地', headcount: 6, left: 6, wageYuan: 150 }

  test('tapping 零工 saves the kind and opens 添加零工日', async () => {
    mockApi.on('PUT', '/staff/jobs/7/kind', () => ({ id: 7, kind: 'day_work' }))
    render(<StaffJobPage />)
    await settle()
    expect(screen.queryByText('添加零工日')).toBeNull()
    await tapChip('零工')
    await settle()
    const sent = mockApi.callsTo('PUT', '/staff/jobs/7/kind')
    expect(sent).toHaveLength(1)
    expect(sent[0].body).toEqual({ kind: 'day_work' })
    expect(screen.getByText('已改成零工')).toBeTruthy()
    expect(screen.getAllByText('添加零工日').length).toBeGreaterThan(0)
  })

  test('a refused kind leaves the posting as it was and says why', async () => {
    mockApi.on('PUT', '/staff/jobs/7/kind', () => failure(403, 'FORBIDDEN', '这个岗位不是您工作站发布的'))
    render(<StaffJobPage />)
    await settle()
    await tapChip('帮扶车间')
    await settle()
    expect(mockApi.callsTo('PUT', '/staff/jobs/7/kind')).toHaveLength(1)
    expect(screen.getByText('这个岗位不是您工作站发布的')).toBeTruthy()
    const chosen = [...document.querySelectorAll('.staff-job__kind .chip--selected')].map((c) => c.textContent)
    expect(chosen).toEqual(['外出务工'])
    expect(screen.queryByText('添加零工日')).toBeNull()
  })

  test('a 零工 day is sent once with its date, place, headcount and day wage in 元, then links to 零工到岗', async () => {
    mockApi.on('GET', '/staff/jobs/7', () => staffJob({ kind: 'day_work' }))
    mockApi.on('POST', '/staff/jobs/7/day-jobs', () => ({ status: 201, body: day }))
    const { container } = render(<StaffJobPage />)
    await settle()
    await inputsReady(container)
    type(container, '.staff-job__day-date', '2099-05-01')
    type(container, '.staff-job__day-place', '洛门镇蔬菜基地')
    type(container, '.staff-job__day-headcount', '6')
    type(container, '.staff-job__day-wage', '150')
    await tap('添加零工日')
    await settle()
    const sent = mockApi.callsTo('POST', '/staff/jobs/7/day-jobs')
    expect(sent).toHaveLength(1)
    expect(sent[0].body).toEqual({ date: '2099-05-01', place: '洛门镇蔬菜基地', headcount: 6, wageYuan: 150 })
    expect(sent[0].headers['Idempotency-Key']).toBeTruthy()
    expect(screen.getAllByText('已添加 2099-05-01 的零工，要 6 人，一天 150 元').length).toBeGreaterThan(0)
    expect(screen.getByText('去零工到岗')).toBeTruthy()
  })

  test('the server refusing a field shows its Chinese message by that field, and nothing is added', async () => {
    mockApi.on('GET', '/staff/jobs/7', () => staffJob({ kind: 'day_work' }))
    mockApi.on('POST', '/staff/jobs/7/day-jobs', () => failure(400, 'VALIDATION_FAILED', '填写的内容有误', { date: '日期已经过去了，请选今天或以后' }))
    const { container } = render(<StaffJobPage />)
    await settle()
    await inputsReady(container)
    type(container, '.staff-job__day-date', '2020-01-01')
    type(container, '.staff-job__day-place', '洛门镇蔬菜基地')
    type(container, '.staff-job__day-headcount', '6')
    type(container, '.staff-job__day-wage', '150')
    await tap('添加零工日')
    await settle()
    expect(mockApi.callsTo('POST', '/staff/jobs/7/day-jobs')).toHaveLength(1)
    expect(fieldError('日期')).toBe('日期已经过去了，请选今天或以后')
    expect(screen.queryByText('去零工到岗')).toBeNull()
  })

  test('the day is checked with the contract before sending', async () => {
    mockApi.on('GET', '/staff/jobs/7', () => staffJob({ kind: 'day_work' }))
    const { container } = render(<StaffJobPage />)
    await settle()
    await inputsReady(container)
    type(container, '.staff-job__day-headcount', '0')
    await tap('添加零工日')
    await settle()
    expect(fieldError('人数')).toBe('至少要1个人')
    expect(fieldError('日工钱（元）')).toBe('请填写一天多少钱')
    expect(mockApi.callsTo('POST', '/staff/jobs/7/day-jobs')).toHaveLength(0)
  })
})
