import { render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Course, StaffEnrollment } from '@contract'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { course } from '../../../../../tests/support/app/fixtures'
import { adminStaff, fieldError, inputsReady, settle, staffSignInPrompt, stationStaff, tap, type } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { chinaToday } from '@/features/training/lib/format'
import StaffCoursePage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

// Under way: completion and certificates may be recorded.
const begun: Course = course({ id: 5, title: '电焊工定向培训班', startDate: '2000-01-10', endDate: '2000-01-30', enrollDeadline: '2000-01-05', capacity: 3, seatsLeft: 0, certificateLevel: '五级' })

function student(over: Partial<StaffEnrollment>): StaffEnrollment {
  return { id: 1, status: 'enrolled', waitlistPosition: null, name: '王小明', phone: '137****0001', agreedTermsAt: null, createdAt: '2026-03-01T02:00:00.000Z', certificate: null, ...over }
}

let enrolled: StaffEnrollment[]
let courseNow: Course
beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  setRouterParams({ id: '5' }, '/packages/staff/pages/course/index')
  courseNow = begun
  enrolled = [
    student({ id: 11, name: '王小明' }),
    student({ id: 12, name: '李大山', phone: '137****0002', status: 'completed' }),
    student({ id: 13, name: null, phone: '137****0003', status: 'certified', certificate: { number: 'GS-0001', level: '五级', issuedOn: '2000-02-01' } }),
  ]
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('GET', '/staff/courses/5/enrollments', () => ({
    course: courseNow,
    enrolled,
    waitlist: [student({ id: 21, name: '赵候补', phone: '137****0004', status: 'waitlisted', waitlistPosition: 1 }), student({ id: 22, name: null, phone: '137****0005', status: 'waitlisted', waitlistPosition: 2 })],
  }))
})
afterEach(() => jest.restoreAllMocks())

const card = (name: string) => [...document.querySelectorAll<HTMLElement>('.staff-course__student')].find((c) => c.textContent?.includes(name))!

test('a signed-out visitor is asked to sign in as staff and no enrolment is read', async () => {
  setToken(null)
  render(<StaffCoursePage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/courses/5/enrollments')).toHaveLength(0)
})

test('shows the course, who holds a seat (with certificates) and the waitlist in order', async () => {
  render(<StaffCoursePage />)
  await settle()
  expect(screen.getByText('电焊工定向培训班')).toBeTruthy()
  expect(screen.getByText('已报 3/3（100%），候补 2 人')).toBeTruthy()
  expect(screen.getByText('已报上名（3 人）')).toBeTruthy()
  expect(within(card('王小明')).getByText(/已报上名 ·/)).toBeTruthy()
  expect(within(card('李大山')).getByText(/已结业 ·/)).toBeTruthy()
  expect(screen.getByText('证书编号 GS-0001 · 五级 · 发证 2000-02-01')).toBeTruthy()
  expect(screen.getByText('候补名单（2 人）')).toBeTruthy()
  expect(screen.getByText('第 1 位：赵候补 137****0004')).toBeTruthy()
  expect(screen.getByText('第 2 位：（未填姓名） 137****0005')).toBeTruthy()
})

test('记为结业 posts the completion of that enrolment and shows the list again', async () => {
  mockApi.on('POST', '/staff/enrollments/11/complete', () => {
    enrolled = enrolled.map((e) => (e.id === 11 ? { ...e, status: 'completed' } : e))
    return enrolled[0]
  })
  render(<StaffCoursePage />)
  await settle()
  const reads = mockApi.callsTo('GET', '/staff/courses/5/enrollments').length
  await tap('记为结业')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/enrollments/11/complete')).toHaveLength(1)
  expect(screen.getByText('已记 王小明 结业')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/courses/5/enrollments').length).toBeGreaterThan(reads)
  expect(within(card('王小明')).getByText(/已结业 ·/)).toBeTruthy()
  expect(screen.queryByText('记为结业')).toBeNull()
})

test('a refused completion says why', async () => {
  mockApi.on('POST', '/staff/enrollments/11/complete', () => failure(409, 'CONFLICT', '还没开课，不能记为结业'))
  render(<StaffCoursePage />)
  await settle()
  await tap('记为结业')
  await settle()
  expect(screen.getByText('还没开课，不能记为结业')).toBeTruthy()
})

test('登记证书 checks the fields first, then records the certificate and shows its number', async () => {
  mockApi.on('POST', '/staff/enrollments/12/certificate', (req) => {
    enrolled = enrolled.map((e) => (e.id === 12 ? { ...e, status: 'certified', certificate: req.body } : e))
    return enrolled[1]
  })
  const { container } = render(<StaffCoursePage />)
  await settle()
  await tap('登记证书')
  await inputsReady(container)
  // The level comes from the course, the date is today.
  expect((container.querySelector('.staff-course__cert-level input') as HTMLInputElement | null)?.value ?? container.querySelector('.staff-course__cert-level')?.getAttribute('value')).toBe('五级')
  type(container, '.staff-course__cert-date', '2099-01-01')
  await tap('保存证书')
  expect(fieldError('证书编号')).toBe('请填写这一项')
  expect(mockApi.callsTo('POST', '/staff/enrollments/12/certificate')).toHaveLength(0)

  type(container, '.staff-course__cert-number', 'GS2026-000123')
  await tap('保存证书')
  expect(fieldError('证书编号')).toBeUndefined()
  expect(fieldError('发证日期')).toBe('发证日期不能晚于今天')
  expect(mockApi.callsTo('POST', '/staff/enrollments/12/certificate')).toHaveLength(0)

  type(container, '.staff-course__cert-date', chinaToday())
  await tap('保存证书')
  await settle()
  const sent = mockApi.callsTo('POST', '/staff/enrollments/12/certificate')
  expect(sent).toHaveLength(1)
  expect(sent[0].body).toEqual({ number: 'GS2026-000123', level: '五级', issuedOn: chinaToday() })
  expect(sent[0].headers['Idempotency-Key']).toBeTruthy()
  expect(screen.getByText('已登记 李大山 的证书，编号 GS2026-000123')).toBeTruthy()
  expect(screen.getByText(`证书编号 GS2026-000123 · 五级 · 发证 ${chinaToday()}`)).toBeTruthy()
})

test('before the first day there is nothing to mark yet', async () => {
  courseNow = { ...begun, startDate: '2999-01-10', endDate: '2999-01-30', enrollDeadline: '2999-01-05' }
  render(<StaffCoursePage />)
  await settle()
  expect(screen.getByText('开课（2999-01-10）以后才能记结业、登记证书。')).toBeTruthy()
  expect(screen.queryByText('记为结业')).toBeNull()
})

test('station staff see the lists without any action', async () => {
  mockApi.on('GET', '/staff/me', () => stationStaff)
  render(<StaffCoursePage />)
  await settle()
  expect(screen.getByText('第 1 位：赵候补 137****0004')).toBeTruthy()
  expect(screen.queryByText('记为结业')).toBeNull()
  expect(screen.queryByText('登记证书')).toBeNull()
  expect(screen.queryByText('修改培训班')).toBeNull()
})

test('修改培训班 opens the edit page for this course', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<StaffCoursePage />)
  await settle()
  await tap('修改培训班')
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/course-edit/index?id=5' })
})
