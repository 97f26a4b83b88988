import { render, screen } from '@testing-library/react'
import type { StaffEmployer } from '@contract'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { adminStaff, fieldError, settle, stationStaff, tap, type } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import StaffEmployerPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

function record(over: Partial<StaffEmployer> = {}): StaffEmployer {
  return {
    id: 5,
    name: '无锡恒锐精密电子有限公司',
    creditCode: null,
    verified: false,
    verifiedAt: null,
    verifiedBy: null,
    suspended: false,
    since: '2023-03-01T02:00:00.000Z',
    trust: '未核验 · 县里合作 3 年 · 1 起欠薪投诉',
    counts: { postings: 4, openPostings: 2, hires: 17, reports: 1, rightsCases: 2, unpaidWageCases: 1 },
    verifiedByStaff: null,
    suspendedAt: null,
    suspendedBy: null,
    suspendedReason: null,
    postings: [{ id: 9, title: '电子厂普工', status: 'filled', postedAt: '2026-03-01T02:00:00.000Z', headcount: 20, hiredCount: 20, sourceStation: { id: 2, name: '无锡流动党员党支部' } }],
    ...over,
  }
}

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  setRouterParams({ id: '5' }, '/packages/staff/pages/employer/index')
  mockApi.on('GET', '/staff/employers/5', () => record())
})

test('shows the trust line, the history as counts and its postings with 已招满', async () => {
  mockApi.on('GET', '/staff/me', () => stationStaff)
  render(<StaffEmployerPage />)
  await settle()
  expect(screen.getByText('未核验 · 县里合作 3 年 · 1 起欠薪投诉')).toBeTruthy()
  expect(screen.getByText('发过岗位 4 个（在招 2 个），录用 17 人')).toBeTruthy()
  expect(screen.getByText('被举报 1 次，维权求助提到它 2 起（其中欠薪 1 起）')).toBeTruthy()
  expect(screen.getByText(/已招满/)).toBeTruthy()
  // Suspending is for admins.
  expect(screen.queryByText('暂停合作')).toBeNull()
})

test('a credit code with a wrong check character is refused before sending; a right one is recorded', async () => {
  mockApi.on('GET', '/staff/me', () => stationStaff)
  mockApi.on('POST', '/staff/employers/5/verify', () => record({ creditCode: '91350100M000100Y43', verified: true, trust: '已核验营业执照 · 县里合作 3 年 · 1 起欠薪投诉' }))
  const { container } = render(<StaffEmployerPage />)
  await settle()
  type(container, '.staff-employer__code', '91350100M000100Y44')
  await tap('已看过营业执照，记录核验')
  expect(fieldError('统一社会信用代码')).toBe('统一社会信用代码最后一位不对，请对照营业执照核对')
  expect(mockApi.callsTo('POST', '/staff/employers/5/verify')).toHaveLength(0)
  type(container, '.staff-employer__code', '91350100m000100y43')
  await tap('已看过营业执照，记录核验')
  await settle()
  const sent = mockApi.callsTo('POST', '/staff/employers/5/verify')
  expect(sent).toHaveLength(1)
  expect(sent[0].body).toEqual({ creditCode: '91350100M000100Y43' })
  expect(screen.getByText('已核验营业执照 · 县里合作 3 年 · 1 起欠薪投诉')).toBeTruthy()
})

test('an admin suspends it with a reason', async () => {
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('POST', '/staff/employers/5/suspend', () => record({ suspended: true, suspendedReason: '收取押金', trust: '已暂停合作 · 未核验 · 县里合作 3 年 · 1 起欠薪投诉' }))
  const { container } = render(<StaffEmployerPage />)
  await settle()
  type(container, '.staff-employer__reason', '收取押金')
  await tap('暂停合作')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/employers/5/suspend')[0].body).toEqual({ reason: '收取押金' })
  expect(screen.getByText(/已暂停合作：收取押金/)).toBeTruthy()
})
