import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { StaffMember } from '@contract'
import type { InboxMessage } from '@contract/notifications'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import StaffAlertsPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
jest.setTimeout(20_000)

const admin: StaffMember = { id: 1, username: 'admin', displayName: '县人社局管理员', role: 'admin', stationId: null, stationName: null, mustChangePassword: false, township: null, villageId: null, village: null }

const alert = (over: Partial<InboxMessage>): InboxMessage => ({
  id: 1,
  kind: 'staff_case_overdue',
  title: '求助快要超时',
  body: '求助 2026-000123 已经 20 小时没有受理，再过 4 小时就超时了，请尽快联系求助人。',
  link: '/packages/staff/pages/case/index?no=2026-000123',
  createdAt: '2026-03-11T03:00:00.000Z',
  read: false,
  ...over,
})

let alerts: InboxMessage[]
beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  setRouterParams({}, '/packages/staff/pages/alerts/index')
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  alerts = [
    alert({ id: 5, kind: 'staff_batch_underfilled', title: '专车报名不到一半', body: '3月13日 周五 08:30 去昆山市的专车快发车了，只报了 1 / 45 座。', link: '/packages/staff/pages/batch/index?id=7', createdAt: '2026-03-11T04:00:00.000Z' }),
    alert({ id: 4 }),
    alert({ id: 2, kind: 'staff_new_case', title: '新的求助', body: '求助 2026-000120 分到了本站，请在 24 小时内受理。', link: '/packages/staff/pages/case/index?no=2026-000120', read: true }),
  ]
  mockApi.on('GET', '/staff/me', () => admin)
  mockApi.on('GET', '/staff/alerts', (req) => {
    // Two a page: the second page comes with the cursor.
    const after = req.query.get('cursor')
    const rest = after ? alerts.filter((a) => a.id < Number(after)) : alerts
    const page = rest.slice(0, 2)
    return { items: page, nextCursor: rest.length > 2 ? String(page[1].id) : null, unread: alerts.filter((a) => !a.read).length }
  })
  mockApi.on('POST', '/staff/alerts/read', (req) => {
    alerts = alerts.map((a) => (req.body.all || req.body.ids?.includes(a.id) ? { ...a, read: true } : a))
    return { unread: alerts.filter((a) => !a.read).length }
  })
})
afterEach(() => jest.restoreAllMocks())

const titles = () => [...document.querySelectorAll('.message-row__title')].map((el) => el.textContent)

test('newest first, unread in bold; more on request with the cursor', async () => {
  render(<StaffAlertsPage />)
  await settle()
  expect(titles()).toEqual(['专车报名不到一半', '求助快要超时'])
  expect(document.querySelectorAll('.message-row--unread')).toHaveLength(2)
  expect(screen.getByText(/只报了 1 \/ 45 座/)).toBeTruthy()
  await tapText('加载更多')
  await settle()
  expect(mockApi.callsTo('GET', '/staff/alerts').at(-1)!.query.get('cursor')).toBe('4')
  expect(titles()).toEqual(['专车报名不到一半', '求助快要超时', '新的求助'])
})

test('tapping one marks it read and opens its page; a read one opens without marking again', async () => {
  render(<StaffAlertsPage />)
  await settle()
  await tapText('求助快要超时')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/alerts/read').map((c) => c.body)).toEqual([{ ids: [4] }])
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/case/index?no=2026-000123' })
  expect(document.querySelectorAll('.message-row--unread')).toHaveLength(1)
  await tapText('求助快要超时')
  expect(mockApi.callsTo('POST', '/staff/alerts/read')).toHaveLength(1)
  await tapText('专车报名不到一半')
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/batch/index?id=7' })
})

test('全部标为已读 marks them all in one call, and the button goes', async () => {
  render(<StaffAlertsPage />)
  await settle()
  await tapText('全部标为已读')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/alerts/read').map((c) => c.body)).toEqual([{ all: true }])
  expect(document.querySelectorAll('.message-row--unread')).toHaveLength(0)
  expect(screen.queryByText('全部标为已读')).toBeNull()
})

test('none yet: says what will come here', async () => {
  alerts = []
  render(<StaffAlertsPage />)
  await settle()
  expect(screen.getByText('还没有提醒')).toBeTruthy()
  expect(screen.getByText(/快满或报不满的专车/)).toBeTruthy()
})
