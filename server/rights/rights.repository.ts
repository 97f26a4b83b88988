/** All SQL for rights requests, their timeline and their tracking counter. */
import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely'
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
  'r.callback_only',
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

/** What an officer typed in the queue's search box, already told apart by the service. */
export type QueueSearch =
  | { kind: 'tracking'; trackingNo: string }
  /** Four digits: the contact phone's last four (by their keyed hash) or the end of a tracking number. */
  | { kind: 'last4'; phoneHash: string; digits: string }
  /** More digits: the end of a tracking number (000123). */
  | { kind: 'number'; digits: string }
  | { kind: 'employer'; text: string }

/** The queue's place of a case: waiting for acceptance, being handled, concluded, closed. */
export const queueRank = (status: string): number =>
  status === 'submitted' ? 0 : status === 'accepted' || status === 'in_progress' ? 1 : status === 'resolved' || status === 'referred' ? 2 : 3

export interface QueueCursor {
  rank: number
  submittedAt: string
  id: number
}

export interface StaffFilters {
  stationId?: number
  /** One status, or several (在办: submitted, accepted, in_progress). */
  statuses?: readonly string[]
  category?: string
  /** true: only overdue; false: none of them */
  overdueBefore?: { before: string; only: boolean }
  /** 我负责的: cases whose first-responsible officer is this staff member. */
  firstResponsibleStaffId?: number
  search?: QueueSearch
  after?: QueueCursor
  limit: number
}

const rankOf = (eb: ExpressionBuilder<DB & { r: DB['rights_requests'] }, 'r'>) =>
  eb
    .case()
    .when('r.status', '=', 'submitted')
    .then(0)
    .when('r.status', 'in', ['accepted', 'in_progress'])
    .then(1)
    .when('r.status', 'in', ['resolved', 'referred'])
    .then(2)
    .else(3)
    .end()

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The staff queue in working order: cases waiting for acceptance first, oldest first (so the overdue ones lead), then
 * those being handled, then concluded, then closed, each oldest first. Keyset paging on (rank, submitted_at, id).
 */
export async function listForStaff(db: Kysely<DB>, f: StaffFilters) {
  let q = selectRequests(db).select((eb) => rankOf(eb).as('queue_rank'))
  if (f.stationId !== undefined) q = q.where('r.station_id', '=', f.stationId)
  if (f.statuses?.length) q = q.where('r.status', 'in', [...f.statuses])
  if (f.category) q = q.where('r.category', '=', f.category)
  if (f.firstResponsibleStaffId !== undefined) q = q.where('r.first_responsible_staff_id', '=', f.firstResponsibleStaffId)
  if (f.overdueBefore) {
    const { before, only } = f.overdueBefore
    q = only
      ? q.where('r.status', '=', 'submitted').where('r.submitted_at', '<', before)
      : q.where((eb) => eb.or([eb('r.status', '!=', 'submitted'), eb('r.submitted_at', '>=', before)]))
  }
  const s = f.search
  if (s?.kind === 'tracking') q = q.where('r.tracking_no', '=', s.trackingNo)
  if (s?.kind === 'last4') {
    q = q.where((eb) => eb.or([eb('r.contact_phone_last4_hash', '=', s.phoneHash), eb('r.tracking_no', 'like', `%${s.digits}`)]))
  }
  if (s?.kind === 'number') q = q.where('r.tracking_no', 'like', `%${s.digits}`)
  if (s?.kind === 'employer') q = q.where(sql<boolean>`lower(r.employer_name) like lower(${`%${likeEscape(s.text)}%`}) escape '\\'`)
  if (f.after) {
    const { rank, submittedAt, id } = f.after
    q = q.where((eb) =>
      eb.or([
        eb(rankOf(eb), '>', rank),
        eb.and([
          eb(rankOf(eb), '=', rank),
          eb.or([eb('r.submitted_at', '>', submittedAt), eb.and([eb('r.submitted_at', '=', submittedAt), eb('r.id', '>', id)])]),
        ]),
      ]),
    )
  }
  return q.orderBy('queue_rank').orderBy('r.submitted_at').orderBy('r.id').limit(f.limit).execute()
}

/** Rows that have a contact phone but no last-four hash yet (written before the hash existed). */
export async function requestsWithoutPhoneHash(db: Kysely<DB>) {
  return db
    .selectFrom('rights_requests')
    .select(['id', 'contact_phone_enc'])
    .where('contact_phone_enc', 'is not', null)
    .where('contact_phone_last4_hash', 'is', null)
    .execute()
}

export async function setPhoneHash(db: Kysely<DB>, id: number, hash: string): Promise<void> {
  await db.updateTable('rights_requests').set({ contact_phone_last4_hash: hash }).where('id', '=', id).execute()
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
    .set({ user_id: null, contact_name: null, contact_phone_enc: null, contact_phone_last4_hash: null, updated_at: now.toISOString() })
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
