/** Every personal endpoint, from the contract: who may reach it and who may not. */
import { z } from 'zod/mini'
import { api, type Endpoint, endpoint } from '../../types'
import { route } from '../../server/http/route'
import { TEST_STAFF_PASSWORDS } from '../../server/config'
import { bearer, signIn, staffSignIn } from '../../server/test-support/accounts'
import { buildTestApp, type TestApp } from '../../server/test-support/test-app'

/** No product endpoint is 'optional' yet: this one says who it saw. */
const whoami = endpoint({
  method: 'GET',
  path: '/test/whoami',
  access: 'optional',
  summary: 'test only',
  response: z.object({ kind: z.string() }),
})

let t: TestApp
let workerToken: string
let staffToken: string
beforeAll(async () => {
  t = await buildTestApp({ routes: (app) => route(app, whoami, ({ caller }) => ({ kind: caller?.kind ?? 'anonymous' })) })
  workerToken = (await signIn(t.app, '13500000001')).token
  staffToken = (await staffSignIn(t.app, 'admin', TEST_STAFF_PASSWORDS.admin)).token
})
afterAll(() => t.close())

const endpoints = Object.entries(api as Record<string, Endpoint>)
const protectedEndpoints = endpoints.filter(([, e]) => e.access === 'worker' || e.access === 'staff')
/** A concrete URL for a path template (every :param becomes 1). */
const urlOf = (e: Endpoint) => '/api' + e.path.replace(/:[A-Za-z]+/g, '1')
const call = (e: Endpoint, headers: Record<string, string> = {}) =>
  t.app.inject({ method: e.method, url: urlOf(e), headers: { 'idempotency-key': 'access-test-key', ...headers }, ...(e.body ? { payload: {} } : {}) })

test('the contract has worker and staff endpoints to check', () => {
  expect(protectedEndpoints.filter(([, e]) => e.access === 'worker').length).toBeGreaterThanOrEqual(6)
  expect(protectedEndpoints.filter(([, e]) => e.access === 'staff').length).toBeGreaterThanOrEqual(2)
})

describe.each(protectedEndpoints)('%s', (_name, e) => {
  test('401 without a token, with a malformed one and with an unknown one', async () => {
    for (const headers of [{}, { authorization: 'Bearer' }, { authorization: 'Basic abc' }, bearer('x'.repeat(43))]) {
      const res = await call(e, headers)
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('UNAUTHORIZED')
    }
  })
  test('403 with the other kind of token', async () => {
    const res = await call(e, bearer(e.access === 'worker' ? staffToken : workerToken))
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('FORBIDDEN')
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/)
  })
})

test('the right token reaches them', async () => {
  expect((await t.app.inject({ url: '/api/me', headers: bearer(workerToken) })).statusCode).toBe(200)
  expect((await t.app.inject({ url: '/api/staff/me', headers: bearer(staffToken) })).statusCode).toBe(200)
})

test('idempotency keys are scoped by the signed-in worker', async () => {
  const other = await signIn(t.app, '13500000002')
  const patch = (token: string, name: string) =>
    t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': 'shared-key-0001' }, payload: { name } })
  expect((await patch(workerToken, '张三')).json().name).toBe('张三')
  const b = await patch(other.token, '张三')
  expect(b.headers['idempotent-replayed']).toBeUndefined()
  expect(b.json().id).toBe(other.user.id)
  const scopes = await t.db.selectFrom('idempotency_keys').select('scope').where('key', '=', 'shared-key-0001').execute()
  expect(scopes.map((s) => s.scope.split(' ')[0]).sort()).toEqual([`worker:${other.user.id}`, `worker:${(await t.app.inject({ url: '/api/me', headers: bearer(workerToken) })).json().id}`].sort())
})

test("'optional' endpoints read a token when present and ignore a dead one", async () => {
  const who = async (headers: Record<string, string> = {}) => (await t.app.inject({ url: '/api/test/whoami', headers })).json().kind
  expect(await who()).toBe('anonymous')
  expect(await who(bearer(workerToken))).toBe('worker')
  expect(await who(bearer(staffToken))).toBe('staff')
  expect(await who(bearer('y'.repeat(43)))).toBe('anonymous')
})
