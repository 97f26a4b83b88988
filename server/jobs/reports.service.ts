/** Workers reporting a posting; enough reports hide it until staff review it. */
import type { Kysely } from 'kysely'
import { type JobReport, type ReportReason, reportsToHide } from '../../types'
import { lockKey } from '../db/dialect'
import type { DB } from '../db/schema'
import { notFound } from '../http/app-error'
import { findJobById } from './jobs.repository'
import { findReportFor, hideIfReported, insertReport } from './reports.repository'

type ReportRow = NonNullable<Awaited<ReturnType<typeof findReportFor>>>

const toReport = (r: ReportRow): JobReport => ({
  id: r.id,
  jobId: r.job_id,
  reason: r.reason as ReportReason,
  detail: r.detail,
  createdAt: r.created_at,
})

/** One report per worker per posting: a repeat returns the first. `trx` is the idempotent write's transaction. */
export async function reportJob(trx: Kysely<DB>, userId: number, jobId: number, body: { reason: ReportReason; detail: string }, now: Date): Promise<JobReport> {
  const job = await findJobById(trx, jobId)
  if (!job) throw notFound('没有找到这个岗位，可能已被删除')
  // All reports on one posting in turn: two last reports at once must still see each other and hide it.
  await lockKey(trx, `job-reports:${jobId}`)
  const existing = await findReportFor(trx, jobId, userId)
  if (existing) return toReport(existing)
  const row = await insertReport(trx, { jobId, userId, reason: body.reason, detail: body.detail, now })
  await hideIfReported(trx, jobId, reportsToHide)
  return toReport(row)
}
