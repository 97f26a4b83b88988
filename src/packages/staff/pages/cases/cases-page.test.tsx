import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { RightsRequestSummary } from '@contract'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { typeInto } from '../../../../../tests/support/app/interact'
import { offline, outOfRetries, settle, staffSignInPrompt, stationStaff, tap, tapChip } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import StaffCasesPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const HOUR = 60 * 60 * 1000
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR).toISOString()

function summary(over: Partial<RightsRequestSummary> = {}): RightsRequestSummary {
  return {
    trackingNo: '2026-000101',
    category: 'unpaid_wages',
    status: 'submitted',
    overdue: false,
    employerName: '昆山某电子厂',
    workCity: '昆山市',
    amountOwedYuan: 9000,
    workersAffected: 1,
    station: { id: 2, name: '昆山劳务工作站', phone: '0512-50000000' },
    firstResponsible: null,
    // 20.5 hours ago: 3 and a half hours left to accept.
    submittedAt: hoursAgo(20.5),
    updatedAt: hoursAgo(20.5),
    ...over,
  }
}

// In the server's order: overdue first, then oldest waiting, then cases in hand.
const queue = [
  summary({ trackingNo: '2026-000099', category: 'injury', amountOwedYuan: null, overdue: true, employerName: '无锡某工地', workCity: '无锡市', submittedAt: hoursAgo(26.2) }),
  summary(),
  summary({ trackingNo: '2026-000102', status: 'in_progress', firstResponsible: { name: '王站长' }, submittedAt: hoursAgo(2) }),
]

const row = (no: string) => screen.getByText(no).closest('.case-queue__item') as HTMLElement
const lastQuery = () => mockApi.callsTo('GET', '/staff/rights-requests').pop()!.query

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  setRouterParams({}, '/packages/staff/pages/cases/index')
  mockApi.on('GET', '/staff/me', () => stationStaff)
  mockApi.on('GET', '/staff/rights-requests', () => ({ items: queue, nextCursor: null }))
})
afterEach(() => jest.restoreAllMocks())

test('a signed-out visitor is asked to sign in as staff and sees no case', async () => {
  setToken(null)
  render(<StaffCasesPage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/rights-requests')).toHaveLength(0)
})

test('rows keep the server’s order and show the time left to accept, the state as a coloured label, and who is responsible', async () => {
  render(<StaffCasesPage />)
  await settle()
  const rows = [...document.querySelectorAll('.case-queue__item .case-queue__no')].map((e) => e.textContent)
  expect(rows).toEqual(['2026-000099', '2026-000101', '2026-000102'])

  expect(row('2026-000099').className).toContain('wb-card--warn')
  expect(row('2026-000099').querySelector('.case-status--overdue')?.textContent).toBe('超时未受理')
  expect(row('2026-000099').querySelector('.case-queue__left')?.textContent).toBe('已超时2小时')

  expect(row('2026-000101').querySelector('.case-status--submitted')?.textContent).toBe('待受理')
  expect(row('2026-000101').querySelector('.case-queue__left')?.textContent).toBe('还剩3小时')
  expect(row('2026-000101').className).not.toContain('wb-card--warn')
  expect(row('2026-000101').querySelector('.case-queue__category')?.textContent).toBe('欠薪 9000 元')
  expect(row('2026-000101').querySelector('.case-queue__employer')?.textContent).toBe('昆山某电子厂 · 昆山市 · 昆山劳务工作站')

  // In hand: no clock, the officer answering for it.
  expect(row('2026-000102').querySelector('.case-status--in_progress')?.textContent).toBe('办理中')
  expect(row('2026-000102').querySelector('.case-queue__left')?.textContent).toBe('')
  expect(row('2026-000102').querySelector('.case-queue__who')?.textContent).toBe('负责：王站长')
})

test('the search box asks the server by tracking number, phone’s last four digits or employer, and ✕ clears it', async () => {
  const { container } = render(<StaffCasesPage />)
  await settle()
  await typeInto(container, '.search-box__input', '5678')
  fireEvent.click(screen.getByText('搜索'))
  await settle()
  expect(lastQuery().get('q')).toBe('5678')
  mockApi.on('GET', '/staff/rights-requests', () => ({ items: [], nextCursor: null }))
  await typeInto(container, '.search-box__input', '宏达')
  fireEvent.click(screen.getByText('搜索'))
  await settle()
  expect(lastQuery().get('q')).toBe('宏达')
  expect(screen.getByText('没有找到“宏达”，可以换编号、手机尾号或单位名再搜')).toBeTruthy()
  fireEvent.click(screen.getByLabelText('清除搜索词'))
  await settle()
  expect(lastQuery().get('q')).toBeNull()
})

test('the views ask the server for 在办, overdue, 我负责的 or one state, with a category', async () => {
  render(<StaffCasesPage />)
  await settle()
  await tapChip('我负责的')
  await settle()
  expect(lastQuery().get('mine')).toBe('true')
  await tapChip('在办')
  await settle()
  expect([lastQuery().get('open'), lastQuery().get('mine')]).toEqual(['true', null])
  await tapChip('超时未受理')
  await settle()
  expect(lastQuery().get('overdue')).toBe('true')
  await tapChip('已受理')
  await tapChip('工伤')
  await settle()
  const last = lastQuery()
  expect([last.get('status'), last.get('category'), last.get('overdue')]).toEqual(['accepted', 'injury', null])
})

test('opened from a figure tile, the queue starts on that view', async () => {
  setRouterParams({ view: 'overdue' }, '/packages/staff/pages/cases/index')
  render(<StaffCasesPage />)
  await settle()
  expect(mockApi.callsTo('GET', '/staff/rights-requests')[0].query.get('overdue')).toBe('true')
  expect(document.querySelector('.chip--selected')?.textContent).toBe('超时未受理')
})

test('an unknown view in the address shows everything', async () => {
  setRouterParams({ view: 'nonsense' }, '/packages/staff/pages/cases/index')
  render(<StaffCasesPage />)
  await settle()
  const first = mockApi.callsTo('GET', '/staff/rights-requests')[0].query
  expect([first.get('overdue'), first.get('status'), first.get('open'), first.get('mine')]).toEqual([null, null, null, null])
})

test('a case opens its page', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<StaffCasesPage />)
  await settle()
  await tap('2026-000099')
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/case/index?no=2026-000099' })
})

test('the workbench menu is beside the queue, marks this page, and replaces the page rather than piling pages up', async () => {
  const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<StaffCasesPage />)
  await settle()
  const menu = document.querySelector('.staff-shell__menu') as HTMLElement
  expect([...menu.querySelectorAll('.staff-shell__menu-item')].map((m) => m.textContent)).toEqual(['工作台首页', '提醒', '求助案件', '岗位', '培训', '台账', '点对点专车', '零工到岗', '直播带岗', '政策解读'])
  expect(menu.querySelector('[aria-current="page"]')?.textContent).toBe('求助案件')
  fireEvent.click(screen.getByText('台账'))
  expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/ledgers/index' })
})

test('an empty queue says so', async () => {
  mockApi.on('GET', '/staff/rights-requests', () => ({ items: [], nextCursor: null }))
  render(<StaffCasesPage />)
  await settle()
  expect(screen.getByText('没有符合条件的求助')).toBeTruthy()
})

describe('without signal', () => {
  beforeEach(() => {
    Taro.clearStorageSync()
    setToken('staff-token')
  })

  test('the queue read before shows its saved copy, saying when it was saved', async () => {
    const first = render(<StaffCasesPage />)
    await settle()
    first.unmount()
    offline(mockApi, '/staff/rights-requests')
    render(<StaffCasesPage />)
    await outOfRetries()
    expect(screen.getByText(/没有网络，下面是已保存于/)).toBeTruthy()
    expect([...document.querySelectorAll('.case-queue__item .case-queue__no')].map((e) => e.textContent)).toEqual(['2026-000099', '2026-000101', '2026-000102'])
    expect(screen.queryByText('没有加载出来')).toBeNull()
  }, 15_000)

  test('a view never opened with signal says it has not been saved yet', async () => {
    const first = render(<StaffCasesPage />)
    await settle()
    first.unmount()
    offline(mockApi, '/staff/rights-requests')
    setRouterParams({ view: 'overdue' }, '/packages/staff/pages/cases/index')
    render(<StaffCasesPage />)
    await outOfRetries()
    expect(screen.getByText('没有网络，这一页还没有保存过，连上网后再打开')).toBeTruthy()
    // The whole queue saved for 全部 must not pass for the overdue view.
    expect(screen.queryByText('2026-000101')).toBeNull()
    expect(screen.queryByText(/已保存于/)).toBeNull()
  }, 15_000)
})
