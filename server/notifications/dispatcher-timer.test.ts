/** The server's own dispatcher: started with the app when NOTIFY_DISPATCH is on, stopped when the app closes. */
import { transportBatchBody } from '../test-support/bodies'
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'

jest.setTimeout(120000)

let t: TestApp
let keys = 0
beforeAll(async () => {
  t = await buildTestApp({ config: (c) => ({ ...c, notify: { ...c.notify, dispatch: true, intervalMs: 50 } }) })
})
afterAll(() => t.close())

const waitFor = async (check: () => Promise<boolean>, ms: number) => {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return false
}

test('a queued SMS is sent by the running server; after close nothing more is sent', async () => {
  const kunshan = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  const { token, user } = await signIn(t.app, '13761000001')
  const post = (tok: string, url: string, payload?: object, key = true) =>
    t.app.inject({ method: 'POST', url, headers: { ...bearer(tok), ...(key ? { 'idempotency-key': `timer-${++keys}-${Date.now()}` } : {}) }, ...(payload ? { payload } : {}) })
  const batch = (await post(kunshan, '/api/staff/transport-batches', transportBatchBody(new Date()))).json()
  expect((await post(token, `/api/transport-batches/${batch.id}/signups`)).statusCode).toBe(201)
  expect((await post(kunshan, `/api/staff/transport-batches/${batch.id}/cancel`, { reason: '改期' }, false)).statusCode).toBe(200)
  const stateOf = async (id?: number) =>
    (await t.db.selectFrom('notifications').select(['id', 'state']).where('user_id', '=', user.id).where('channel', '=', 'sms').$if(id !== undefined, (q) => q.where('id', '=', id!)).executeTakeFirstOrThrow())
  expect(await waitFor(async () => (await stateOf()).state === 'sent', 10_000)).toBe(true)

  await t.app.close()
  const { id } = await t.db
    .insertInto('notifications')
    .values({ message_id: null, user_id: user.id, staff_id: null, kind: 'transport_cancelled', channel: 'sms', urgent: 1, payload: '{"title":"专车取消了","body":"改期"}', state: 'pending', attempts: 0, next_attempt_at: new Date().toISOString(), last_error: null, phone_hash: null, created_at: new Date().toISOString(), sent_at: null, sent_day: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  expect(await waitFor(async () => (await stateOf(id)).state !== 'pending', 500)).toBe(false)
})
