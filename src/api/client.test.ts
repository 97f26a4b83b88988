import Taro from '@tarojs/taro'
import { z } from 'zod/mini'
import { endpoint } from '@contract'
import { ApiError, onSessionRefused, request } from '.'
import { api } from '@contract'
import { buildQuery } from './client'

jest.mock('@tarojs/taro', () => {
  const store = new Map<string, unknown>()
  const taro = {
    request: jest.fn(),
    getStorageSync: (k: string) => store.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => store.set(k, v),
    removeStorageSync: (k: string) => store.delete(k),
  }
  return { __esModule: true, default: taro, ...taro }
})

const taroRequest = Taro.request as unknown as jest.Mock
const ok = (data: unknown, statusCode = 200) => Promise.resolve({ statusCode, data, header: {} })

const createThing = endpoint({
  method: 'POST',
  path: '/things',
  access: 'public',
  idempotent: true,
  summary: 'test write',
  body: z.object({ name: z.string() }),
  response: z.object({ id: z.number() }),
})

const health = { status: 'ok', db: 'sqlite' }

beforeEach(() => taroRequest.mockReset())

test('parses a good answer with the contract', async () => {
  taroRequest.mockReturnValueOnce(ok(health))
  await expect(request(api.health)).resolves.toEqual(health)
  expect(taroRequest.mock.calls[0][0]).toMatchObject({ url: '/api/health', method: 'GET' })
})

test('fills path parameters and serialises the query, skipping empty values', async () => {
  taroRequest.mockReturnValueOnce(ok({ items: [], nextCursor: null }))
  await request(api.listJobs, { query: { q: '电工', province: '', benefits: '包吃,包住', limit: 10 } })
  expect(taroRequest.mock.calls[0][0].url).toBe(
    `/api/jobs?q=${encodeURIComponent('电工')}&benefits=${encodeURIComponent('包吃,包住')}&limit=10`,
  )
  expect(buildQuery({ a: undefined, b: null, c: [] })).toBe('')
})

test('an answer that breaks the contract is an ApiError, not bad data on screen', async () => {
  taroRequest.mockReturnValueOnce(ok({ status: 'ok', db: 'mysql' }))
  const err = await request(api.health).catch((e) => e)
  expect(err).toBeInstanceOf(ApiError)
  expect(err.code).toBe('BAD_RESPONSE')
  expect(err.message).toMatch(/请稍后重试/)
})

test('a non-JSON error page becomes an ApiError with a plain message', async () => {
  taroRequest.mockReturnValue(ok(null, 502))
  const err = await request(api.health, {}, { retryDelaysMs: [] }).catch((e) => e)
  expect(err).toBeInstanceOf(ApiError)
  expect(err.code).toBe('INTERNAL')
  expect(err.status).toBe(502)
})

test('a 400 carries the server message and the field messages', async () => {
  const body = { error: { code: 'VALIDATION_FAILED', message: '填写的内容有误', fields: { limit: '不能大于 50' } } }
  taroRequest.mockReturnValue(ok(body, 400))
  const err = await request(api.listJobs, { query: { limit: 99 } }, { retryDelaysMs: [1, 1] }).catch((e) => e)
  expect(err).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, fields: { limit: '不能大于 50' } })
  // A 4xx is the server's considered answer: retrying cannot change it.
  expect(taroRequest).toHaveBeenCalledTimes(1)
})

test('a read is retried after a network failure', async () => {
  taroRequest.mockRejectedValueOnce({ errMsg: 'request:fail' }).mockReturnValueOnce(ok(health))
  await expect(request(api.health, {}, { retryDelaysMs: [1] })).resolves.toEqual(health)
  expect(taroRequest).toHaveBeenCalledTimes(2)
})

test('a keyed write is retried with the same Idempotency-Key', async () => {
  taroRequest
    .mockRejectedValueOnce({ errMsg: 'request:fail timeout' })
    .mockRejectedValueOnce({ name: 'AbortError' })
    .mockReturnValueOnce(ok({ id: 7 }, 201))
  await expect(request(createThing, { body: { name: 'x' } }, { retryDelaysMs: [1, 1] })).resolves.toEqual({ id: 7 })
  const keys = taroRequest.mock.calls.map((c) => c[0].header['Idempotency-Key'])
  expect(keys).toHaveLength(3)
  expect(new Set(keys).size).toBe(1)
  expect(keys[0]).toMatch(/^[a-z0-9-]{8,100}$/)
})

test('each new action gets its own key; a given key is reused', async () => {
  taroRequest.mockImplementation(() => ok({ id: 1 }, 201))
  await request(createThing, { body: { name: 'a' } })
  await request(createThing, { body: { name: 'b' } })
  await request(createThing, { body: { name: 'c' } }, { idempotencyKey: 'fixed-key-123' })
  const keys = taroRequest.mock.calls.map((c) => c[0].header['Idempotency-Key'])
  expect(keys[0]).not.toBe(keys[1])
  expect(keys[2]).toBe('fixed-key-123')
})

test('gives up after the last retry with a network error a worker can act on', async () => {
  taroRequest.mockRejectedValue({ errMsg: 'request:fail' })
  const err = await request(api.health, {}, { retryDelaysMs: [1, 1] }).catch((e) => e)
  expect(err).toMatchObject({ code: 'NETWORK', message: '网络不稳定，请检查网络后重试' })
  expect(taroRequest).toHaveBeenCalledTimes(3)
})

test('sends the bearer token when signed in', async () => {
  Taro.setStorageSync('wgt.session.token', 'tok123')
  taroRequest.mockReturnValueOnce(ok(health))
  await request(api.health)
  expect(taroRequest.mock.calls[0][0].header.Authorization).toBe('Bearer tok123')
  Taro.removeStorageSync('wgt.session.token')
})

describe('a refused session (401) is reported once, to whoever handles sign-in', () => {
  const mine = endpoint({ method: 'GET', path: '/me/things', access: 'worker', summary: 'test read', response: z.object({ id: z.number() }) })
  const refused = () => ok({ error: { code: 'UNAUTHORIZED', message: '请先登录' } }, 401)

  test('a 401 from an endpoint that needs a session tells the listeners, and is thrown as usual', async () => {
    const listener = jest.fn()
    const stop = onSessionRefused(listener)
    taroRequest.mockReturnValueOnce(refused())
    await expect(request(mine)).rejects.toMatchObject({ status: 401 })
    expect(listener).toHaveBeenCalledTimes(1)
    stop()
    taroRequest.mockReturnValueOnce(refused())
    await expect(request(mine)).rejects.toMatchObject({ status: 401 })
    expect(listener).toHaveBeenCalledTimes(1)
  })

  test('a sign-in refused (a public endpoint) is no ended session', async () => {
    const listener = jest.fn()
    const stop = onSessionRefused(listener)
    taroRequest.mockReturnValueOnce(refused())
    await expect(request(createThing, { body: { name: 'x' } })).rejects.toMatchObject({ status: 401 })
    expect(listener).not.toHaveBeenCalled()
    stop()
  })
})
