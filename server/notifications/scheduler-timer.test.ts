/** The server's own sweep of reminders: started with the app when NOTIFY_SCHEDULE is on, stopped when the app closes. */
import { transportBatchBody } from '../test-support/bodies'
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'

jest.setTimeout(120000)

// 10:00 in China on 10 March; the batch leaves at 08:00 on the 11th.
let now = new Date('2026-03-10T02:00:00.000Z')
let t: TestApp
let keys = 0
beforeAll(async () => {
  t = await buildTestApp({ clock: () => now, config: (c) => ({ ...c, notifySchedule: { enabled: true, intervalMs: 50 } }) })
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

test('the running server reminds a rider once their evening comes; after close nothing more is written', async () => {
  const kunshan = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  const post = (tok: string, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: { ...bearer(tok), 'idempotency-key': `sched-${++keys}-${Date.now()}` }, ...(payload ? { payload } : {}) })
  const batch = (await post(kunshan, '/api/staff/transport-batches', transportBatchBody(now, { departAt: '2026-03-11T00:00:00.000Z' }))).json()
  const riders = [await signIn(t.app, '13761100001'), await signIn(t.app, '13761100002')]
  expect((await post(riders[0].token, `/api/transport-batches/${batch.id}/signups`)).statusCode).toBe(201)
  const reminders = async (userId: number) =>
    (await t.db.selectFrom('messages').select('id').where('user_id', '=', userId).where('kind', '=', 'transport_reminder').execute()).length

  // Before the evening the sweeps run and write nothing for it.
  await new Promise((r) => setTimeout(r, 300))
  expect(await reminders(riders[0].user.id)).toBe(0)
  now = new Date('2026-03-10T10:30:00.000Z')
  expect(await waitFor(async () => (await reminders(riders[0].user.id)) === 1, 10_000)).toBe(true)

  await t.app.close()
  // A seat taken behind the closed server's back is not reminded by it.
  await t.db.insertInto('transport_signups').values({ batch_id: batch.id, user_id: riders[1].user.id, status: 'active', created_at: now.toISOString(), updated_at: now.toISOString(), cancelled_at: null }).execute()
  expect(await waitFor(async () => (await reminders(riders[1].user.id)) > 0, 500)).toBe(false)
  expect(await reminders(riders[0].user.id)).toBe(1)
})
