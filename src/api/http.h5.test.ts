import { ApiError } from './api-error'
import { send } from './http.h5'

const fetchMock = jest.fn()
beforeAll(() => {
  ;(globalThis as { fetch?: unknown }).fetch = fetchMock
})
beforeEach(() => fetchMock.mockReset())

const answer = (status: number, text: string, etag?: string) =>
  Promise.resolve({ status, text: () => Promise.resolve(text), headers: new Headers(etag ? { ETag: etag } : {}) })

test('sends the method, headers and a JSON body, and reads a JSON answer', async () => {
  fetchMock.mockReturnValueOnce(answer(201, '{"id":7}'))
  const res = await send({ method: 'POST', url: '/api/things', headers: { 'Content-Type': 'application/json' }, body: { name: '张三' } })
  expect(res).toEqual({ status: 201, body: { id: 7 } })
  const [url, init] = fetchMock.mock.calls[0]
  expect(url).toBe('/api/things')
  expect(init).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"张三"}' })
})

test('a read carries no body; an empty answer is null and an HTML error page stays text', async () => {
  fetchMock.mockReturnValueOnce(answer(204, '')).mockReturnValueOnce(answer(502, '<html>Bad Gateway</html>'))
  await expect(send({ method: 'GET', url: '/api/x', headers: {} })).resolves.toEqual({ status: 204, body: null })
  expect(fetchMock.mock.calls[0][1].body).toBeUndefined()
  await expect(send({ method: 'GET', url: '/api/x', headers: {} })).resolves.toEqual({ status: 502, body: '<html>Bad Gateway</html>' })
})

test('no network is a NETWORK ApiError, an aborted (timed-out) request a TIMEOUT one', async () => {
  fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
  const offline = await send({ method: 'GET', url: '/api/x', headers: {} }).catch((e) => e)
  expect(offline).toBeInstanceOf(ApiError)
  expect(offline.code).toBe('NETWORK')

  jest.useFakeTimers()
  try {
    fetchMock.mockImplementationOnce(
      (_url: string, init: { signal: AbortSignal }) =>
        new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    )
    const pending = send({ method: 'GET', url: '/api/x', headers: {} }).catch((e) => e)
    jest.advanceTimersByTime(15000)
    const slow = await pending
    expect(slow.code).toBe('TIMEOUT')
  } finally {
    jest.useRealTimers()
  }
})

test('an answer ETag comes back with it; a 304 has no body', async () => {
  fetchMock.mockReturnValueOnce(answer(200, '{"n":1}', '"abc"')).mockReturnValueOnce(answer(304, '', '"abc"'))
  await expect(send({ method: 'GET', url: '/api/x', headers: {} })).resolves.toEqual({ status: 200, body: { n: 1 }, etag: '"abc"' })
  await expect(send({ method: 'GET', url: '/api/x', headers: { 'If-None-Match': '"abc"' } })).resolves.toEqual({ status: 304, body: null, etag: '"abc"' })
  expect(fetchMock.mock.calls[1][1].headers).toEqual({ 'If-None-Match': '"abc"' })
})
