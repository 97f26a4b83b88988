/**
 * The dispatcher against a local SMS gateway: sends once, retries with backoff, marks failed with the reason,
 * waits out quiet hours, keeps the daily limit; two dispatchers on one database send each of 1,000 messages once.
 */
import type { Kysely } from 'kysely'
import { httpSms } from '../accounts/sms/http'
import type { NotifyConfig } from '../config'
import type { DB } from '../db/schema'
import { jobPostingBody, transportBatchBody } from '../test-support/bodies'
import { workerSignIns } from '../test-support/accounts'
import { startFakeSmsGateway, type FakeSmsGateway } from '../test-support/fake-sms-gateway'
import { useTestApp } from '../test-support/harness'
import { usesPostgres } from '../test-support/test-app'
import { type DispatchDeps, dispatchOnce, dispatchUntilIdle } from './dispatcher'
import { insertNotifications } from './notifications.repository'

jest.setTimeout(180000)

const HOUR = 60 * 60 * 1000
// 10:00 in China on 10 March.
const T0 = new Date('2026-03-10T02:00:00.000Z')
const t = useTestApp({ start: T0 })
const post = t.post

let gateway: FakeSmsGateway
let admin: string
let kunshan: string
const notifyConfig: NotifyConfig = { dispatch: false, intervalMs: 1000, batchSize: 10, leaseMs: 60_000, maxAttempts: 3, retryBaseMs: 30_000, smsDailyLimit: 3 }

beforeAll(async () => {
  gateway = await startFakeSmsGateway()
  admin = await t.staffToken('admin')
  kunshan = await t.staffToken('kunshan')
})
afterAll(() => gateway.close())
beforeEach(async () => {
  gateway.mode = 'ok'
  gateway.latencyMs = 0
  gateway.received.length = 0
  // Each test starts from an empty queue.
  await t.db.updateTable('notifications').set({ state: 'skipped' }).where('state', '=', 'pending').execute()
})

const deps = (over: Partial<NotifyConfig> = {}, db: Kysely<DB> = t.db): DispatchDeps => ({
  db,
  keys: t.app.keys,
  sms: httpSms({ ...t.config.sms, provider: 'http', httpUrl: gateway.url }),
  config: { ...notifyConfig, ...over },
  clock: t.clock,
})

const newWorker = workerSignIns('1375100', () => t.app)

/** A batch with these riders, cancelled: one urgent SMS each. */
async function cancelledBatchFor(riders: { token: string }[]) {
  const batch = (await post(kunshan, '/api/staff/transport-batches', transportBatchBody(t.clock(), { seats: 50 }))).json()
  for (const r of riders) expect((await post(r.token, `/api/transport-batches/${batch.id}/signups`)).statusCode).toBe(201)
  expect((await post(kunshan, `/api/staff/transport-batches/${batch.id}/cancel`, { reason: '司机生病，改期另行通知' })).statusCode).toBe(200)
}

/** A non-urgent SMS for this worker (an application contacted, with SMS chosen). */
async function contactedNotice(worker: { token: string }) {
  expect((await t.patch(worker.token, '/api/me/notification-settings', { items: [{ kind: 'application_contacted', sms: true }] })).statusCode).toBe(200)
  const job = (await post(kunshan, '/api/staff/jobs', { ...jobPostingBody, title: '电子厂普工', employerName: '昆山立讯', description: '长白班' })).json()
  const application = (await post(worker.token, `/api/jobs/${job.id}/applications`, { note: '' })).json()
  expect((await post(kunshan, `/api/staff/applications/${application.id}/status`, { status: 'contacted' })).statusCode).toBe(200)
}

const smsRows = (userId: number) =>
  t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('channel', '=', 'sms').orderBy('id').execute()

test('a queued SMS goes to the gateway once, to the account’s phone, and is marked sent', async () => {
  const w = await newWorker()
  await cancelledBatchFor([w])
  expect(await dispatchUntilIdle(deps())).toMatchObject({ claimed: 1, sent: 1 })
  expect(gateway.received).toHaveLength(1)
  expect(gateway.received[0]).toMatchObject({ phone: w.phone, template: 'notice_transport_cancelled', params: { title: '专车取消了' } })
  expect(gateway.received[0].params.text).toContain('司机生病')
  const [row] = await smsRows(w.id)
  expect(row).toMatchObject({ state: 'sent', attempts: 1, sent_at: t.clock().toISOString(), sent_day: '2026-03-10' })
  expect(row.phone_hash).toMatch(/^[0-9a-f]{64}$/)
  expect(await dispatchUntilIdle(deps())).toMatchObject({ claimed: 0 })
  expect(gateway.received).toHaveLength(1)
})

test('a gateway error is retried with backoff; after the last attempt it is failed with the reason, which admins see and resend', async () => {
  const w = await newWorker()
  await cancelledBatchFor([w])
  gateway.mode = 500
  expect(await dispatchOnce(deps())).toMatchObject({ claimed: 1, retried: 1 })
  let [row] = await smsRows(w.id)
  expect(row).toMatchObject({ state: 'pending', attempts: 1, last_error: '短信网关答复 500', next_attempt_at: new Date(T0.getTime() + 30_000).toISOString() })
  // Not due yet: nothing claimed.
  expect(await dispatchOnce(deps())).toMatchObject({ claimed: 0 })
  t.clock.set(new Date(T0.getTime() + 30_000))
  expect(await dispatchOnce(deps())).toMatchObject({ retried: 1 })
  ;[row] = await smsRows(w.id)
  expect(row.next_attempt_at).toBe(new Date(t.clock().getTime() + 60_000).toISOString())
  t.clock.set(new Date(t.clock().getTime() + 60_000))
  expect(await dispatchOnce(deps())).toMatchObject({ failed: 1 })
  ;[row] = await smsRows(w.id)
  expect(row).toMatchObject({ state: 'failed', attempts: 3, last_error: '短信网关答复 500（已试 3 次）' })
  expect(gateway.received).toHaveLength(0)

  const list = await t.get(admin, '/api/staff/notifications?state=failed&channel=sms')
  expect(list.statusCode).toBe(200)
  const item = list.json().items.find((i: { id: number }) => i.id === row.id)
  expect(item).toMatchObject({ kind: 'transport_cancelled', channel: 'sms', state: 'failed', recipient: `${w.phone.slice(0, 3)}****${w.phone.slice(7)}`, failure: '短信网关答复 500（已试 3 次）' })
  expect(list.body).not.toContain(w.phone)
  // Station staff may not see the log or resend.
  expect((await t.get(kunshan, '/api/staff/notifications')).statusCode).toBe(403)
  expect((await post(kunshan, `/api/staff/notifications/${row.id}/resend`)).statusCode).toBe(403)

  gateway.mode = 'ok'
  const resent = await post(admin, `/api/staff/notifications/${row.id}/resend`)
  expect(resent.statusCode).toBe(200)
  expect(resent.json()).toMatchObject({ state: 'pending', attempts: 0, failure: null })
  expect((await post(admin, `/api/staff/notifications/${row.id}/resend`)).statusCode).toBe(409)
  expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 1 })
  expect(gateway.received).toHaveLength(1)
})

test('a gateway that never answers times out as a failure, and the row is retried', async () => {
  const w = await newWorker()
  await cancelledBatchFor([w])
  gateway.mode = 'silent'
  const timedOut = { ...deps(), sms: { ...deps().sms, sendNotice: (n: Parameters<DispatchDeps['sms']['sendNotice']>[0]) => Promise.race([deps().sms.sendNotice(n), new Promise<void>((_, reject) => setTimeout(() => reject(new Error('timeout')), 200))]) } }
  expect(await dispatchOnce(timedOut)).toMatchObject({ retried: 1 })
  expect((await smsRows(w.id))[0]).toMatchObject({ state: 'pending', last_error: '短信网关连不上或超时' })
})

test('quiet hours: a non-urgent SMS waits for 07:00 China time; an urgent one goes at once', async () => {
  // 23:00 in China.
  t.clock.set(new Date('2026-03-10T15:00:00.000Z'))
  const w = await newWorker()
  await contactedNotice(w)
  await cancelledBatchFor([w])
  const rows = await smsRows(w.id)
  expect(rows.map((r) => [r.kind, r.next_attempt_at])).toEqual([
    ['application_contacted', '2026-03-10T23:00:00.000Z'],
    ['transport_cancelled', '2026-03-10T15:00:00.000Z'],
  ])
  expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 1 })
  expect(gateway.received.map((r) => r.template)).toEqual(['notice_transport_cancelled'])
  t.clock.set(new Date('2026-03-10T22:59:00.000Z'))
  expect(await dispatchUntilIdle(deps())).toMatchObject({ claimed: 0 })
  t.clock.set(new Date('2026-03-10T23:00:00.000Z'))
  expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 1 })
  expect(gateway.received.map((r) => r.template)).toEqual(['notice_transport_cancelled', 'notice_application_contacted'])
})

test('a retry that falls in the night waits for the morning without using an attempt', async () => {
  // 21:59 in China: the retry is due at 21:59:30, the next round runs at 22:00:30.
  t.clock.set(new Date('2026-03-10T13:59:00.000Z'))
  const w = await newWorker()
  await contactedNotice(w)
  gateway.mode = 503
  expect(await dispatchOnce(deps())).toMatchObject({ retried: 1 })
  t.clock.set(new Date('2026-03-10T14:00:30.000Z'))
  gateway.mode = 'ok'
  expect(await dispatchOnce(deps())).toMatchObject({ deferred: 1 })
  expect((await smsRows(w.id))[0]).toMatchObject({ state: 'pending', attempts: 1, next_attempt_at: '2026-03-10T23:00:00.000Z' })
})

test('the daily limit per phone: over it a non-urgent SMS is skipped with the reason; an urgent one still goes', async () => {
  const w = await newWorker()
  for (let i = 0; i < 4; i++) await contactedNotice(w)
  await cancelledBatchFor([w])
  expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 4, skipped: 1 })
  const rows = await smsRows(w.id)
  expect(rows.map((r) => r.state)).toEqual(['sent', 'sent', 'sent', 'skipped', 'sent'])
  expect(rows[3].last_error).toBe('今天发给这个号码的短信已到上限')
  // The next China day the count starts again.
  t.clock.set(new Date(T0.getTime() + 24 * HOUR))
  await contactedNotice(w)
  expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 1 })
})

test('a deleted account’s queued SMS is skipped, not sent', async () => {
  const w = await newWorker()
  await cancelledBatchFor([w])
  const id = (await smsRows(w.id))[0].id
  await t.db.updateTable('users').set({ deleted_at: t.clock().toISOString(), phone_enc: null, phone_hash: null }).where('id', '=', w.id).execute()
  expect(await dispatchUntilIdle(deps())).toMatchObject({ skipped: 1 })
  expect(gateway.received).toHaveLength(0)
  expect((await t.db.selectFrom('notifications').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('skipped')
})

test('a dispatcher that died after claiming: the row comes back when the lease ends and is sent once', async () => {
  const w = await newWorker()
  await cancelledBatchFor([w])
  // The claim happened, then the process was killed: attempts went up, nothing was sent.
  const claimed = await t.db.updateTable('notifications').set({ attempts: 1, next_attempt_at: new Date(t.clock().getTime() + 60_000).toISOString() }).where('user_id', '=', w.id).where('channel', '=', 'sms').returningAll().execute()
  expect(claimed).toHaveLength(1)
  expect(await dispatchUntilIdle(deps())).toMatchObject({ claimed: 0 })
  t.clock.set(new Date(t.clock().getTime() + 60_000))
  expect(await dispatchUntilIdle(deps())).toMatchObject({ sent: 1 })
  expect(gateway.received).toHaveLength(1)
})

// As many as a county's cancelled buses might queue at once: the figure.
const MESSAGES = 1000

test('two dispatchers on one database send each of 1,000 messages once, counted at the gateway', async () => {
  const w = await newWorker()
  const at = t.clock().toISOString()
  await insertNotifications(
    t.db,
    Array.from({ length: MESSAGES }, (_, i) => ({
      message_id: null,
      user_id: w.id,
      staff_id: null,
      kind: 'transport_cancelled',
      channel: 'sms',
      urgent: 1 as const,
      payload: JSON.stringify({ title: '专车取消了', body: `第 ${i} 条` }),
      state: 'pending',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      phone_hash: null,
      created_at: at,
      sent_at: null,
      sent_day: null,
    })),
  )
  gateway.latencyMs = 1
  const other = await t.secondInstance()
  const [a, b] = await Promise.all([dispatchUntilIdle(deps()), dispatchUntilIdle(deps({}, other.db))])
  expect(a.sent + b.sent).toBe(MESSAGES)
  if (usesPostgres()) {
    // Both took part: the rows were shared out, not queued behind one lock.
    expect(a.sent).toBeGreaterThan(0)
    expect(b.sent).toBeGreaterThan(0)
  }
  const texts = gateway.received.map((r) => r.params.text)
  expect(texts).toHaveLength(MESSAGES)
  expect(new Set(texts).size).toBe(MESSAGES)
  expect(await t.db.selectFrom('notifications').select('id').where('user_id', '=', w.id).where('state', '=', 'sent').execute()).toHaveLength(MESSAGES)
})
