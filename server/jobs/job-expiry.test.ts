/**
 * A posting past its end date is closed in the database by the scheduler's sweep, once even when two sweeps run at
 * once (PostgreSQL: a second connection, as a second server process would have), audited as the system, and the
 * cached job lists forget it. Before the sweep the lists and the detail already never show it as open.
 */
import { signIn } from '../test-support/accounts'
import { usesPostgres } from '../test-support/test-app'
import { useTestApp } from '../test-support/harness'
import { runScheduledNotices, sweepOnce } from '../notifications/scheduler'
import { chinaDate } from '../lib/dates'
import { addDays } from '../../types'

jest.setTimeout(120_000)

const t = useTestApp()
const yesterday = () => addDays(chinaDate(t.clock()), -1)

/** Postings on the first page of the public list (open, unexpired), not yet used by another test. */
const used = new Set<number>()
async function openPostings(n: number): Promise<number[]> {
  t.app.responseCache.clear()
  const ids = (await listIds()).filter((id) => !used.has(id)).slice(0, n)
  for (const id of ids) used.add(id)
  return ids
}
const statusOf = async (id: number) => (await t.db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
const listIds = async () => {
  const res = await t.get(null, '/api/jobs?limit=50')
  expect(res.statusCode).toBe(200)
  return (res.json().items as { id: number }[]).map((j) => j.id)
}

beforeAll(async () => {
  // Whatever the seed left past its end date is closed first, so each test counts only its own postings.
  await runScheduledNotices(t.db, t.clock())
})

test('a posting past its end date reads closed at once, and one sweep closes it for good, audited as the system', async () => {
  const [id] = await openPostings(1)
  expect(await listIds()).toContain(id)
  await t.db.updateTable('jobs').set({ expires_at: yesterday() }).where('id', '=', id).execute()
  t.app.responseCache.clear()

  // Not swept yet: off the list, and the detail says 已过期, not open.
  expect(await listIds()).not.toContain(id)
  const before = (await t.get(null, `/api/jobs/${id}`)).json()
  expect(before).toMatchObject({ status: 'closed', expired: true, appliable: false })
  expect(await statusOf(id)).toBe('open')

  const counts = await runScheduledNotices(t.db, t.clock())
  expect(counts.job_expired).toBe(1)
  expect(await statusOf(id)).toBe('closed')
  const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'job').where('entity_id', '=', id).where('action', '=', 'job.expire').execute()
  expect(audit).toHaveLength(1)
  expect(audit[0]).toMatchObject({ actor_kind: 'system', actor_id: null })
  expect(JSON.parse(audit[0].after_json!)).toEqual({ status: 'closed', expiresAt: yesterday() })

  // Nothing left to close: the next sweep writes nothing.
  expect((await runScheduledNotices(t.db, t.clock())).job_expired).toBe(0)
})

test('two sweeps at once close a posting once', async () => {
  const ids = await openPostings(3)
  await t.db.updateTable('jobs').set({ expires_at: yesterday() }).where('id', 'in', ids).execute()
  const other = usesPostgres() ? (await t.secondInstance()).db : t.db
  const [a, b] = await Promise.all([runScheduledNotices(t.db, t.clock()), runScheduledNotices(other, t.clock())])
  expect(a.job_expired + b.job_expired).toBe(3)
  for (const id of ids) expect(await statusOf(id)).toBe('closed')
  const audit = await t.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'job.expire').where('entity_id', 'in', ids).execute()
  expect(audit.map((r) => r.entity_id).sort()).toEqual([...ids].sort())
})

test('the sweep makes the cached job list forget a posting it closed', async () => {
  const [id] = await openPostings(1)
  expect(await listIds()).toContain(id)
  // Moved behind the cache's back: the cached first page still holds it…
  await t.db.updateTable('jobs').set({ expires_at: yesterday() }).where('id', '=', id).execute()
  expect(await listIds()).toContain(id)
  // …until the sweep closes it, as any write to a posting does.
  expect((await sweepOnce(t.app)).job_expired).toBe(1)
  expect(await listIds()).not.toContain(id)
})

test('applying to a posting the sweep closed is refused, in Chinese', async () => {
  const [id] = await openPostings(1)
  await t.db.updateTable('jobs').set({ expires_at: yesterday() }).where('id', '=', id).execute()
  await runScheduledNotices(t.db, t.clock())
  const worker = await signIn(t.app, '13600003601')
  const res = await t.post(worker.token, `/api/jobs/${id}/applications`, {})
  expect(res.statusCode).toBe(409)
  expect(res.json().error.message).toBe('这个岗位已经过期，不能再报名')
})

test('staff reopening an expired posting must give it a new end date', async () => {
  const row = await t.db.selectFrom('jobs').innerJoin('stations', 'stations.id', 'jobs.source_station_id').select('jobs.id').where('stations.seed_key', '=', 'station-kunshan').where('jobs.status', '=', 'open').orderBy('jobs.id').executeTakeFirstOrThrow()
  await t.db.updateTable('jobs').set({ expires_at: yesterday() }).where('id', '=', row.id).execute()
  await runScheduledNotices(t.db, t.clock())
  const kunshan = await t.staffToken('kunshan')
  const refused = await t.patch(kunshan, `/api/staff/jobs/${row.id}`, { status: 'open' })
  expect(refused.statusCode).toBe(400)
  expect(refused.json().error.fields).toEqual({ expiresAt: '截止日期已过，请把截止日期改到今天或以后再重新开放' })
  const reopened = await t.patch(kunshan, `/api/staff/jobs/${row.id}`, { status: 'open', expiresAt: addDays(chinaDate(t.clock()), 30) })
  expect(reopened.statusCode).toBe(200)
  expect(await statusOf(row.id)).toBe('open')
})
