import { screen, render } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { course } from '../../../../../tests/support/app/fixtures'
import { adminStaff, fieldError, inputsReady, settle, staffSignInPrompt, stationStaff, tap, type } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import StaffCourseEditPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

let redirectTo: jest.SpyInstance
let navigateBack: jest.SpyInstance
beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  setRouterParams({}, '/packages/staff/pages/course-edit/index')
  redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
  navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'ok' } as never)
  mockApi.on('GET', '/staff/me', () => adminStaff)
})
afterEach(() => jest.restoreAllMocks())

/** A menu course filled in the way an officer would. */
function fillMenuCourse(container: HTMLElement) {
  type(container, '.staff-course-edit__title', '电工上岗培训班')
  type(container, '.staff-course-edit__provider', '武山县职业技术教育中心')
  type(container, '.staff-course-edit__location', '武山县城关镇')
  type(container, '.staff-course-edit__enrollDeadline', '2099-04-05')
  type(container, '.staff-course-edit__startDate', '2099-04-10')
  type(container, '.staff-course-edit__endDate', '2099-04-30')
  type(container, '.staff-course-edit__capacity', '30')
  type(container, '.staff-course-edit__costYuan', '1200')
  type(container, '.staff-course-edit__subsidyYuan', '1200')
  type(container, '.staff-course-edit__certificate', '低压电工作业证')
}

describe('who may open it', () => {
  test('a signed-out visitor is asked to sign in as staff', async () => {
    setToken(null)
    render(<StaffCourseEditPage />)
    await settle()
    expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
    expect(screen.queryByText('开班')).toBeNull()
  })

  test('station staff are told only admins open courses', async () => {
    mockApi.on('GET', '/staff/me', () => stationStaff)
    render(<StaffCourseEditPage />)
    await settle()
    expect(screen.getByText('只有县级管理员可以使用这个功能。')).toBeTruthy()
    expect(screen.queryByText('开班')).toBeNull()
  })
})

describe('opening a course', () => {
  test('an empty form shows the contract’s message by each field and sends nothing', async () => {
    render(<StaffCourseEditPage />)
    await settle()
    await tap('开班')
    expect(fieldError('培训班名称')).toBe('请填写这一项')
    expect(fieldError('培训机构')).toBe('请填写这一项')
    expect(fieldError('上课地点')).toBe('请填写这一项')
    expect(fieldError('开课日期')).toBe('日期格式应为 2026-01-31')
    expect(fieldError('名额（人）')).toBe('请填写这一项')
    expect(fieldError('学费（元）')).toBe('请填写这一项')
    expect(fieldError('结业发什么证书')).toBe('请填写这一项')
    expect(fieldError('一共上几次课（可以不填）')).toBeUndefined()
    expect(screen.getByText('有几项需要改一下，请看红字')).toBeTruthy()
    expect(mockApi.callsTo('POST', '/staff/courses')).toHaveLength(0)
  })

  test('bad numbers and dates out of order are caught before sending', async () => {
    const { container } = render(<StaffCourseEditPage />)
    await inputsReady(container)
    fillMenuCourse(container)
    type(container, '.staff-course-edit__capacity', '2.5')
    type(container, '.staff-course-edit__enrollDeadline', '2099-04-20')
    type(container, '.staff-course-edit__endDate', '2099-04-01')
    type(container, '.staff-course-edit__subsidyYuan', '1500')
    await tap('开班')
    expect(fieldError('名额（人）')).toBe('请填写整数')
    expect(fieldError('报名截止日期')).toBe('报名截止日期不能晚于开课日期')
    expect(fieldError('结课日期')).toBe('结课日期不能早于开课日期')
    expect(fieldError('补贴（元）')).toBe('补贴不能多于学费')
    // Fixing a field clears its message at once.
    type(container, '.staff-course-edit__capacity', '30')
    expect(fieldError('名额（人）')).toBeUndefined()
    expect(mockApi.callsTo('POST', '/staff/courses')).toHaveLength(0)
  })

  test('下单培训 asks for the employer, city, wage and agreement', async () => {
    const { container } = render(<StaffCourseEditPage />)
    await inputsReady(container)
    expect(screen.queryByText('用工企业')).toBeNull()
    fillMenuCourse(container)
    await tap('下单培训')
    type(container, '.staff-course-edit__agreementText', '太短了')
    await tap('开班')
    expect(fieldError('用工企业')).toBe('下单培训要写明用工企业')
    expect(fieldError('去哪个城市上班')).toBe('下单培训要写明去哪个城市上班')
    expect(fieldError('月工资（元）')).toBe('下单培训要写明月工资')
    expect(fieldError('定向就业协议')).toBe('下单培训要写明定向就业协议（至少20个字）')
    expect(mockApi.callsTo('POST', '/staff/courses')).toHaveLength(0)
  })

  test('sends every field of the create body once, then opens the new course', async () => {
    mockApi.on('POST', '/staff/courses', (req) => ({ status: 201, body: course({ ...req.body, id: 31, seatsLeft: req.body.capacity, brand: null, isSample: false, sessions: 21 }) }))
    const { container } = render(<StaffCourseEditPage />)
    await inputsReady(container)
    fillMenuCourse(container)
    await tap('电工')
    type(container, '.staff-course-edit__certificateLevel', '五级/初级工')
    type(container, '.staff-course-edit__requirements', '初中以上文化')
    type(container, '.staff-course-edit__description', '安全用电、照明线路')
    await tap('开班')
    await settle()
    const sent = mockApi.callsTo('POST', '/staff/courses')
    expect(sent).toHaveLength(1)
    expect(sent[0].body).toEqual({
      title: '电工上岗培训班',
      trade: '电工',
      mode: 'menu',
      provider: '武山县职业技术教育中心',
      location: '武山县城关镇',
      capacity: 30,
      startDate: '2099-04-10',
      endDate: '2099-04-30',
      enrollDeadline: '2099-04-05',
      costYuan: 1200,
      subsidyYuan: 1200,
      certificate: '低压电工作业证',
      certificateLevel: '五级/初级工',
      requirements: '初中以上文化',
      description: '安全用电、照明线路',
      partnerEmployer: null,
      destinationCity: null,
      expectedWageYuan: null,
      agreementText: null,
    })
    expect(sent[0].headers['Idempotency-Key']).toBeTruthy()
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/course/index?id=31' })
  })

  test('what the server refuses is shown by its field', async () => {
    mockApi.on('POST', '/staff/courses', () =>
      failure(400, 'VALIDATION_FAILED', '填写的内容有误', { enrollDeadline: '报名截止日期不能早于今天' }),
    )
    const { container } = render(<StaffCourseEditPage />)
    await inputsReady(container)
    fillMenuCourse(container)
    await tap('开班')
    await settle()
    expect(fieldError('报名截止日期')).toBe('报名截止日期不能早于今天')
    expect(redirectTo).not.toHaveBeenCalled()
  })
})

describe('changing a course', () => {
  beforeEach(() => {
    setRouterParams({ id: '5' }, '/packages/staff/pages/course-edit/index')
    mockApi.on('GET', '/courses/5', () => ({ ...course({ id: 5, title: '电焊工定向培训班', agreementText: '考证合格的由公司录用为焊工，签劳动合同、交社保，不收任何费用。' }), myEnrollment: null }))
  })

  test('starts from the course as it is and patches it', async () => {
    mockApi.on('PATCH', '/staff/courses/5', (req) => course({ id: 5, ...req.body }))
    const { container } = render(<StaffCourseEditPage />)
    await inputsReady(container)
    expect(screen.getByText('修改培训班')).toBeTruthy()
    expect(screen.getByText('用工企业')).toBeTruthy()
    type(container, '.staff-course-edit__capacity', '50')
    await tap('保存修改')
    await settle()
    const sent = mockApi.callsTo('PATCH', '/staff/courses/5')
    expect(sent).toHaveLength(1)
    expect(sent[0].body).toMatchObject({ title: '电焊工定向培训班', mode: 'order', capacity: 50, sessions: 20, partnerEmployer: '天津某重工', expectedWageYuan: 6000 })
    expect(screen.getByText('已保存')).toBeTruthy()
    // Back to the course page, which reads the course again when shown.
    expect(navigateBack).toHaveBeenCalled()
  })

  test('a capacity below the seats taken is refused with the server’s words', async () => {
    mockApi.on('PATCH', '/staff/courses/5', () => failure(409, 'CONFLICT', '已经有 28 人报上名，名额不能少于 28 个'))
    const { container } = render(<StaffCourseEditPage />)
    await inputsReady(container)
    type(container, '.staff-course-edit__capacity', '20')
    await tap('保存修改')
    await settle()
    expect(screen.getByText('已经有 28 人报上名，名额不能少于 28 个')).toBeTruthy()
    expect(screen.queryByText('已保存')).toBeNull()
  })
})
