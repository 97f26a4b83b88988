/**
 * 点对点 transport for workers: the batch list, taking and giving up a seat, my seats, export and account deletion.
 * Seats are exact the way course seats are: lock the batch row, then take the seat with a conditional UPDATE.
 */
import type { Kysely } from 'kysely'
import type { BatchStatus, TransportBatch, TransportBatchDetail, TransportSignup, VehicleKind, townships } from '../../types'
import type { DB } from '../db/schema'
import { conflict, notFound } from '../http/app-error'
import { decodeCursor, paginate } from '../lib/cursor'
import {
  type BatchRow,
  detachUserSignups,
  findActiveSignup,
  findBatch,
  findBatches,
  findOpenBatches,
  findSignup,
  insertSignup,
  listUserSeatsOnOpenBatches,
  listUserSignups,
  lockBatch,
  markSignupCancelled,
  releaseSeat,
  takeSeat,
} from './transport.repository'

type SignupRow = NonNullable<Awaited<ReturnType<typeof findSignup>>>

function batchStatus(row: Pick<BatchRow, 'status' | 'seats' | 'seats_taken'>): BatchStatus {
  if (row.status === 'open' && row.seats_taken >= row.seats) return 'full'
  return row.status as BatchStatus
}

export function toBatch(row: BatchRow): TransportBatch {
  return {
    id: row.id,
    departAt: row.depart_at,
    departureTownship: row.departure_township as (typeof townships)[number],
    destinationProvince: row.destination_province,
    destinationCity: row.destination_city,
    station: row.station_id !== null && row.station_name ? { id: row.station_id, name: row.station_name } : null,
    employer: row.employer,
    vehicleKind: row.vehicle_kind as VehicleKind,
    seats: row.seats,
    seatsLeft: row.status === 'open' ? Math.max(0, row.seats - row.seats_taken) : 0,
    status: batchStatus(row),
    meetingPoint: row.meeting_point,
    meetAt: row.meet_at,
    whatToBring: row.what_to_bring,
    notes: row.notes,
    cancelReason: row.status === 'cancelled' ? row.cancel_reason : null,
    isSample: row.is_sample === 1,
  }
}

function toSignup(row: SignupRow, batch: BatchRow): TransportSignup {
  return {
    id: row.id,
    batchId: row.batch_id,
    status: row.status as TransportSignup['status'],
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
    batch: toBatch(batch),
  }
}

const batchNotFound = () => notFound('没有找到这趟车，可能已被取消')
const signupNotFound = () => notFound('没有找到这条报名记录')

/** The [from, to) instants of a month in China time. */
function monthWindow(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number)
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { from: new Date(`${month}-01T00:00:00+08:00`).toISOString(), to: new Date(`${next}-01T00:00:00+08:00`).toISOString() }
}

export async function listTransportBatches(
  db: Kysely<DB>,
  query: { destination?: string; month?: string; cursor?: string; limit: number },
  now: Date,
): Promise<{ items: TransportBatch[]; nextCursor: string | null }> {
  const c = decodeCursor(query.cursor, { d: 'string', id: 'number' })
  const destination = query.destination?.replace(/[市省]$/, '') || undefined
  const rows = await findOpenBatches(
    db,
    { after: now.toISOString(), destination, window: query.month ? monthWindow(query.month) : undefined },
    c ? { departAt: c.d, id: c.id } : undefined,
    query.limit + 1,
  )
  const { page, nextCursor } = paginate(rows, query.limit, (last) => ({ d: last.depart_at, id: last.id }))
  return { items: page.map(toBatch), nextCursor }
}

export async function getTransportBatch(db: Kysely<DB>, id: number, workerId: number | null): Promise<TransportBatchDetail> {
  const row = await findBatch(db, id)
  if (!row) throw batchNotFound()
  const mine = workerId === null ? undefined : await findActiveSignup(db, id, workerId)
  return { ...toBatch(row), mySignup: mine ? { id: mine.id, createdAt: mine.created_at } : null }
}

async function signupDto(db: Kysely<DB>, id: number): Promise<TransportSignup> {
  const row = await findSignup(db, id)
  if (!row) throw signupNotFound()
  const batch = await findBatch(db, row.batch_id)
  if (!batch) throw batchNotFound()
  return toSignup(row, batch)
}

/**
 * Takes a seat in `trx` (the idempotent request's transaction), holding the batch lock. A worker who already has a
 * seat gets it back unchanged, even once the batch is full.
 */
export async function signUpForTransport(trx: Kysely<DB>, userId: number, batchId: number, now: Date): Promise<TransportSignup> {
  const batch = await lockBatch(trx, batchId)
  if (!batch) throw batchNotFound()
  const existing = await findActiveSignup(trx, batchId, userId)
  if (existing) return signupDto(trx, existing.id)

  if (batch.status === 'cancelled') throw conflict('这趟车已经取消了，请看看别的车次')
  if (batch.status === 'departed' || now.toISOString() >= batch.depart_at) throw conflict('这趟车已经发车了，请看看别的车次')
  if (now.toISOString() >= batch.meet_at) throw conflict('已经过了集合时间，不能再报名。请看看别的车次')
  if (!(await takeSeat(trx, batchId))) throw conflict('座位已经满了，请看看别的车次')
  return signupDto(trx, await insertSignup(trx, batchId, userId, now))
}

/** The owner gives the seat up (it is free again at once); anyone else's seat is "not found". */
export async function cancelTransportSignup(db: Kysely<DB>, userId: number, signupId: number, now: Date): Promise<TransportSignup> {
  return db.transaction().execute(async (trx) => {
    const row = await findSignup(trx, signupId)
    if (!row || row.user_id !== userId) throw signupNotFound()
    const batch = await lockBatch(trx, row.batch_id)
    if (!batch) throw batchNotFound()
    if (row.status === 'active') {
      if (batch.status === 'departed' || (batch.status === 'open' && now.toISOString() >= batch.depart_at)) {
        throw conflict('车已经开了，不能再取消')
      }
      await markSignupCancelled(trx, signupId, now)
      if (batch.status === 'open') await releaseSeat(trx, row.batch_id)
    }
    return signupDto(trx, signupId)
  })
}

export async function listMyTransportSignups(db: Kysely<DB>, userId: number): Promise<{ items: TransportSignup[] }> {
  const rows = await listUserSignups(db, userId)
  const batches = new Map((await findBatches(db, [...new Set(rows.map((r) => r.batch_id))])).map((b) => [b.id, b]))
  return { items: rows.filter((r) => batches.has(r.batch_id)).map((r) => toSignup(r, batches.get(r.batch_id)!)) }
}

/** What GET /api/me/export lists about transport. */
export async function exportTransportRecords(db: Kysely<DB>, userId: number) {
  return {
    transportSignups: (await listMyTransportSignups(db, userId)).items.map((s) => ({
      id: s.id,
      status: s.status,
      createdAt: s.createdAt,
      cancelledAt: s.cancelledAt,
      batch: { id: s.batch.id, departAt: s.batch.departAt, from: s.batch.departureTownship, to: s.batch.destinationCity },
    })),
  }
}

/**
 * Account deletion, inside its transaction: seats on vehicles that have not left are given up (free for others);
 * the rest stay without identity, so a departed rider still counts as sent out.
 */
export async function eraseTransportData(trx: Kysely<DB>, userId: number, now: Date): Promise<void> {
  for (const s of await listUserSeatsOnOpenBatches(trx, userId)) {
    const batch = await lockBatch(trx, s.batch_id)
    // Still waiting to leave: the seat goes back. (Past departure time but not yet marked: the worker rode.)
    if (batch && batch.status === 'open' && now.toISOString() < batch.depart_at) {
      await markSignupCancelled(trx, s.id, now)
      await releaseSeat(trx, s.batch_id)
    }
  }
  await detachUserSignups(trx, userId)
}
