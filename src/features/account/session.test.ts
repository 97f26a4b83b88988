import { getToken, request } from '@/api'
import { listMyApplications } from '@contract/jobs'
import { isWorkerSignedIn, resetSessionForTests, startSession } from './session'

const answers: Array<{ status: number; body: unknown }> = []
jest.mock('@/api/http', () => ({ send: async () => answers.shift() }))

const me = { id: 1, name: '张三', phone: '138****1234', hometownTownship: null, hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: false, currentCity: null, returnedHome: false, willingToGoOut: true, povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }

beforeEach(() => resetSessionForTests())

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
