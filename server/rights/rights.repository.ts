/** All SQL for rights requests, their timeline and their tracking counter. */
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { DB, RightsRequestEventTable, RightsRequestTable } from '../db/schema'

/**
 * The next number of the year, in the caller's transaction: one atomic upsert, so concurrent submissions
 * queue on the counter row (PostgreSQL row lock; SQLite's single writer) and numbers have no gaps or twins.
 */
export async function nextTrackingSeq(trx: Kysely<DB>, year: number): Promise<number> {
  const row = await trx
    .insertInto('rights_tracking_counters')
    .values({ year, last_seq: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_seq: eb('rights_tracking_counters.last_seq', '+', 1) })))
    .returning('last_seq')
    .executeTakeFirstOrThrow()
  return row.last_seq
}

export async function insertRequest(trx: Kysely<DB>, row: Insertable<RightsRequestTable>): Promise<number> {
  const inserted = await trx.insertInto('rights_requests').values(row).returning('id').executeTakeFirstOrThrow()
  return inserted.id
}

export async function insertEvent(trx: Kysely<DB>, row: Insertable<RightsRequestEventTable>): Promise<void> {
  await trx.insertInto('rights_request_events').values(row).execute()
}

const requestColumns = [
  'r.id',
  'r.tracking_no',
  'r.user_id',
  'r.category',
  'r.description',
  'r.employer_name',
  'r.work_city',
  'r.work_province',
  'r.work_address',
  'r.worked_from',
  'r.worked_to',
  'r.amount_owed_yuan',
  'r.workers_affected',
  'r.contact_name',
  'r.contact_phone_enc',
  'r.contact_time',
  'r.application_id',
  'r.attachments',
  'r.station_id',
  'r.status',
  'r.first_responsible_staff_id',
  'r.referred_to',
  'r.rating',
  'r.rating_comment',
  'r.submitted_at',
  'r.accepted_at',
  'r.concluded_at',
  'r.closed_at',
  'r.updated_at',
  's.name as station_name',
  's.phone as station_phone',
  'f.display_name as first_responsible_name',
] as const

function selectRequests(db: Kysely<DB>) {
  return db
    .selectFrom('rights_requests as r')
    .leftJoin('stations as s', 's.id', 'r.station_id')
    .leftJoin('staff as f', 'f.id', 'r.first_responsible_staff_id')
    .select(requestColumns)
}
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequestByTrackingNo>>>

export async function findRequestByTrackingNo(db: Kysely<DB>, trackingNo: string) {
  return selectRequests(db).where('r.tracking_no', '=', trackingNo).executeTakeFirst()
}

export async function listEvents(db: Kysely<DB>, requestIds: number[]) {
  if (!requestIds.length) return []
  return db
    .selectFrom('rights_request_events as e')
    .leftJoin('staff as st', 'st.id', 'e.staff_id')
    .selectAll('e')
    .select('st.display_name as staff_name')
    .where('e.request_id', 'in', requestIds)
    .orderBy('e.request_id')
    .orderBy('e.id')
    .execute()
}
export type EventRow = Awaited<ReturnType<typeof listEvents>>[number]

export async function listForUser(db: Kysely<DB>, userId: number, beforeId: number | undefined, limit: number) {
  let q = selectRequests(db).where('r.user_id', '=', userId)
  if (beforeId !== undefined) q = q.where('r.id', '<', beforeId)
  return q.orderBy('r.id', 'desc').limit(limit).execute()
}

export async function listAllForUser(db: Kysely<DB>, userId: number) {
  return selectRequests(db).where('r.user_id', '=', userId).orderBy('r.id').execute()
}

export interface StaffFilters {
  stationId?: number
  status?: string
  category?: string
  /** true: only overdue; false: none of them */
  overdueBefore?: { before: string; only: boolean }
  beforeId?: number
  limit: number
}

export async function listForStaff(db: Kysely<DB>, f: StaffFilters) {
  let q = selectRequests(db)
  if (f.stationId !== undefined) q = q.where('r.station_id', '=', f.stationId)
  if (f.status) q = q.where('r.status', '=', f.status)
  if (f.category) q = q.where('r.category', '=', f.category)
  if (f.overdueBefore) {
    const { before, only } = f.overdueBefore
    q = only
      ? q.where('r.status', '=', 'submitted').where('r.submitted_at', '<', before)
      : q.where((eb) => eb.or([eb('r.status', '!=', 'submitted'), eb('r.submitted_at', '>=', before)]))
  }
  if (f.beforeId !== undefined) q = q.where('r.id', '<', f.beforeId)
  return q.orderBy('r.id', 'desc').limit(f.limit).execute()
}

/** A move that only happens if the case is still where the caller saw it; false when someone else moved it first. */
export async function moveRequest(trx: Kysely<DB>, id: number, from: string, set: Updateable<RightsRequestTable>): Promise<boolean> {
  const result = await trx.updateTable('rights_requests').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function touchRequest(trx: Kysely<DB>, id: number, now: Date): Promise<void> {
  await trx.updateTable('rights_requests').set({ updated_at: now.toISOString() }).where('id', '=', id).execute()
}

/** Concluded (resolved or referred) at or before `cutoff`, not yet closed. */
export async function dueToClose(db: Kysely<DB>, statuses: readonly string[], cutoff: string) {
  return db
    .selectFrom('rights_requests')
    .select(['id', 'status', 'concluded_at'])
    .where('status', 'in', [...statuses])
    .where('concluded_at', '<=', cutoff)
    .execute()
}

/** Account deletion: the cases stay, without the link to the worker or the worker's name and phone. */
export async function forgetRequester(trx: Kysely<DB>, userId: number, now: Date): Promise<{ id: number; status: string }[]> {
  const rows = await trx.selectFrom('rights_requests').select(['id', 'status']).where('user_id', '=', userId).execute()
  await trx
    .updateTable('rights_requests')
    .set({ user_id: null, contact_name: null, contact_phone_enc: null, updated_at: now.toISOString() })
    .where('user_id', '=', userId)
    .execute()
  return rows
}

export async function stationsForRouting(db: Kysely<DB>, province: string) {
  return db
    .selectFrom('stations')
    .select(['id', 'type', 'city'])
    .where('province', '=', province)
    .where('type', 'in', ['labour_station', 'party_branch', 'recruitment_point'])
    .orderBy('id')
    .execute()
}

export async function serviceCentre(db: Kysely<DB>) {
  return db.selectFrom('stations').select(['id']).where('type', '=', 'service_centre').orderBy('id').executeTakeFirst()
}

export async function findStationName(db: Kysely<DB>, id: number) {
  return db.selectFrom('stations').select(['name']).where('id', '=', id).executeTakeFirst()
}

export async function findOwnApplication(db: Kysely<DB>, userId: number, applicationId: number) {
  return db.selectFrom('job_applications').select(['id']).where('id', '=', applicationId).where('user_id', '=', userId).executeTakeFirst()
}
