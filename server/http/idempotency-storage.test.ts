/** What idempotency keeps: no worker's phone or name in plain text, and nothing past its retention. */
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { pruneIdempotencyKeys } from './idempotency'

const T0 = new Date('2026-03-10T02:00:00.000Z')
let now = T0
const clock = () => now
let t: TestApp
let keyN = 0
const key = () => `storage-key-${++keyN}`

beforeAll(async () => {
  t = await buildTestApp({ clock })
})
afterAll(() => t.close())

const post = (token: string, url: string, payload: object, idempotencyKey = key()) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'idempotency-key': idempotencyKey }, payload })

test("a stored staff answer holds neither the worker's phone nor name in plain text, and still replays", async () => {
  const phone = '13900004101'
  const kunshan = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  const worker = await signIn(t.app, phone)
  const named = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(worker.token), 'idempotency-key': key() }, payload: { name: '赵秀兰' } })
  expect(named.statusCode).toBe(200)
  const job = (
    await post(kunshan, '/api/staff/jobs', {
      title: '包装工',
      employerName: '昆山包装厂',
      employerPhone: '051257001234',
      trade: '普工',
      province: '江苏省',
      city: '昆山市',
      address: '昆山市玉山镇',
      wageMinYuan: 5000,
      wageMaxYuan: 6000,
      wageUnit: 'month',
      headcount: 5,
      description: '包装车间，长白班，包吃住',
      expiresAt: '2026-06-30',
    })
  ).json()
  expect(job.id).toBeGreaterThan(0)
  const application = (await post(worker.token, `/api/jobs/${job.id}/applications`, { note: '想去' })).json()
  const statusKey = key()
  const contacted = await post(kunshan, `/api/staff/applications/${application.id}/status`, { status: 'contacted' }, statusKey)
  expect(contacted.statusCode).toBe(200)
  expect(contacted.body).toContain(phone)
  expect(contacted.body).toContain('赵秀兰')

  const rows = await t.db.selectFrom('idempotency_keys').select(['scope', 'response_body']).execute()
  expect(rows.length).toBeGreaterThanOrEqual(4)
  for (const row of rows) {
    expect(row.response_body).not.toContain(phone)
    expect(row.response_body).not.toContain('赵秀兰')
  }
  const again = await post(kunshan, `/api/staff/applications/${application.id}/status`, { status: 'contacted' }, statusKey)
  expect(again.headers['idempotent-replayed']).toBe('true')
  expect(again.json()).toEqual(contacted.json())
})

test('keys older than the retention are pruned, younger ones kept, by the function and by the app on start', async () => {
  const row = (k: string, createdAt: Date) => ({ scope: 'anon:test POST /x {}', key: k, request_hash: 'h', status_code: 201, response_body: '{}', created_at: createdAt.toISOString() })
  const hours = (n: number) => new Date(T0.getTime() + n * 3600_000)
  await t.db.deleteFrom('idempotency_keys').execute()
  const retention = t.config.idempotencyRetentionHours
  await t.db.insertInto('idempotency_keys').values([row('old-key-000001', hours(-retention - 1)), row('young-key-00001', hours(-retention + 1))]).execute()
  expect(await pruneIdempotencyKeys(t.db, T0, t.config.idempotencyRetentionHours)).toBe(1)
  const left = await t.db.selectFrom('idempotency_keys').select('key').execute()
  expect(left.map((r) => r.key)).toEqual(['young-key-00001'])

  // A server starting two hours later sweeps on its own.
  now = hours(2)
  await t.secondInstance()
  for (let i = 0; i < 50 && (await t.db.selectFrom('idempotency_keys').select('key').execute()).length > 0; i++) await new Promise((r) => setTimeout(r, 20))
  expect(await t.db.selectFrom('idempotency_keys').select('key').execute()).toEqual([])
})
