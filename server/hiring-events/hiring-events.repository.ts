/** All SQL of 直播带岗: events, their featured postings, reminders, and the funnel counts. `db | trx` first. */
import { type Insertable, type Kysely, sql } from 'kysely'
import type { DB, HiringEventTable } from '../db/schema'

type Executor = Kysely<DB>

export async function insertEvent(trx: Executor, row: Insertable<HiringEventTable>, jobIds: readonly number[]): Promise<number> {
  const { id } = await trx.insertInto('hiring_events').values(row).returning('id').executeTakeFirstOrThrow()
  await trx
    .insertInto('hiring_event_jobs')
    .values(jobIds.map((jobId, position) => ({ event_id: id, job_id: jobId, position })))
    .execute()
  return id
}

export async function findEvent(db: Executor, id: number) {
  return db.selectFrom('hiring_events').selectAll().where('id', '=', id).executeTakeFirst()
}
export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>

/** Not yet ended (soonest first), and the latest ended ones (newest first). */
export async function listEventsAround(db: Executor, now: string, pastLimit: number) {
  const upcoming = await db.selectFrom('hiring_events').selectAll().where('ends_at', '>=', now).orderBy('starts_at').orderBy('id').limit(100).execute()
  const past = await db.selectFrom('hiring_events').selectAll().where('ends_at', '<', now).orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(pastLimit).execute()
  return { upcoming, past }
}

/** Newest first; one station's (undefined: every event). */
export async function listEventsForStaff(db: Executor, stationId: number | undefined, limit: number) {
  let q = db.selectFrom('hiring_events').selectAll()
  if (stationId !== undefined) q = q.where('station_id', '=', stationId)
  return q.orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

export async function featuredJobIds(db: Executor, eventIds: readonly number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>()
  if (!eventIds.length) return map
  const rows = await db.selectFrom('hiring_event_jobs').selectAll().where('event_id', 'in', eventIds).orderBy('event_id').orderBy('position').execute()
  for (const r of rows) map.set(r.event_id, [...(map.get(r.event_id) ?? []), r.job_id])
  return map
}

export async function remindedEventIds(db: Executor, userId: number, eventIds: readonly number[]): Promise<Set<number>> {
  if (!eventIds.length) return new Set()
  const rows = await db.selectFrom('hiring_event_reminders').select('event_id').where('user_id', '=', userId).where('event_id', 'in', eventIds).execute()
  return new Set(rows.map((r) => r.event_id))
}

/** Once per worker and event: a second insert does nothing. */
export async function insertReminder(trx: Executor, eventId: number, userId: number, now: Date): Promise<void> {
  await trx
    .insertInto('hiring_event_reminders')
    .values({ event_id: eventId, user_id: userId, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
    .execute()
}

/** Marks an application as come from the event, unless it already came from one. */
export async function tagApplication(trx: Executor, applicationId: number, eventId: number): Promise<void> {
  await trx.updateTable('job_applications').set({ hiring_event_id: eventId }).where('id', '=', applicationId).where('hiring_event_id', 'is', null).execute()
}

export async function updateEvent(trx: Executor, id: number, set: { viewers?: number; replay_url?: string; updated_at: string }): Promise<void> {
  await trx.updateTable('hiring_events').set(set).where('id', '=', id).execute()
}

export interface FunnelCounts {
  reminders: number
  signups: number
  interviews: number
  hires: number
  riders: number
}

/** Each event's counts: reminders, sign-ups through it, those contacted or hired, and riders among them. */
export async function funnelCounts(db: Executor, eventIds: readonly number[]): Promise<Map<number, FunnelCounts>> {
  const out = new Map<number, FunnelCounts>(eventIds.map((id) => [id, { reminders: 0, signups: 0, interviews: 0, hires: 0, riders: 0 }]))
  if (!eventIds.length) return out
  const apps = await db
    .selectFrom('job_applications')
    .select([
      'hiring_event_id',
      (eb) => eb.fn.countAll<number>().as('signups'),
      sql<number>`sum(case when status in ('contacted', 'hired') then 1 else 0 end)`.as('interviews'),
      sql<number>`sum(case when status = 'hired' then 1 else 0 end)`.as('hires'),
    ])
    .where('hiring_event_id', 'in', eventIds)
    .groupBy('hiring_event_id')
    .execute()
  for (const r of apps) Object.assign(out.get(r.hiring_event_id!)!, { signups: Number(r.signups), interviews: Number(r.interviews), hires: Number(r.hires) })
  const reminders = await db
    .selectFrom('hiring_event_reminders')
    .select(['event_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', eventIds)
    .groupBy('event_id')
    .execute()
  for (const r of reminders) out.get(r.event_id)!.reminders = Number(r.n)
  // A rider: an event sign-up holding a seat on a county bus that leaves after the event began.
  const riders = await db
    .selectFrom('job_applications as a')
    .innerJoin('hiring_events as e', 'e.id', 'a.hiring_event_id')
    .innerJoin('transport_signups as s', 's.user_id', 'a.user_id')
    .innerJoin('transport_batches as b', 'b.id', 's.batch_id')
    .select(['a.hiring_event_id', sql<number>`count(distinct a.user_id)`.as('n')])
    .where('a.hiring_event_id', 'in', eventIds)
    .where('s.status', '=', 'active')
    .where('b.status', '<>', 'cancelled')
    .whereRef('b.depart_at', '>=', 'e.starts_at')
    .groupBy('a.hiring_event_id')
    .execute()
  for (const r of riders) out.get(r.hiring_event_id!)!.riders = Number(r.n)
  return out
}

/** Account deletion: reminders go; the applications keep their event (they are anonymised with the account). */
export async function eraseHiringEventRecords(trx: Executor, userId: number): Promise<void> {
  await trx.deleteFrom('hiring_event_reminders').where('user_id', '=', userId).execute()
}

/** Reminders of events starting between `from` and `to` (the scheduler's sweep). */
export async function hiringRemindersDue(db: Executor, from: string, to: string) {
  return db
    .selectFrom('hiring_event_reminders as r')
    .innerJoin('hiring_events as e', 'e.id', 'r.event_id')
    .select(['r.id', 'e.starts_at'])
    .where('e.starts_at', '>=', from)
    .where('e.starts_at', '<=', to)
    .orderBy('r.id')
    .limit(5000)
    .execute()
}

export async function findReminderForNotice(db: Executor, id: number) {
  return db
    .selectFrom('hiring_event_reminders as r')
    .innerJoin('hiring_events as e', 'e.id', 'r.event_id')
    .select(['r.user_id', 'e.title', 'e.starts_at', 'e.ends_at', 'e.platform'])
    .where('r.id', '=', id)
    .executeTakeFirst()
}
