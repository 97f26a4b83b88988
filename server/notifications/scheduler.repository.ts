/**
 * Every query of the scheduled reminders and staff alerts: the insert-once claim, what is due, and who is told.
 * `db` or a transaction first. Each "due" query leaves out what already has its claim row, so a sweep does not
 * look at a sent reminder again.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

export interface ScheduleKey {
  kind: string
  subjectId: number
  occasion: string
}

/**
 * The claim: true only for the one transaction whose insert made the row. Another process sweeping at the same
 * moment waits on the key (PostgreSQL) or on the single writer (SQLite) and then finds it taken; if this
 * transaction rolls back, the row goes with it and the next sweep tries again.
 */
export async function claimScheduled(trx: Kysely<DB>, key: ScheduleKey, at: string): Promise<boolean> {
  const row = await trx
    .insertInto('scheduled_notices')
    .values({ kind: key.kind, subject_id: key.subjectId, occasion: key.occasion, created_at: at })
    .onConflict((oc) => oc.columns(['kind', 'subject_id', 'occasion']).doNothing())
    .returning('subject_id')
    .executeTakeFirst()
  return row !== undefined
}

/** Which of these subjects already have a claim of this kind, as `subjectId|occasion`. */
export async function claimedKeys(db: Kysely<DB>, kind: string, subjectIds: readonly number[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < subjectIds.length; i += 500) {
    const rows = await db
      .selectFrom('scheduled_notices')
      .select(['subject_id', 'occasion'])
      .where('kind', '=', kind)
      .where('subject_id', 'in', subjectIds.slice(i, i + 500))
      .execute()
    for (const r of rows) found.add(`${r.subject_id}|${r.occasion}`)
  }
  return found
}

/** Seats on open batches leaving in [from, until) and not yet gone. */
export async function transportSeatsLeaving(db: Kysely<DB>, now: string, from: string, until: string) {
  return db
    .selectFrom('transport_signups as s')
    .innerJoin('transport_batches as b', 'b.id', 's.batch_id')
    .select(['s.id as signup_id', 'b.depart_at'])
    .where('s.status', '=', 'active')
    .where('s.user_id', 'is not', null)
    .where('b.status', '=', 'open')
    .where('b.depart_at', '>', now)
    .where('b.depart_at', '>=', from)
    .where('b.depart_at', '<', until)
    .orderBy('s.id')
    .execute()
}

/** Seats (not the waitlist) on courses starting on one of `dates`. */
export async function courseSeatsStarting(db: Kysely<DB>, dates: readonly string[]) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('courses as c', 'c.id', 'e.course_id')
    .select(['e.id as enrollment_id', 'c.start_date'])
    .where('e.status', '=', 'enrolled')
    .where('c.start_date', 'in', [...dates])
    .orderBy('e.id')
    .execute()
}

/** Workers linked to a roster record, with the account since before `createdBefore`, not asked this `quarter`. */
export async function dueRosterChecks(db: Kysely<DB>, quarter: string, createdBefore: string, limit: number) {
  return db
    .selectFrom('people as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select('u.id as user_id')
    .where('u.deleted_at', 'is', null)
    .where('u.created_at', '<', createdBefore)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('scheduled_notices as n')
            .select('n.subject_id')
            .where('n.kind', '=', 'roster_check')
            .where('n.occasion', '=', quarter)
            .whereRef('n.subject_id', '=', 'u.id'),
        ),
      ),
    )
    .orderBy('u.id')
    .limit(limit)
    .execute()
}

/**
 * Workers to remind to log today: a work day logged in [from, yesterday], none logged today, the reminder not turned
 * off, not yet reminded today.
 */
export async function dueWorklogReminders(db: Kysely<DB>, today: string, from: string, limit: number) {
  return db
    .selectFrom('users as u')
    .select('u.id as user_id')
    .where('u.deleted_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('worklog_entries as w').select('w.id').whereRef('w.user_id', '=', 'u.id').where('w.kind', '<>', 'advance').where('w.date', '>=', from).where('w.date', '<', today)),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('worklog_entries as w').select('w.id').whereRef('w.user_id', '=', 'u.id').where('w.kind', '<>', 'advance').where('w.date', '=', today))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('worklog_settings as s').select('s.user_id').whereRef('s.user_id', '=', 'u.id').where('s.evening_reminder', '=', 0))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('scheduled_notices as n').select('n.subject_id').where('n.kind', '=', 'worklog_reminder').where('n.occasion', '=', today).whereRef('n.subject_id', '=', 'u.id'),
        ),
      ),
    )
    .orderBy('u.id')
    .limit(limit)
    .execute()
}

/** Whether the worker logged a work day on `date` and still wants the reminder: read again in the reminder's transaction. */
export async function worklogReminderStillDue(trx: Kysely<DB>, userId: number, date: string): Promise<boolean> {
  const [logged, setting] = await Promise.all([
    trx.selectFrom('worklog_entries').select('id').where('user_id', '=', userId).where('kind', '<>', 'advance').where('date', '=', date).executeTakeFirst(),
    trx.selectFrom('worklog_settings').select('evening_reminder').where('user_id', '=', userId).executeTakeFirst(),
  ])
  return !logged && setting?.evening_reminder !== 0
}

/** Cases still waiting for acceptance that were submitted before `cutoff`. */
export async function dueOverdueCases(db: Kysely<DB>, cutoff: string, limit: number) {
  return db
    .selectFrom('rights_requests as r')
    .select(['r.id', 'r.submitted_at'])
    .where('r.status', '=', 'submitted')
    .where('r.submitted_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('scheduled_notices as n').select('n.subject_id').where('n.kind', '=', 'staff_case_overdue').whereRef('n.subject_id', '=', 'r.id'))),
    )
    .orderBy('r.id')
    .limit(limit)
    .execute()
}

/** Open batches (not samples) leaving within the window with fewer than half their seats taken. */
export async function underfilledBatches(db: Kysely<DB>, now: string, until: string) {
  const rows = await db
    .selectFrom('transport_batches as b')
    .select(['b.id', 'b.depart_at', 'b.seats', 'b.seats_taken'])
    .where('b.status', '=', 'open')
    .where('b.is_sample', '=', 0)
    .where('b.depart_at', '>', now)
    .where('b.depart_at', '<=', until)
    .orderBy('b.depart_at')
    .orderBy('b.id')
    .execute()
  return rows.filter((b) => b.seats_taken * 2 < b.seats)
}

/** Open batches not yet gone with their last seats going (a tenth of them, at least two, left): time to add a bus. */
export async function fillingBatches(db: Kysely<DB>, now: string) {
  const rows = await db
    .selectFrom('transport_batches as b')
    .select(['b.id', 'b.depart_at', 'b.seats', 'b.seats_taken'])
    .where('b.status', '=', 'open')
    .where('b.is_sample', '=', 0)
    .where('b.depart_at', '>', now)
    .orderBy('b.depart_at')
    .orderBy('b.id')
    .execute()
  return rows.filter((b) => b.seats_taken > 0 && b.seats - b.seats_taken <= Math.max(2, Math.ceil(b.seats / 10)))
}

/** Townships with at least one active township officer: only there is a risk worth an alert. */
export async function townshipsWithOfficers(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('staff')
    .select('township')
    .distinct()
    .where('role', '=', 'township')
    .where('disabled_at', 'is', null)
    .where('township', 'is not', null)
    .orderBy('township')
    .execute()
  return rows.map((r) => r.township!)
}

// Who is told, and what about: read inside the notice's own transaction.

export async function listAdminIds(trx: Kysely<DB>): Promise<number[]> {
  const rows = await trx.selectFrom('staff').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).orderBy('id').execute()
  return rows.map((r) => r.id)
}

export async function listTownshipOfficerIds(trx: Kysely<DB>, township: string): Promise<number[]> {
  const rows = await trx
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'township')
    .where('township', '=', township)
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

export async function findSignupForReminder(trx: Kysely<DB>, signupId: number) {
  return trx
    .selectFrom('transport_signups as s')
    .innerJoin('transport_batches as b', 'b.id', 's.batch_id')
    .select(['s.user_id', 's.status', 'b.status as batch_status', 'b.depart_at', 'b.meet_at', 'b.meeting_point', 'b.destination_city', 'b.vehicle_kind', 'b.what_to_bring'])
    .where('s.id', '=', signupId)
    .executeTakeFirst()
}

export async function findBatchForAlert(trx: Kysely<DB>, batchId: number) {
  return trx
    .selectFrom('transport_batches as b')
    .leftJoin('stations as st', 'st.id', 'b.station_id')
    .select(['b.id', 'b.depart_at', 'b.meet_at', 'b.meeting_point', 'b.destination_city', 'b.vehicle_kind', 'b.seats', 'b.seats_taken', 'b.station_id', 'st.name as station_name'])
    .where('b.id', '=', batchId)
    .executeTakeFirst()
}

/** A roster person as an alert names them: by their record, or by the worker account linked to it (people.user_id). */
export async function findPersonForAlert(trx: Kysely<DB>, by: { personId: number } | { userId: number }) {
  return trx
    .selectFrom('people as p')
    .leftJoin('villages as v', 'v.id', 'p.village_id')
    .select(['p.id', 'p.name', 'p.township', 'v.name as village_name'])
    .where((eb) => ('personId' in by ? eb('p.id', '=', by.personId) : eb('p.user_id', '=', by.userId)))
    .executeTakeFirst()
}

export async function findApplicationForAlert(trx: Kysely<DB>, applicationId: number) {
  return trx
    .selectFrom('job_applications as a')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .select(['a.status', 'j.id as job_id', 'j.title', 'j.source_station_id'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst()
}
