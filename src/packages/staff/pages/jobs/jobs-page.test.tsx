import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { StaffJobListItem } from '@contract'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { jobPosting } from '../../../../../tests/support/app/fixtures'
import { adminStaff, settle, staffSignInPrompt, stationStaff, tap } from '../../../../../tests/support/app/staff-pages'
import { firePageEvent } from '../../../../../tests/support/app/taro-shim'
import StaffJobsPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const listItem = (over: Partial<StaffJobListItem> = {}): StaffJobListItem => ({ ...jobPosting(), reviewStatus: 'ok', applicationCount: 0, hiredCount: 0, ...over })

let navigateTo: jest.SpyInstance
beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  mockApi.on('GET', '/staff/me', () => stationStaff)
  mockApi.on('GET', '/staff/jobs', () => ({
    items: [
      listItem({ id: 7, title: '设备维修电工', employerName: '无锡某电子厂', wageMinYuan: 6000, wageMaxYuan: 8000, applicationCount: 4, hiredCount: 1 }),
      listItem({ id: 8, title: '普工', employerVerified: false, status: 'closed', reviewStatus: 'pending' }),
    ],
    nextCursor: null,
  }))
  mockApi.on('GET', '/staff/jobs/under-review', () => ({
    items: [
      {
        id: 8,
        title: '普工',
        employerName: '天津北辰某机械有限公司',
        sourceStation: { id: 2, name: '昆山劳务工作站' },
        reports: [
          { id: 1, reason: 'fee', detail: '', createdAt: '2026-03-01T02:00:00.000Z' },
          { id: 2, reason: 'fee', detail: '要交500', createdAt: '2026-03-02T02:00:00.000Z' },
        ],
      },
    ],
  }))
})
afterEach(() => jest.restoreAllMocks())

test('a signed-out visitor is asked to sign in as staff and no posting is read', async () => {
  setToken(null)
  render(<StaffJobsPage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/jobs')).toHaveLength(0)
})

test('lists the postings with wage, state and applicants, and the reported ones apart', async () => {
  render(<StaffJobsPage />)
  await settle()
  expect(screen.getByText('设备维修电工')).toBeTruthy()
  expect(screen.getByText('无锡某电子厂（已核实）')).toBeTruthy()
  expect(screen.getByText('6000-8000 元/月')).toBeTruthy()
  expect(screen.getByText('报名 4 · 录用 1')).toBeTruthy()
  expect(screen.getByText('被举报、待核查的岗位')).toBeTruthy()
  expect(screen.getByText(/举报 2 次/)).toBeTruthy()
  expect(screen.getByText('待核查')).toBeTruthy()
  // Each list read once on opening; again when the page is shown anew (back from a posting).
  expect(mockApi.callsTo('GET', '/staff/jobs')).toHaveLength(1)
  act(() => void firePageEvent('hide'))
  act(() => void firePageEvent('show'))
  await settle()
  expect(mockApi.callsTo('GET', '/staff/jobs')).toHaveLength(2)
})

test('发布新岗位 and a row open the posting page', async () => {
  mockApi.on('GET', '/staff/me', () => adminStaff)
  render(<StaffJobsPage />)
  await settle()
  await tap('发布新岗位')
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/job/index' })
  await tap('设备维修电工')
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/job/index?id=7' })
})
