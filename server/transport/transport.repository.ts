/** All SQL for 点对点 batches and their seats. Every function takes the database or a transaction first. */
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { DB, TransportBatchTable } from '../db/schema'
import { seatCounter } from '../db/seat-counter'

function batchQuery(db: Kysely<DB>) {
  return db
    .selectFrom('transport_batches as b')
    .leftJoin('stations as s', 's.id', 'b.station_id')
    .selectAll('b')
    .select(['s.name as station_name'])
}

export type BatchRow = Awaited<ReturnType<ReturnType<typeof batchQuery>['executeTakeFirstOrThrow']>>

export async function findBatch(db: Kysely<DB>, id: number): Promise<BatchRow | undefined> {
  return batchQuery(db).where('b.id', '=', id).executeTakeFirst()
}

export async function findBatches(db: Kysely<DB>, ids: readonly number[]): Promise<BatchRow[]> {
  return ids.length ? batchQuery(db).where('b.id', 'in', [...ids]).execute() : []
}

export interface BatchFilter {
  /** Departing after this instant (ISO). */
  after: string
  /** A city or province name, matched exactly or as a prefix (无锡 finds 无锡市). */
  destination?: string
  /** [from, to) instants of a China month. */
  window?: { from: string; to: string }
}

/** Open batches by departure time, then id; `after` is the cursor (the last row's departure and id). */
export async function findOpenBatches(db: Kysely<DB>, filter: BatchFilter, cursor: { departAt: string; id: number } | undefined, limit: number) {
  let q = batchQuery(db).where('b.status', '=', 'open').where('b.depart_at', '>', filter.after)
  if (filter.destination) {
    const d = filter.destination
    q = q.where((eb) =>
      eb.or([
        eb('b.destination_city', '=', d),
        eb('b.destination_province', '=', d),
        eb('b.destination_city', '=', `${d}市`),
        eb('b.destination_province', 'in', [`${d}省`, `${d}市`]),
      ]),
    )
  }
  if (filter.window) q = q.where('b.depart_at', '>=', filter.window.from).where('b.depart_at', '<', filter.window.to)
  if (cursor) {
    q = q.where((eb) => eb.or([eb('b.depart_at', '>', cursor.departAt), eb.and([eb('b.depart_at', '=', cursor.departAt), eb('b.id', '>', cursor.id)])]))
  }
  return q.orderBy('b.depart_at').orderBy('b.id').limit(limit).execute()
}

const batchSeats = seatCounter({ table: 'transport_batches', taken: 'seats_taken', capacity: 'seats', openWhile: { column: 'status', value: 'open' } })
/** The batch row, locked: every change to its seats runs one at a time. */
export const lockBatch = batchSeats.lock
export const takeSeat = batchSeats.take
export const releaseSeat = batchSeats.release

export async function updateBatch(trx: Kysely<DB>, id: number, set: Updateable<TransportBatchTable>): Promise<void> {
  await trx.updateTable('transport_batches').set(set).where('id', '=', id).execute()
}

/**
 * The staff list: a station's batches (all of them for `station` undefined), latest departure first, then id;
 * the cursor is the last row's departure and id.
 */
export async function findStaffBatches(
  db: Kysely<DB>,
  filter: { station?: number; status?: string },
  cursor: { departAt: string; id: number } | undefined,
  limit: number,
) {
  let q = batchQuery(db)
  if (filter.station !== undefined) q = q.where('b.station_id', '=', filter.station)
  if (filter.status) q = q.where('b.status', '=', filter.status)
  if (cursor) {
    q = q.where((eb) => eb.or([eb('b.depart_at', '<', cursor.departAt), eb.and([eb('b.depart_at', '=', cursor.departAt), eb('b.id', '<', cursor.id)])]))
  }
  return q.orderBy('b.depart_at', 'desc').orderBy('b.id', 'desc').limit(limit).execute()
}

/** Gives every live seat of a batch back (the batch is being cancelled); how many there were. */
export async function cancelActiveSignups(trx: Kysely<DB>, batchId: number, now: Date): Promise<number> {
  const at = now.toISOString()
  const result = await trx
    .updateTable('transport_signups')
    .set({ status: 'cancelled', cancelled_at: at, updated_at: at })
    .where('batch_id', '=', batchId)
    .where('status', '=', 'active')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function findSignup(db: Kysely<DB>, id: number) {
  return db.selectFrom('transport_signups').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findActiveSignup(db: Kysely<DB>, batchId: number, userId: number) {
  return db
    .selectFrom('transport_signups')
    .selectAll()
    .where('batch_id', '=', batchId)
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst()
}

export async function insertSignup(trx: Kysely<DB>, batchId: number, userId: number, now: Date): Promise<number> {
  const at = now.toISOString()
  const row = await trx
    .insertInto('transport_signups')
    .values({ batch_id: batchId, user_id: userId, status: 'active', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function markSignupCancelled(trx: Kysely<DB>, id: number, now: Date): Promise<void> {
  const at = now.toISOString()
  await trx.updateTable('transport_signups').set({ status: 'cancelled', cancelled_at: at, updated_at: at }).where('id', '=', id).execute()
}

export async function listUserSignups(db: Kysely<DB>, userId: number) {
  return db.selectFrom('transport_signups').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute()
}

/** Who rides, in sign-up order, with what the manifest shows of them. */
export async function listRiders(db: Kysely<DB>, batchId: number) {
  return db
    .selectFrom('transport_signups as t')
    .leftJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.created_at', 'u.name', 'u.phone_enc', 'u.hometown_township'])
    .where('t.batch_id', '=', batchId)
    .where('t.status', '=', 'active')
    .orderBy('t.id')
    .execute()
}

/**
 * For the staff figures: one row per rider of a batch that departed at or after `since` (ISO), with the batch's
 * destination province, the instant it left and the rider (null once the account was deleted: still counted).
 * `station` limits it to one station's batches.
 */
export async function listDepartedRiders(
  db: Kysely<DB>,
  since: string,
  station?: number,
): Promise<Array<{ province: string; at: string; worker: number | null }>> {
  let q = db
    .selectFrom('transport_batches as b')
    .innerJoin('transport_signups as t', 't.batch_id', 'b.id')
    .select(['b.destination_province as province', 'b.departed_at as at', 't.user_id as worker'])
    .where('b.status', '=', 'departed')
    .where('b.departed_at', '>=', since)
    .where('t.status', '=', 'active')
  if (station !== undefined) q = q.where('b.station_id', '=', station)
  const rows = await q.execute()
  return rows.map((r) => ({ province: r.province, at: r.at ?? since, worker: r.worker }))
}

export async function insertBatch(trx: Kysely<DB>, values: Insertable<TransportBatchTable>): Promise<number> {
  const row = await trx.insertInto('transport_batches').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Account deletion: the worker's live seats on batches still open, by batch (the order locks are taken in). */
export async function listUserSeatsOnOpenBatches(trx: Kysely<DB>, userId: number) {
  return trx
    .selectFrom('transport_signups as t')
    .innerJoin('transport_batches as b', 'b.id', 't.batch_id')
    .select(['t.id', 't.batch_id'])
    .where('t.user_id', '=', userId)
    .where('t.status', '=', 'active')
    .where('b.status', '=', 'open')
    .orderBy('t.batch_id')
    .execute()
}

/** Account deletion: the seats stay (a departed rider still counts as sent out), without the worker. */
export async function detachUserSignups(trx: Kysely<DB>, userId: number): Promise<void> {
  await trx.updateTable('transport_signups').set({ user_id: null }).where('user_id', '=', userId).execute()
}
