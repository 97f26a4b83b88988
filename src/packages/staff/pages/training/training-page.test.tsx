import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { StaffCourseListItem } from '@contract'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { course } from '../../../../../tests/support/app/fixtures'
import { adminStaff, settle, staffSignInPrompt, stationStaff, tap, tapChip } from '../../../../../tests/support/app/staff-pages'
import StaffTrainingPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const item = (over: Partial<StaffCourseListItem> = {}): StaffCourseListItem => ({
  ...course({ id: 5, title: '电焊工定向培训班', capacity: 40, seatsLeft: 10 }),
  taken: 30,
  waitlistCount: 0,
  finishedCount: 0,
  certifiedCount: 0,
  ...over,
})

let navigateTo: jest.SpyInstance
beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('GET', '/staff/courses', () => ({
    items: [
      item(),
      item({ id: 6, title: '叉车司机小班', mode: 'menu', trade: '叉车司机', capacity: 3, seatsLeft: 0, taken: 3, waitlistCount: 2, finishedCount: 3, certifiedCount: 1, partnerEmployer: null, destinationCity: null, expectedWageYuan: null }),
    ],
    nextCursor: null,
  }))
  mockApi.on('GET', '/staff/course-requests/summary', () => ({
    items: [{ trade: '电工', requests: 7, workers: 5, latestAt: '2026-03-01T02:00:00.000Z' }],
    total: 7,
  }))
})
afterEach(() => jest.restoreAllMocks())

test('a signed-out visitor is asked to sign in as staff, and no course is read', async () => {
  setToken(null)
  render(<StaffTrainingPage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  await tap('去登录')
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/index/index' })
  expect(mockApi.callsTo('GET', '/staff/courses')).toHaveLength(0)
})

test('a worker signed in on the phone is not let in either', async () => {
  mockApi.on('GET', '/staff/me', () => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: '只有工作人员可以使用' } } }))
  render(<StaffTrainingPage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/courses')).toHaveLength(0)
})

test('lists each course with its fill rate, waitlist and finished counts, and the demand by trade', async () => {
  render(<StaffTrainingPage />)
  await settle()
  expect(screen.getByText('电焊工定向培训班')).toBeTruthy()
  expect(screen.getByText('已报 30/40（75%）')).toBeTruthy()
  expect(screen.getByText('候补 0 人')).toBeTruthy()
  expect(screen.getByText('叉车司机小班')).toBeTruthy()
  expect(screen.getByText('已报 3/3（100%）')).toBeTruthy()
  expect(screen.getByText('已满')).toBeTruthy()
  expect(screen.getByText('候补 2 人')).toBeTruthy()
  expect(screen.getByText('结业 3 · 发证 1')).toBeTruthy()
  expect(screen.getByText('电工：5 人想学（点了 7 次）')).toBeTruthy()
  expect(screen.getByText('共 7 次点单')).toBeTruthy()
})

test('admins open a new course and any course from the list', async () => {
  render(<StaffTrainingPage />)
  await settle()
  await tap('开新培训班')
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/course-edit/index' })
  await tap('叉车司机小班')
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/course/index?id=6' })
})

test('station staff read the list but are not offered 开新培训班', async () => {
  mockApi.on('GET', '/staff/me', () => stationStaff)
  render(<StaffTrainingPage />)
  await settle()
  expect(screen.getByText('电焊工定向培训班')).toBeTruthy()
  expect(screen.queryByText('开新培训班')).toBeNull()
  expect(screen.getByText(/培训班由县劳务输转服务中心开设和管理/)).toBeTruthy()
})

test('the mode chips ask the server for that mode only', async () => {
  render(<StaffTrainingPage />)
  await settle()
  await tapChip('下单培训')
  await settle()
  const last = mockApi.callsTo('GET', '/staff/courses').pop()!
  expect(last.query.get('mode')).toBe('order')
})

test('a failed list says so and offers 重试', async () => {
  mockApi.on('GET', '/staff/courses', () => ({ status: 500, body: { error: { code: 'INTERNAL', message: '服务器出了点问题，请稍后重试' } } }))
  render(<StaffTrainingPage />)
  await settle()
  expect(screen.getByText('没有加载出来')).toBeTruthy()
  expect(screen.getByText('重试')).toBeTruthy()
})
