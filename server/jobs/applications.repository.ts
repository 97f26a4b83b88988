/** All SQL for job applications. One row per worker per posting (unique job_id, user_id). */
import { type Kysely, sql } from 'kysely'
import type { DB } from '../db/schema'

type Executor = Kysely<DB>

export async function findApplicationFor(db: Executor, jobId: number, userId: number) {
  return db.selectFrom('job_applications').selectAll().where('job_id', '=', jobId).where('user_id', '=', userId).executeTakeFirst()
}

/** Someone else's application is as good as missing: the caller must not learn it exists. */
export async function findOwnApplication(db: Executor, id: number, userId: number) {
  return db.selectFrom('job_applications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
}

export async function insertApplication(db: Executor, row: { jobId: number; userId: number; note: string | null; now: Date }) {
  const at = row.now.toISOString()
  return db
    .insertInto('job_applications')
    .values({ job_id: row.jobId, user_id: row.userId, status: 'submitted', note: row.note, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Changes the status only while it is still one of `from` (an atomic check-and-set on both databases). */
export async function updateApplicationStatus(
  db: Executor,
  id: number,
  status: string,
  now: Date,
  from: readonly string[],
  note?: string | null,
) {
  return db
    .updateTable('job_applications')
    .set({ status, updated_at: now.toISOString(), ...(note !== undefined ? { note } : {}) })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst()
}

/** Newest first; `beforeId` is the keyset cursor. */
export async function listApplicationsOf(db: Executor, userId: number, limit: number, beforeId?: number) {
  let query = db.selectFrom('job_applications').selectAll().where('user_id', '=', userId)
  if (beforeId !== undefined) query = query.where('id', '<', beforeId)
  return query.orderBy('id', 'desc').limit(limit).execute()
}

/** For the station's workbench: a posting's applications, oldest first. */
export async function listApplicationsForJob(db: Executor, jobId: number) {
  return db.selectFrom('job_applications').selectAll().where('job_id', '=', jobId).orderBy('id').execute()
}

/** Account deletion: the station keeps a count, not the person; open applications end. */
export async function applicationIdsOf(db: Executor, userId: number): Promise<number[]> {
  return (await db.selectFrom('job_applications').select('id').where('user_id', '=', userId).execute()).map((r) => r.id)
}

export async function anonymiseApplicationsOf(db: Executor, userId: number, now: Date): Promise<void> {
  await db
    .updateTable('job_applications')
    .set({ status: 'withdrawn', updated_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('status', 'in', ['submitted', 'contacted'])
    .execute()
  await db.updateTable('job_applications').set({ user_id: null, note: null }).where('user_id', '=', userId).execute()
}

export async function findApplication(db: Executor, id: number) {
  return db.selectFrom('job_applications').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Applications and hires per posting, for the workbench; postings without applications are left out. */
export async function countApplicationsByJob(db: Executor, jobIds: readonly number[]) {
  if (!jobIds.length) return []
  return db
    .selectFrom('job_applications')
    .select(['job_id', (eb) => eb.fn.countAll().as('n'), sql<string | number>`sum(case when status = 'hired' then 1 else 0 end)`.as('hired')])
    .where('job_id', 'in', [...jobIds])
    .groupBy('job_id')
    .execute()
}
