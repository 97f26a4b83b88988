/**
 * Staff side of employer records: the full record, the licence check (credit code), and suspension. Station staff
 * reach the employers of their station's postings; admins every one, and only admins suspend (it closes postings
 * of every station). Every write is audited in the route's transaction: the employer's fields it changed and, for a
 * suspension, which postings it closed (their ids, not the postings).
 */
import type { Kysely } from 'kysely'
import type { EmployerRecord, StaffEmployer } from '../../types'
import { writeAudit } from '../audit/audit.repository'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { conflict, forbidden, validationFailed } from '../http/app-error'
import { closeOpenJobsOf, type EmployerRow, findEmployerByCreditCode, hasPostingFromStation, listEmployerPostings, updateEmployer } from '../jobs/employers.repository'
import { loadEmployer, toEmployerRecord } from '../jobs/employers.service'
import { chinaDate } from '../lib/dates'
import { findStaffName } from './staff.repository'
import { isAdmin, requireAdmin, staffActor } from './staff-scope'

const POSTINGS_SHOWN = 50

type EmployerFields = Omit<StaffEmployer, 'postings'>

/** The record without its postings: what a write can change, and what the audit compares. */
async function toEmployerFields(db: Kysely<DB>, row: EmployerRow, counts: EmployerRecord['counts'], now: Date): Promise<EmployerFields> {
  const name = async (id: number | null) => {
    const s = id !== null ? await findStaffName(db, id) : undefined
    return s ? { id: s.id, name: s.display_name } : null
  }
  return {
    ...toEmployerRecord(row, counts, chinaDate(now)),
    verifiedByStaff: row.verified_at !== null ? await name(row.verified_by_staff_id) : null,
    suspendedAt: row.suspended_at,
    suspendedBy: row.status === 'suspended' ? await name(row.suspended_by_staff_id) : null,
    suspendedReason: row.suspended_reason,
  }
}

async function toStaffEmployer(db: Kysely<DB>, row: EmployerRow, counts: EmployerRecord['counts'], now: Date): Promise<StaffEmployer> {
  const postings = await listEmployerPostings(db, row.id, POSTINGS_SHOWN)
  return {
    ...(await toEmployerFields(db, row, counts, now)),
    postings: postings.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status as StaffEmployer['postings'][number]['status'],
      postedAt: p.posted_at,
      headcount: p.headcount,
      hiredCount: p.hired_count,
      sourceStation: { id: p.source_station_id, name: p.source_name },
    })),
  }
}

/** The employer's own fields a write set; counts and the trust line follow from them and its postings, so they stay out. */
const AUDITED = ['name', 'creditCode', 'verified', 'verifiedAt', 'verifiedBy', 'verifiedByStaff', 'suspended', 'suspendedAt', 'suspendedBy', 'suspendedReason'] as const

/** Only what differs, before and after: an audit row says what changed rather than copying the record. */
function changedFields(before: EmployerFields, after: EmployerFields) {
  const changed = AUDITED.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  }
}

/** The record, if the caller may see it: admins any, station staff those with a posting at their station. */
async function loadForStaff(db: Kysely<DB>, caller: StaffCaller, id: number) {
  const loaded = await loadEmployer(db, id)
  if (!isAdmin(caller)) {
    const mine = caller.stationId !== null && (await hasPostingFromStation(db, id, caller.stationId))
    if (!mine) throw forbidden('这个用工单位没有在本工作站发布过岗位，不能查看或修改')
  }
  return loaded
}

export async function getStaffEmployer(db: Kysely<DB>, caller: StaffCaller, id: number, now: Date): Promise<StaffEmployer> {
  const { row, counts } = await loadForStaff(db, caller, id)
  return toStaffEmployer(db, row, counts, now)
}

/** The licence was seen: its credit code (already checked by its check character in the contract), by whom, when. */
export async function verifyEmployerRecord(trx: Kysely<DB>, caller: StaffCaller, id: number, creditCode: string, now: Date): Promise<StaffEmployer> {
  const { row, counts } = await loadForStaff(trx, caller, id)
  const other = await findEmployerByCreditCode(trx, creditCode)
  if (other && other.id !== id) throw validationFailed({ creditCode: `这个统一社会信用代码已登记在“${other.name}”名下，请核对` })
  const before = await toEmployerFields(trx, row, counts, now)
  await updateEmployer(trx, id, {
    credit_code: creditCode,
    verified_at: now.toISOString(),
    verified_by_staff_id: caller.staffId,
    verified_by_station_id: caller.stationId,
  })
  const after = await getStaffEmployer(trx, caller, id, now)
  await writeAudit(trx, { actor: staffActor(caller), action: 'employer.verify', entity: 'employer', entityId: id, ...changedFields(before, after), at: now })
  return after
}

/** Admins: stop working with an employer; its open postings close in this same transaction. */
export async function suspendEmployer(trx: Kysely<DB>, caller: StaffCaller, id: number, reason: string, now: Date): Promise<StaffEmployer> {
  requireAdmin(caller, '只有县级管理员可以暂停一个用工单位')
  const { row, counts } = await loadEmployer(trx, id)
  if (row.status === 'suspended') throw conflict('这个用工单位已经暂停合作了')
  const before = await toEmployerFields(trx, row, counts, now)
  await updateEmployer(trx, id, { status: 'suspended', suspended_at: now.toISOString(), suspended_by_staff_id: caller.staffId, suspended_reason: reason })
  const closed = await closeOpenJobsOf(trx, id)
  const after = await getStaffEmployer(trx, caller, id, now)
  const changes = changedFields(before, after)
  await writeAudit(trx, {
    actor: staffActor(caller),
    action: 'employer.suspend',
    entity: 'employer',
    entityId: id,
    before: changes.before,
    after: { ...changes.after, closedJobs: closed.length, closedJobIds: closed },
    at: now,
  })
  return after
}
