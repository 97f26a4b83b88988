/** All SQL for reports against postings, and the review flag they raise on jobs. */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

type Executor = Kysely<DB>

export async function findReportFor(db: Executor, jobId: number, userId: number) {
  return db.selectFrom('job_reports').selectAll().where('job_id', '=', jobId).where('user_id', '=', userId).executeTakeFirst()
}

export async function insertReport(db: Executor, row: { jobId: number; userId: number; reason: string; detail: string; now: Date }) {
  return db
    .insertInto('job_reports')
    .values({ job_id: row.jobId, user_id: row.userId, reason: row.reason, detail: row.detail, created_at: row.now.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Hides the posting once `threshold` unreviewed reports exist. One report per worker (unique), so
 * rows are distinct workers; reports kept after an account was deleted still count.
 * The caller holds the posting's report lock, so concurrent reports cannot both miss the threshold.
 */
export async function hideIfReported(db: Executor, jobId: number, threshold: number): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ review_status: 'pending' })
    .where('id', '=', jobId)
    .where('review_status', '<>', 'pending')
    .where(
      (eb) =>
        eb
          .selectFrom('job_reports')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('job_reports.job_id', '=', jobId)
          .where('job_reports.reviewed_at', 'is', null),
      '>=',
      threshold,
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** For the staff review queue: hidden postings, oldest report first. */
export async function findJobsUnderReview(db: Executor) {
  return db
    .selectFrom('jobs')
    .select(['jobs.id', 'jobs.title', 'jobs.employer_name', 'jobs.source_station_id'])
    .where('jobs.review_status', '=', 'pending')
    .orderBy('jobs.id')
    .execute()
}

export async function listOpenReportsForJob(db: Executor, jobId: number) {
  return db
    .selectFrom('job_reports')
    .select(['id', 'reason', 'detail', 'created_at'])
    .where('job_id', '=', jobId)
    .where('reviewed_at', 'is', null)
    .orderBy('id')
    .execute()
}

/**
 * Staff decision on a hidden posting (called in the review's transaction): 'cleared' lists it
 * again, 'closed' ends it. Either way its reports are settled; later reports start a new count.
 */
export async function settleReportedJob(db: Executor, jobId: number, outcome: 'cleared' | 'closed', now: Date): Promise<void> {
  await db.updateTable('job_reports').set({ reviewed_at: now.toISOString() }).where('job_id', '=', jobId).where('reviewed_at', 'is', null).execute()
  await db
    .updateTable('jobs')
    .set(outcome === 'closed' ? { review_status: 'removed', status: 'closed' } : { review_status: 'cleared' })
    .where('id', '=', jobId)
    .execute()
}

export async function listReportsBy(db: Executor, userId: number) {
  return db.selectFrom('job_reports').selectAll().where('user_id', '=', userId).orderBy('id').execute()
}

/** Account deletion: the report still counts against the posting; who made it is forgotten. */
export async function anonymiseReportsOf(db: Executor, userId: number): Promise<void> {
  await db.updateTable('job_reports').set({ user_id: null }).where('user_id', '=', userId).execute()
}
