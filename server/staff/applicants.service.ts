/**
 * A posting's applicants for the station that handles it. Only staff of that station (and admins) reach
 * them, so the phone they see is unmasked, and every such read is written to the access log.
 */
import type { Kysely } from 'kysely'
import { type ApplicationStatus, type StaffApplicant, type townships, type Trade } from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { writeAudit } from '../audit/audit.repository'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { conflict, notFound } from '../http/app-error'
import { findApplicantProfiles } from '../accounts/users.repository'
import { findApplication, listApplicationsForJob, updateApplicationStatus } from '../jobs/applications.repository'
import { findJobStation, recordHire } from '../jobs/jobs.repository'
import { type ApplicationRow, toApplicationBase } from '../jobs/applications.service'
import { toJobPosting } from '../jobs/jobs.service'
import { type AccessEntry, writeAccess } from './access-log.repository'
import { getJobForStaff } from './staff-jobs.service'
import { rosterOnHired } from '../roster/roster-moves.service'
import { requireStation, staffActor } from './staff-scope'
import { notify } from '../notifications/notify'
import { chinaDate } from '../lib/dates'

async function workersById(db: Kysely<DB>, ids: readonly number[]) {
  return new Map((await findApplicantProfiles(db, ids)).map((r) => [r.id, r]))
}

type ApplicantWorker = { name: string | null; phone_enc: string | null; hometown_township: string | null; trades: string }

/** Staff of the posting's station see the whole phone: `phoneShownOf` names the worker whose read goes to the access log. */
function toApplicant(row: ApplicationRow, worker: ApplicantWorker | undefined, keys: DataKeys): { applicant: StaffApplicant; phoneShownOf: number | null } {
  const phone = worker?.phone_enc ? keys.decrypt(worker.phone_enc) : ''
  return {
    applicant: {
      ...toApplicationBase(row),
      worker: worker
        ? { name: worker.name, phone, hometownTownship: worker.hometown_township as (typeof townships)[number] | null, trades: JSON.parse(worker.trades) as Trade[] }
        : null,
    },
    phoneShownOf: phone !== '' ? row.user_id : null,
  }
}

const phoneRead = (caller: StaffCaller, userId: number, applicationId: number, jobId: number, now: Date): AccessEntry => ({
  staffId: caller.staffId,
  action: 'applicant_phone',
  userId,
  detail: `岗位 ${jobId} 报名 ${applicationId}`,
  at: now,
})

export async function listJobApplications(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, jobId: number, now: Date) {
  const job = await getJobForStaff(db, caller, jobId)
  const rows = await listApplicationsForJob(db, jobId)
  const workers = await workersById(db, rows.flatMap((r) => (r.user_id !== null ? [r.user_id] : [])))
  const shown = rows.map((r) => toApplicant(r, r.user_id !== null ? workers.get(r.user_id) : undefined, keys))
  await writeAccess(
    db,
    rows.flatMap((r, i) => {
      const userId = shown[i].phoneShownOf
      return userId !== null ? [phoneRead(caller, userId, r.id, jobId, now)] : []
    }),
  )
  return { job: toJobPosting(job, chinaDate(now)), items: shown.map((a) => a.applicant) }
}

/** submitted → contacted → hired | rejected (hired or rejected straight from submitted too). */
const allowedFrom: Record<'contacted' | 'hired' | 'rejected', readonly ApplicationStatus[]> = {
  contacted: ['submitted'],
  hired: ['submitted', 'contacted'],
  rejected: ['submitted', 'contacted'],
}

export async function setApplicationStatus(
  trx: Kysely<DB>,
  keys: DataKeys,
  caller: StaffCaller,
  id: number,
  status: 'contacted' | 'hired' | 'rejected',
  now: Date,
): Promise<StaffApplicant> {
  const row = await findApplication(trx, id)
  if (!row) throw notFound('没有找到这条报名')
  const job = await findJobStation(trx, row.job_id)
  if (!job) throw notFound('没有找到这条报名')
  requireStation(caller, job.source_station_id, '这是别的工作站的岗位的报名，不能处理')
  const workers = await workersById(trx, row.user_id !== null ? [row.user_id] : [])
  const worker = row.user_id !== null ? workers.get(row.user_id) : undefined
  const before = toApplicant(row, worker, keys)
  let after = before
  if (row.status !== status) {
    const updated = await updateApplicationStatus(trx, id, status, now, allowedFrom[status])
    if (!updated) {
      throw conflict(row.status === 'withdrawn' ? '务工人员已经取消了这次报名' : '这条报名已经有结果了，不能再改')
    }
    after = toApplicant(updated, worker, keys)
    // Counted in this transaction: at headcount the posting is filled and leaves the lists.
    if (status === 'hired') await recordHire(trx, job.id)
    if (status === 'hired' && row.user_id !== null) await rosterOnHired(trx, job.id, row.user_id, now)
    await notify(trx, now, { kind: 'application_status', applicationId: id, status })
    // The audit keeps the change, not the phone: masked copies are enough to know what changed.
    const masked = (a: StaffApplicant) => ({ ...a, worker: a.worker ? { ...a.worker, phone: '***' } : null })
    await writeAudit(trx, { actor: staffActor(caller), action: `application.${status}`, entity: 'job_application', entityId: id, before: masked(before.applicant), after: masked(after.applicant), at: now })
  }
  if (after.phoneShownOf !== null) await writeAccess(trx, [phoneRead(caller, after.phoneShownOf, id, job.id, now)])
  return after.applicant
}
