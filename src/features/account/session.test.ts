import Taro from '@tarojs/taro'
import { getToken, request, setToken } from '@/api'
import type { ApiError as ApiErrorType } from '@/api/api-error'
import { listMyApplications } from '@contract/jobs'
import { isWorkerSignedIn, refreshSession, resetSessionForTests, sessionStateForTests, signOut, startSession } from './session'

const answers: Array<{ status: number; body: unknown }> = []
let mockSendFails = 0
jest.mock('@/api/http', () => ({
  send: async () => {
    if (mockSendFails > 0) {
      mockSendFails--
      const { ApiError } = jest.requireActual<{ ApiError: typeof ApiErrorType }>('@/api/api-error')
      throw new ApiError('NETWORK')
    }
    return answers.shift()
  },
}))

const me = { id: 1, name: '张三', phone: '138****1234', hometownTownship: null, hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: false, currentCity: null, returnedHome: false, willingToGoOut: true, povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }

beforeEach(() => {
  resetSessionForTests()
  Taro.clearStorageSync()
})

test('a 401 met by any call ends the worker session on this device, with no page checking for it', async () => {
  startSession('worker-token', me)
  expect(isWorkerSignedIn()).toBe(true)
  answers.push({ status: 401, body: { error: { code: 'UNAUTHORIZED', message: '登录已过期，请重新登录' } } })
  await expect(request(listMyApplications, { query: {} })).rejects.toMatchObject({ status: 401 })
  expect(getToken()).toBeNull()
  expect(isWorkerSignedIn()).toBe(false)
})

test('any other refusal leaves the session alone', async () => {
  startSession('worker-token', me)
  answers.push({ status: 404, body: { error: { code: 'NOT_FOUND', message: '没有找到' } } })
  await expect(request(listMyApplications, { query: {} })).rejects.toMatchObject({ status: 404 })
  expect(getToken()).toBe('worker-token')
  expect(isWorkerSignedIn()).toBe(true)
})

test('without signal the session check settles as offline at the first failed try, and a retry that gets through signs the worker in', async () => {
  jest.useFakeTimers()
  try {
    setToken('worker-token')
    mockSendFails = 1
    answers.push({ status: 200, body: me })
    const done = refreshSession()
    // One failed try, no waiting for the retries: pages may show their saved copies now.
    await Promise.resolve()
    await Promise.resolve()
    expect(sessionStateForTests()).toMatchObject({ loading: false, checked: true, me: null, error: { code: 'NETWORK' } })
    await jest.runAllTimersAsync()
    await done
    expect(sessionStateForTests()).toMatchObject({ loading: false, error: null, me: { id: 1 } })
  } finally {
    jest.useRealTimers()
  }
})

test('opened again without signal, the profile last read shows, and signing out forgets it', async () => {
  startSession('worker-token', me)
  resetSessionForTests() // the app is closed and opened again; the phone's storage stays
  mockSendFails = 3
  await refreshSession()
  expect(sessionStateForTests()).toMatchObject({ loading: false, error: { code: 'NETWORK' }, me: { id: 1, name: '张三', phone: '138****1234' } })
  expect(isWorkerSignedIn()).toBe(true)
  await signOut({ remote: false })
  resetSessionForTests()
  setToken('worker-token')
  mockSendFails = 3
  await refreshSession()
  expect(sessionStateForTests()).toMatchObject({ me: null, error: { code: 'NETWORK' } })
})
