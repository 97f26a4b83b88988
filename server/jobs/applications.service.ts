/** Applying to a posting, my applications, withdrawing; the export and deletion of them. */
import type { Kysely } from 'kysely'
import {
  type ApplicationStatus,
  applicationStatusLabel,
  type JobApplication,
  withdrawableStatuses,
} from '../../types'
import { lockKey } from '../db/dialect'
import type { DB } from '../db/schema'
import { conflict, notFound } from '../http/app-error'
import { decodeCursor, paginate } from '../lib/cursor'
import { chinaDate } from '../lib/dates'
import { redactAudit } from '../audit/audit.repository'
import { notify } from '../notifications/notify'
import {
  anonymiseApplicationsOf,
  applicationIdsOf,
  findApplicationFor,
  findOwnApplication,
  insertApplication,
  listApplicationsOf,
  updateApplicationStatus,
} from './applications.repository'
import { findJobById, findJobsByIds, type JobWithStations } from './jobs.repository'
import { toJobDetail, toJobSummary } from './jobs.service'
import { anonymiseReportsOf, listReportsBy } from './reports.repository'
import { eraseDayJobRecords } from './local-jobs.service'
import { eraseHiringEventRecords } from '../hiring-events/hiring-events.repository'

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplicationFor>>>

/** What every view of an application shows of it: the worker's adds the posting, the station's the worker. */
export function toApplicationBase(row: ApplicationRow): Omit<JobApplication, 'job'> {
  return {
    id: row.id,
    status: row.status as ApplicationStatus,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toApplication(row: ApplicationRow, job: JobWithStations, now: Date): JobApplication {
  return { ...toApplicationBase(row), job: toJobSummary(job, chinaDate(now)) }
}

/** Why a posting can't take applications, in words a worker understands. */
function notAppliableMessage(detail: ReturnType<typeof toJobDetail>): string {
  if (detail.underReview) return '这个岗位已有多人举报，正在核实，暂时不能报名'
  if (detail.status === 'filled') return '这个岗位已经招满了，不能再报名'
  if (detail.expired) return '这个岗位已经过期，不能再报名'
  return '这个岗位已经停止招聘，不能再报名'
}

/**
 * One application per worker per posting. A repeat returns the one already there (a withdrawn one is
 * renewed, the same row). `trx` is the idempotent write's transaction.
 */
export async function applyToJob(trx: Kysely<DB>, userId: number, jobId: number, note: string | undefined, now: Date): Promise<JobApplication> {
  const job = await findJobById(trx, jobId)
  if (!job) throw notFound('没有找到这个岗位，可能已被删除')
  // Two taps from two devices with different keys: the second waits here and then finds the first.
  await lockKey(trx, `job-application:${jobId}:${userId}`)
  const existing = await findApplicationFor(trx, jobId, userId)
  if (existing && existing.status !== 'withdrawn') return toApplication(existing, job, now)

  const detail = toJobDetail(job, chinaDate(now))
  if (!detail.appliable) throw conflict(notAppliableMessage(detail))
  const cleanNote = note ? note : null
  const row = existing
    ? await updateApplicationStatus(trx, existing.id, 'submitted', now, ['withdrawn'], cleanNote)
    : await insertApplication(trx, { jobId, userId, note: cleanNote, now })
  if (!row) throw conflict()
  await notify(trx, now, { kind: 'staff_new_applicant', applicationId: row.id })
  return toApplication(row, job, now)
}

async function withJobs(db: Kysely<DB>, rows: ApplicationRow[], now: Date): Promise<JobApplication[]> {
  const jobs = new Map((await findJobsByIds(db, [...new Set(rows.map((r) => r.job_id))])).map((j) => [j.id, j]))
  return rows.filter((r) => jobs.has(r.job_id)).map((r) => toApplication(r, jobs.get(r.job_id)!, now))
}

export async function listMyApplications(db: Kysely<DB>, userId: number, query: { cursor?: string; limit: number }, now: Date) {
  const after = decodeCursor(query.cursor, { id: 'number' })
  const rows = await listApplicationsOf(db, userId, query.limit + 1, after?.id)
  const { page, nextCursor } = paginate(rows, query.limit, (last) => ({ id: last.id }))
  return { items: await withJobs(db, page, now), nextCursor }
}

export async function withdrawApplication(db: Kysely<DB>, userId: number, id: number, now: Date): Promise<JobApplication> {
  const app = await findOwnApplication(db, id, userId)
  if (!app) throw notFound('没有找到这条报名')
  const status = app.status as ApplicationStatus
  if (!withdrawableStatuses.includes(status)) throw conflict(`这条报名${applicationStatusLabel[status]}，不能再取消`)
  // Conditional update: staff may change the status between the read and this write.
  const row = await updateApplicationStatus(db, id, 'withdrawn', now, withdrawableStatuses)
  if (!row) throw conflict('这条报名的状态刚刚变了，请刷新后再看')
  const [job] = await findJobsByIds(db, [row.job_id])
  return toApplication(row, job, now)
}

/** For GET /api/me/export: my applications and reports, in full. */
export async function exportJobRecords(db: Kysely<DB>, userId: number) {
  const rows = await listApplicationsOf(db, userId, 10_000)
  const jobs = new Map((await findJobsByIds(db, [...new Set(rows.map((r) => r.job_id))])).map((j) => [j.id, j]))
  return {
    applications: rows.map((r) => ({
      id: r.id,
      jobId: r.job_id,
      jobTitle: jobs.get(r.job_id)?.title ?? null,
      employerName: jobs.get(r.job_id)?.employer_name ?? null,
      status: r.status,
      note: r.note,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    jobReports: (await listReportsBy(db, userId)).map((r) => ({ id: r.id, jobId: r.job_id, reason: r.reason, detail: r.detail, createdAt: r.created_at })),
  }
}

/** For account deletion, inside its transaction. */
export async function eraseJobRecords(trx: Kysely<DB>, userId: number, now: Date): Promise<void> {
  const ids = await applicationIdsOf(trx, userId)
  await anonymiseApplicationsOf(trx, userId, now)
  // Staff status changes were audited with the applicant as staff saw them: as a deleted worker now reads.
  await redactAudit(trx, 'job_application', ids, (a) => ({ ...a, note: null, worker: null }))
  await anonymiseReportsOf(trx, userId)
  await eraseDayJobRecords(trx, userId)
  await eraseHiringEventRecords(trx, userId)
}
