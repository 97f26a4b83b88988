import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, setToken } from '@/api'
import type { InboxMessage } from '@contract/notifications'
import { resetSessionForTests } from '@/features/account/session'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText } from '../../../../../tests/support/app/interact'
import InboxPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
jest.setTimeout(20_000)

const me = { id: 1, name: '张三', phone: '138****1234', hometownTownship: null, hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: false, currentCity: null, returnedHome: false, willingToGoOut: true, povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }
const message = (over: Partial<InboxMessage>): InboxMessage => ({
  id: 1,
  kind: 'rights_accepted',
  title: '您的求助已受理',
  body: '求助 2026-000123 已由工作人员受理，会尽快联系您。',
  link: '/packages/rights/pages/case/index?trackingNo=2026-000123',
  createdAt: '2026-03-10T02:00:00.000Z',
  read: false,
  ...over,
})

let messages: InboxMessage[]
beforeEach(() => {
  mockApi.reset()
  Taro.clearStorageSync()
  resetSessionForTests()
  setToken('worker-token')
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  messages = [
    message({ id: 3, kind: 'transport_cancelled', title: '专车取消了', body: '您报名的3月14日 周六 07:00 去昆山市的专车取消了：司机生病', link: '/packages/transport/pages/mine/index', createdAt: '2026-03-11T02:00:00.000Z' }),
    message({ id: 1, read: true }),
  ]
  mockApi.on('GET', '/me', () => me)
  mockApi.on('GET', '/me/messages', () => ({ items: messages, nextCursor: null, unread: messages.filter((m) => !m.read).length }))
  mockApi.on('POST', '/me/messages/read', (req) => {
    messages = messages.map((m) => (req.body.all || req.body.ids?.includes(m.id) ? { ...m, read: true } : m))
    return { unread: messages.filter((m) => !m.read).length }
  })
})

test('newest first, the unread one marked; tapping it marks it read and opens the page it is about', async () => {
  render(<InboxPage />)
  await settle()
  const titles = [...document.querySelectorAll('.message-row__title')].map((el) => el.textContent)
  expect(titles).toEqual(['专车取消了', '您的求助已受理'])
  expect(document.querySelectorAll('.message-row--unread')).toHaveLength(1)
  expect(screen.getByText(/司机生病/)).toBeTruthy()

  await tapText('专车取消了')
  await settle()
  expect(mockApi.callsTo('POST', '/me/messages/read').map((c) => c.body)).toEqual([{ ids: [3] }])
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/transport/pages/mine/index' })
  expect(document.querySelectorAll('.message-row--unread')).toHaveLength(0)

  // A read message opens without marking it again.
  await tapText('您的求助已受理')
  expect(mockApi.callsTo('POST', '/me/messages/read')).toHaveLength(1)
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/rights/pages/case/index?trackingNo=2026-000123' })
})

test('全部标为已读 marks them all in one call', async () => {
  render(<InboxPage />)
  await settle()
  await tapText('全部标为已读')
  await settle()
  expect(mockApi.callsTo('POST', '/me/messages/read').map((c) => c.body)).toEqual([{ all: true }])
  expect(document.querySelectorAll('.message-row--unread')).toHaveLength(0)
  expect(screen.queryByText('全部标为已读')).toBeNull()
})

test('without a network the saved copy shows, saying when it was saved', async () => {
  const first = render(<InboxPage />)
  await settle()
  first.unmount()
  const offline = () => {
    throw new ApiError('NETWORK')
  }
  mockApi.on('GET', '/me', offline)
  mockApi.on('GET', '/me/messages', offline)
  resetSessionForTests()
  render(<InboxPage />)
  await settle()
  // The client's own retries (0.6 s and 1.8 s) run out first: the session's check, then the list's.
  await act(async () => new Promise((r) => setTimeout(r, 3000)))
  await settle()
  await act(async () => new Promise((r) => setTimeout(r, 3000)))
  await settle()
  expect(screen.getByText(/没有网络，下面是已保存于/)).toBeTruthy()
  expect(screen.getByText('专车取消了')).toBeTruthy()
})

test('signed out: asks to sign in and asks the server for nothing', async () => {
  setToken(null)
  render(<InboxPage />)
  await settle()
  expect(screen.getByText('登录后能看到给您的消息。')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/me/messages')).toHaveLength(0)
})
