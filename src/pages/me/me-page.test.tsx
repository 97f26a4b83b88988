import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, getToken, setToken } from '@/api'
import { api } from '@contract'
import { resetSessionForTests } from '@/features/account/session'
import MePage from '.'

jest.mock('@/api', () => {
  const actual = jest.requireActual('@/api')
  return { ...actual, request: jest.fn(), useApi: jest.fn(() => ({ data: undefined, error: null, loading: false, refresh: jest.fn() })) }
})
const { request } = jest.requireMock('@/api') as { request: jest.Mock }

const me = {
  id: 1,
  name: '张三',
  phone: '138****1234',
  hometownTownship: '洛门镇',
  hometownVillage: null,
  idNumber: null,
  trades: [],
  skills: '',
  workingAway: false,
  currentCity: null,
  returnedHome: false,
  willingToGoOut: true,
  povertyAlleviated: false,
  wechatLinked: false,
  consents: [],
  createdAt: '2026-11-26T08:00:00.000Z',
}

async function renderPage() {
  await act(async () => {
    render(<MePage />)
  })
}

beforeEach(() => {
  request.mockReset()
  resetSessionForTests()
  setToken(null)
})

test('signed out: a sign-in card whose 登录 opens the sign-in page and comes back here', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  await renderPage()
  expect(screen.getByText('登录后')).toBeTruthy()
  expect(screen.queryByText('退出登录')).toBeNull()
  fireEvent.click(screen.getByText('登录'))
  expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/me/pages/sign-in/index?redirect=${encodeURIComponent('/pages/me/index')}` })
  expect(request).not.toHaveBeenCalled()
})

test('signed in: the masked phone, the name, the rows, and 退出登录 ends the session', async () => {
  setToken('tok-1')
  request.mockImplementation((endpoint) => Promise.resolve(endpoint === api.getMe ? me : { signedOut: true }))
  await renderPage()
  expect(screen.getByText('138****1234')).toBeTruthy()
  expect(screen.getByText('张三')).toBeTruthy()
  for (const row of ['记工', '我的资料', '我的报名', '我的课程', '我的求助', '隐私与授权', '导出我的信息', '注销账号']) {
    expect(screen.getByText(row)).toBeTruthy()
  }
  await act(async () => {
    fireEvent.click(screen.getByText('退出登录'))
  })
  expect(request).toHaveBeenCalledWith(api.logout, {}, { retryDelaysMs: [] })
  expect(getToken()).toBeNull()
  expect(screen.getByText('登录后')).toBeTruthy()
})

test('an expired token (401) leads to the signed-out state and is forgotten', async () => {
  setToken('tok-old')
  request.mockRejectedValue(new ApiError('UNAUTHORIZED', '登录已过期，请重新登录', { status: 401 }))
  await renderPage()
  expect(screen.getByText('登录后')).toBeTruthy()
  expect(getToken()).toBeNull()
})

test('a network failure while checking offers 重试 instead of pretending to be signed out', async () => {
  setToken('tok-1')
  request.mockRejectedValueOnce(new ApiError('NETWORK')).mockResolvedValue(me)
  await renderPage()
  expect(screen.getByText('网络不稳定，请检查网络后重试')).toBeTruthy()
  await act(async () => {
    fireEvent.click(screen.getByText('重试'))
  })
  expect(screen.getByText('138****1234')).toBeTruthy()
  expect(getToken()).toBe('tok-1')
})

test('signed in: 消息 shows how many are unread and opens the inbox', async () => {
  const { useApi } = jest.requireMock('@/api') as { useApi: jest.Mock }
  useApi.mockImplementation((endpoint) => ({
    data: endpoint === api.listMyMessages ? { items: [], nextCursor: null, unread: 3 } : undefined,
    error: null,
    loading: false,
    refresh: jest.fn(),
  }))
  setToken('tok-1')
  request.mockImplementation((endpoint) => Promise.resolve(endpoint === api.getMe ? me : { signedOut: true }))
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  await renderPage()
  expect(screen.getByText('3 条未读')).toBeTruthy()
  fireEvent.click(screen.getByText('消息'))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/messages/pages/inbox/index' })
  // Signed in, the count is asked for; the hook is off when signed out.
  expect(useApi.mock.calls.some(([endpoint, , options]) => endpoint === api.listMyMessages && options?.enabled === true)).toBe(true)
})
