import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { RightsRequestSummary } from '@contract'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, staffSignInPrompt, stationStaff, tap, tapChip } from '../../../../../tests/support/app/staff-pages'
import StaffCasesPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/transport', () => ({ send: (req: unknown) => mockApi.send(req) }))

function summary(over: Partial<RightsRequestSummary> = {}): RightsRequestSummary {
  return {
    trackingNo: 'WS-2026-000101',
    category: 'unpaid_wages',
    status: 'submitted',
    overdue: false,
    employerName: '昆山某电子厂',
    workCity: '昆山市',
    amountOwedYuan: 9000,
    workersAffected: 1,
    station: { id: 2, name: '昆山劳务工作站', phone: '0512-50000000' },
    firstResponsible: null,
    submittedAt: '2026-03-10T02:00:00.000Z',
    updatedAt: '2026-03-10T02:00:00.000Z',
    ...over,
  }
}

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => stationStaff)
  mockApi.on('GET', '/staff/rights-requests', () => ({
    items: [summary(), summary({ trackingNo: 'WS-2026-000099', category: 'injury', amountOwedYuan: null, overdue: true, employerName: '无锡某工地', workCity: '无锡市' })],
    nextCursor: null,
  }))
})
afterEach(() => jest.restoreAllMocks())

test('a signed-out visitor is asked to sign in as staff and sees no case', async () => {
  setToken(null)
  render(<StaffCasesPage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/rights-requests')).toHaveLength(0)
})

test('lists the station’s cases with category, employer and an overdue flag', async () => {
  render(<StaffCasesPage />)
  await settle()
  expect(screen.getByText('WS-2026-000101')).toBeTruthy()
  expect(screen.getByText('欠薪 9000 元')).toBeTruthy()
  expect(screen.getByText('昆山某电子厂 · 昆山市 · 昆山劳务工作站')).toBeTruthy()
  expect(screen.getByText('WS-2026-000099').closest('.staff-cases__item')?.className).toContain('wb-card--warn')
  expect(screen.getByText('超时')).toBeTruthy()
})

test('the filters ask the server for overdue cases, a status or a category', async () => {
  render(<StaffCasesPage />)
  await settle()
  await tapChip('超时未受理')
  await settle()
  expect(mockApi.callsTo('GET', '/staff/rights-requests').pop()!.query.get('overdue')).toBe('true')
  await tapChip('已受理')
  await tapChip('工伤')
  await settle()
  const last = mockApi.callsTo('GET', '/staff/rights-requests').pop()!
  expect([last.query.get('status'), last.query.get('category'), last.query.get('overdue')]).toEqual(['accepted', 'injury', null])
})

test('a case opens its page', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<StaffCasesPage />)
  await settle()
  await tap('WS-2026-000099')
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/case/index?no=WS-2026-000099' })
})

test('an empty queue says so', async () => {
  mockApi.on('GET', '/staff/rights-requests', () => ({ items: [], nextCursor: null }))
  render(<StaffCasesPage />)
  await settle()
  expect(screen.getByText('没有符合条件的求助')).toBeTruthy()
})
