/** All SQL of 家门口就业: local postings, 零工 days, their sign-ups and attendance. `db | trx` first. */
import type { ExpressionBuilder, Insertable, Kysely } from 'kysely'
import { localJobKinds } from '../../types'
import type { DayJobTable, DB } from '../db/schema'
import { seatCounter } from '../db/seat-counter'
import { cardConditions, type JobCardFilter, summaryQuery } from './jobs.repository'

type Executor = Kysely<DB>

/** A 零工 day's places: taken by one conditional update after a row lock, never above headcount. */
export const dayJobSeats = seatCounter({ table: 'day_jobs', taken: 'taken', capacity: 'headcount', openWhile: { column: 'status', value: 'open' } })

/**
 * Open, unexpired, unreported postings inside the county. The county's own work is a few hundred postings at most,
 * so they are read whole (capped) and ordered in JavaScript by distance: the same on both databases. The card
 * filters (包吃, 包住, 日结, age) are the main list's own conditions.
 */
export async function findOpenLocalJobs(db: Executor, filter: { today: string; trade?: string; card?: JobCardFilter }, cap: number) {
  let q = summaryQuery(db)
    .select('jobs.kind')
    .where('jobs.kind', 'in', localJobKinds)
    .where('jobs.status', '=', 'open')
    .where('jobs.expires_at', '>=', filter.today)
    .where('jobs.review_status', '<>', 'pending')
  if (filter.trade) q = q.where('jobs.trade', '=', filter.trade)
  const card = filter.card
  if (card) q = q.where((eb) => cardConditions(eb as unknown as ExpressionBuilder<DB, 'jobs'>, card))
  return q.orderBy('jobs.id', 'desc').limit(cap).execute()
}
export type LocalJobRow = Awaited<ReturnType<typeof findOpenLocalJobs>>[number]

/** Open 零工 days from `from` on of these postings, soonest first. */
export async function findUpcomingDayJobs(db: Executor, jobIds: readonly number[], from: string) {
  if (!jobIds.length) return []
  return db
    .selectFrom('day_jobs')
    .selectAll()
    .where('job_id', 'in', jobIds)
    .where('work_date', '>=', from)
    .where('status', '=', 'open')
    .orderBy('work_date')
    .orderBy('id')
    .execute()
}
export type DayJobRow = Awaited<ReturnType<typeof findUpcomingDayJobs>>[number]

/** A 零工 day with its posting's title, employer and station. */
export async function findDayJob(db: Executor, id: number) {
  return db
    .selectFrom('day_jobs')
    .innerJoin('jobs', 'jobs.id', 'day_jobs.job_id')
    .selectAll('day_jobs')
    .select(['jobs.title as job_title', 'jobs.employer_name', 'jobs.source_station_id', 'jobs.kind as job_kind', 'jobs.status as job_status'])
    .where('day_jobs.id', '=', id)
    .executeTakeFirst()
}
export type DayJobWithPosting = NonNullable<Awaited<ReturnType<typeof findDayJob>>>

export async function insertDayJob(trx: Executor, row: Insertable<DayJobTable>) {
  return (await trx.insertInto('day_jobs').values(row).returning('id').executeTakeFirstOrThrow()).id
}

/** 零工 days from a date on, of one station's postings (undefined: all), soonest first, with their counts. */
export async function listDayJobs(db: Executor, filter: { from: string; stationId?: number }, limit: number) {
  let q = db
    .selectFrom('day_jobs')
    .innerJoin('jobs', 'jobs.id', 'day_jobs.job_id')
    .selectAll('day_jobs')
    .select(['jobs.title as job_title', 'jobs.employer_name', 'jobs.source_station_id', 'jobs.kind as job_kind', 'jobs.status as job_status'])
    .where('day_jobs.work_date', '>=', filter.from)
  if (filter.stationId !== undefined) q = q.where('jobs.source_station_id', '=', filter.stationId)
  return q.orderBy('day_jobs.work_date').orderBy('day_jobs.id').limit(limit).execute()
}

export async function countCame(db: Executor, dayJobIds: readonly number[]): Promise<Map<number, number>> {
  if (!dayJobIds.length) return new Map()
  const rows = await db
    .selectFrom('day_job_signups')
    .select(['day_job_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('day_job_id', 'in', dayJobIds)
    .where('attendance', '=', 'came')
    .groupBy('day_job_id')
    .execute()
  return new Map(rows.map((r) => [r.day_job_id, Number(r.n)]))
}

export async function findSignup(db: Executor, dayJobId: number, userId: number) {
  return db.selectFrom('day_job_signups').selectAll().where('day_job_id', '=', dayJobId).where('user_id', '=', userId).executeTakeFirst()
}
export type DaySignupRow = NonNullable<Awaited<ReturnType<typeof findSignup>>>

export async function insertSignup(trx: Executor, dayJobId: number, userId: number, now: Date) {
  return trx
    .insertInto('day_job_signups')
    .values({ day_job_id: dayJobId, user_id: userId, attendance: null, confirmed_at: null, confirmed_by: null, worklog_entry_id: null, created_at: now.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function listSignupsOf(db: Executor, userId: number, limit: number, beforeId?: number) {
  let q = db.selectFrom('day_job_signups').selectAll().where('user_id', '=', userId)
  if (beforeId !== undefined) q = q.where('id', '<', beforeId)
  return q.orderBy('id', 'desc').limit(limit).execute()
}

export async function findDayJobsByIds(db: Executor, ids: readonly number[]) {
  if (!ids.length) return []
  return db
    .selectFrom('day_jobs')
    .innerJoin('jobs', 'jobs.id', 'day_jobs.job_id')
    .selectAll('day_jobs')
    .select(['jobs.title as job_title', 'jobs.employer_name', 'jobs.source_station_id', 'jobs.kind as job_kind', 'jobs.status as job_status'])
    .where('day_jobs.id', 'in', ids)
    .execute()
}

/** A day's sign-ups in the order they came, with the worker's name and phone (encrypted) for the list. */
export async function listSignupsForDay(db: Executor, dayJobId: number) {
  return db
    .selectFrom('day_job_signups as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select(['u.name as worker_name', 'u.phone_enc as worker_phone_enc'])
    .where('s.day_job_id', '=', dayJobId)
    .orderBy('s.id')
    .execute()
}

/** Sets attendance on a sign-up of this day (a confirmed "came" is final: its 记工 day is written). */
export async function setAttendance(trx: Executor, dayJobId: number, signupId: number, set: { attendance: 'came' | 'absent'; by: string; now: Date }) {
  const result = await trx
    .updateTable('day_job_signups')
    .set({ attendance: set.attendance, confirmed_by: set.by, confirmed_at: set.now.toISOString() })
    .where('id', '=', signupId)
    .where('day_job_id', '=', dayJobId)
    .where((eb) => eb.or([eb('attendance', 'is', null), eb('attendance', '<>', 'came')]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function setWorklogEntry(trx: Executor, signupId: number, entryId: number): Promise<void> {
  await trx.updateTable('day_job_signups').set({ worklog_entry_id: entryId }).where('id', '=', signupId).execute()
}

export async function setJobKind(trx: Executor, jobId: number, kind: string): Promise<void> {
  await trx.updateTable('jobs').set({ kind }).where('id', '=', jobId).execute()
}

/** Account deletion: the sign-ups stay as the county's counts, without the worker. */
export async function anonymiseDaySignupsOf(trx: Executor, userId: number): Promise<void> {
  await trx.updateTable('day_job_signups').set({ user_id: null, worklog_entry_id: null }).where('user_id', '=', userId).execute()
}
