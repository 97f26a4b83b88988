/**
 * Inputs the property test found to break PostgreSQL but not SQLite: ids past the 32-bit integer
 * columns and NUL characters in text. Both are refused as a 400 before any query, on every endpoint.
 */
import { bearer, signIn } from '../../server/test-support/accounts'
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
