/**
 * Inputs the property test found to break PostgreSQL but not SQLite: ids past the 32-bit integer
 * columns and NUL characters in text. Both are refused as a 400 before any query, on every endpoint.
 */
import { api, type Endpoint } from '../../types'
import { bearer, signIn, staffSignIn } from '../../server/test-support/accounts'
import { buildTestApp, type TestApp } from '../../server/test-support/test-app'

let t: TestApp
let token: string
beforeAll(async () => {
  t = await buildTestApp()
  token = (await signIn(t.app, '13600009901')).token
})
afterAll(() => t.close())

test.each(['/api/jobs/2147483648', '/api/courses/99999999999', '/api/jobs?stationId=2147483648'])('%s is refused, not a failed query', async (url) => {
  const res = await t.app.inject({ url })
  expect(res.statusCode).toBe(400)
  expect(res.json().error.code).toBe('VALIDATION_FAILED')
})

test('the largest 32-bit id is still a valid id (not found)', async () => {
  expect((await t.app.inject({ url: '/api/jobs/2147483647' })).statusCode).toBe(404)
})

test('a NUL character in a query string is refused by field', async () => {
  const res = await t.app.inject({ url: '/api/jobs?q=%E7%94%B5%00' })
  expect(res.statusCode).toBe(400)
  expect(res.json().error.fields).toEqual({ q: expect.stringMatching(/字符/) })
})

test('a NUL character anywhere in a body is refused by field and writes nothing', async () => {
  const send = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/course-requests', headers: { ...bearer(token), 'idempotency-key': `nul-${Math.random().toString(36).slice(2)}` }, payload })
  const res = await send({ trade: '电工', note: '想学\u0000' })
  expect(res.statusCode).toBe(400)
  expect(res.json().error.fields).toEqual({ note: expect.any(String) })
  expect((await send({ trade: '电工', ['no\u0000te']: 'x' })).statusCode).toBe(400)
  expect((await t.db.selectFrom('course_requests').select('id').execute()).length).toBe(0)
  // Other control characters are ordinary text.
  expect((await send({ trade: '电工', note: '第一行\n第二行\t' })).statusCode).toBe(201)
})

// Every endpoint of the contract, not a sample: each is called as a caller it admits, with input no schema accepts.
describe('every endpoint refuses bad input with a 400, never a 500', () => {
  let staff: string
  beforeAll(async () => {
    staff = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  })

  const endpoints = Object.entries(api).filter(([, e]) => e.path !== '/dev/sms-outbox')
  const as = (e: Endpoint) => (e.access === 'staff' ? bearer(staff) : e.access === 'public' ? {} : bearer(token))
  /** The path with each parameter past what its column holds (ids) or outside its pattern. */
  const badPath = (e: Endpoint) => '/api' + e.path.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' ? '2147483648' : 'x%00y'))
  const goodishPath = (e: Endpoint) => '/api' + e.path.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' ? '1' : name === 'kind' ? 'all' : 'WS-2026-000001'))

  test.each(endpoints.filter(([, e]) => e.path.includes(':')))('%s: a path parameter out of range', async (_name, e) => {
    const res = await t.app.inject({ method: e.method, url: badPath(e), headers: { ...as(e), 'idempotency-key': `edge-${Math.random()}` }, payload: e.method === 'GET' ? undefined : {} })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })

  test.each(endpoints.filter(([, e]) => e.body))('%s: a body that is not an object, or holds a NUL', async (_name, e) => {
    for (const payload of ['[]', '"text"', '42', JSON.stringify({ 'no\u0000te': 'x' })]) {
      const res = await t.app.inject({
        method: e.method,
        url: goodishPath(e),
        headers: { ...as(e), 'content-type': 'application/json', 'idempotency-key': `edge-${Math.random()}` },
        payload,
      })
      expect([400, 404]).toContain(res.statusCode)
      if (res.statusCode === 400) expect(res.json().error.fields).toBeDefined()
    }
  })

  test.each(endpoints.filter(([, e]) => e.query))('%s: a NUL in the query', async (_name, e) => {
    const res = await t.app.inject({ method: e.method, url: `${goodishPath(e)}?q=%00&month=%00&format=%00`, headers: as(e) })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })
})
