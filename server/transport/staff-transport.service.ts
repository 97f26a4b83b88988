/**
 * Staff side of 点对点 transport. Admins run any batch; station staff run their own station's batches only
 * (another station's is 403, so a station cannot read who rides elsewhere). Every write is audited in its transaction.
 */
import type { Kysely } from 'kysely'
import type { z } from 'zod/mini'
import {
  type createTransportBatchBody,
  type ManifestRider,
  manifestCsvHeaders,
  maskPhone,
  type StaffTransportBatch,
  type TransportBatch,
  type updateTransportBatchBody,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { writeAudit } from '../audit/audit.repository'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { conflict, notFound, validationFailed } from '../http/app-error'
import { decodeCursor, paginate } from '../lib/cursor'
import { toCsv } from '../lib/csv'
import { chinaDateTime } from '../lib/dates'
import { writeAccess } from '../staff/access-log.repository'
import { isAdmin, requireStation, staffActor, stationFilterOf } from '../staff/staff-scope'
import { rosterOnBatchDeparted } from '../roster/roster-moves.service'
import { findStationById } from '../stations/stations.repository'
import { type BatchRow, cancelActiveSignups, findBatch, findStaffBatches, insertBatch, listRiders, lockBatch, updateBatch } from './transport.repository'
import { toBatch } from './transport.service'
import { notify } from '../notifications/notify'
import { findBatchRiders } from '../notifications/notifications.repository'

const OTHER_STATION = '这趟车不归您的工作站管，请联系县劳务输转服务中心'

function requireBatchAccess(caller: StaffCaller, batch: Pick<BatchRow, 'station_id'>): void {
  requireStation(caller, batch.station_id, OTHER_STATION)
}

async function batchOrNotFound(db: Kysely<DB>, id: number): Promise<BatchRow> {
  const row = await findBatch(db, id)
  if (!row) throw notFound('没有找到这趟车')
  return row
}

export async function createTransportBatch(
  trx: Kysely<DB>,
  caller: StaffCaller,
  body: z.output<typeof createTransportBatchBody>,
  now: Date,
): Promise<TransportBatch> {
  let stationId = body.stationId ?? null
  if (!isAdmin(caller)) {
    // Station staff plan their own station's buses only.
    requireStation(caller, body.stationId ?? caller.stationId, OTHER_STATION)
    stationId = caller.stationId
  }
  if (stationId !== null) {
    const station = await findStationById(trx, stationId)
    if (!station) throw validationFailed({ stationId: '没有这个工作站' })
  }
  const departAt = new Date(body.departAt)
  const meetAt = body.meetAt ? new Date(body.meetAt) : new Date(departAt.getTime() - 60 * 60 * 1000)
  const fields: Record<string, string> = {}
  if (departAt.getTime() <= now.getTime()) fields.departAt = '发车时间要在现在以后'
  if (meetAt.getTime() > departAt.getTime()) fields.meetAt = '集合时间不能晚于发车时间'
  if (Object.keys(fields).length) throw validationFailed(fields)

  const id = await insertBatch(trx, {
    depart_at: departAt.toISOString(),
    meet_at: meetAt.toISOString(),
    departure_township: body.departureTownship,
    meeting_point: body.meetingPoint,
    destination_province: body.destinationProvince,
    destination_city: body.destinationCity,
    station_id: stationId,
    employer: body.employer,
    vehicle_kind: body.vehicleKind,
    seats: body.seats,
    seats_taken: 0,
    status: 'open',
    what_to_bring: body.whatToBring,
    notes: body.notes,
    created_by_staff_id: caller.staffId,
    is_sample: 0,
    created_at: now.toISOString(),
  })
  const created = toBatch(await batchOrNotFound(trx, id))
  await writeAudit(trx, { actor: staffActor(caller), action: 'transport.create', entity: 'transport_batch', entityId: id, after: created, at: now })
  return created
}

/**
 * The riders of a batch, for boarding. Reading their phones is logged (one entry per read, as for a ledger
 * export), in the same transaction: a manifest that was answered is a manifest that was logged.
 */
export async function getTransportManifest(
  db: Kysely<DB>,
  keys: DataKeys,
  caller: StaffCaller,
  id: number,
  read: { format: 'json' | 'csv'; now: Date },
): Promise<{ batch: TransportBatch; riders: ManifestRider[] }> {
  return db.transaction().execute(async (trx) => {
    const result = await readManifest(trx, keys, caller, id)
    const { batch, riders } = result
    const full = seesFullPhones(caller)
    await writeAccess(trx, [
      {
        staffId: caller.staffId,
        action: 'manifest_read',
        userId: null,
        detail: `专车 #${batch.id}（${batch.departAt.slice(0, 10)} → ${batch.destinationCity}）乘车名单 ${read.format.toUpperCase()} ${riders.length} 人，电话${full ? '完整' : '已遮挡'}`,
        at: read.now,
      },
    ])
    return result
  })
}

/** Only the county's administrators read riders' whole phone numbers; station staff see them masked. */
const seesFullPhones = isAdmin

async function readManifest(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number): Promise<{ batch: TransportBatch; riders: ManifestRider[] }> {
  const batch = await batchOrNotFound(db, id)
  requireBatchAccess(caller, batch)
  const full = seesFullPhones(caller)
  const riders = (await listRiders(db, id)).map((r, i) => {
    const phone = r.phone_enc ? keys.decrypt(r.phone_enc) : ''
    return {
      seq: i + 1,
      signupId: r.id,
      name: r.name ?? null,
      phone: phone ? (full ? phone : maskPhone(phone)) : '已注销',
      hometownTownship: r.hometown_township ?? null,
      signedUpAt: r.created_at,
    }
  })
  return { batch: toBatch(batch), riders }
}

export function manifestCsv(riders: ManifestRider[]): string {
  return toCsv(
    manifestCsvHeaders,
    riders.map((r) => [r.seq, r.name, r.phone, r.hometownTownship, chinaDateTime(r.signedUpAt)]),
  )
}

/** Marks the batch departed: its riders now count as sent out. A repeat changes nothing. */
export async function departTransportBatch(db: Kysely<DB>, caller: StaffCaller, id: number, now: Date): Promise<TransportBatch & { riders: number }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockBatch(trx, id)
    if (!locked) throw notFound('没有找到这趟车')
    requireBatchAccess(caller, locked)
    const riders = (await listRiders(trx, id)).length
    if (locked.status === 'departed') return { ...toBatch(await batchOrNotFound(trx, id)), riders }
    if (locked.status === 'cancelled') throw conflict('这趟车已经取消了，不能标记发车')
    const before = toBatch(await batchOrNotFound(trx, id))
    await updateBatch(trx, id, { status: 'departed', departed_at: now.toISOString() })
    // The riders linked to the roster are away from this moment, in the same transaction as the departure.
    await rosterOnBatchDeparted(trx, id, now)
    const after = toBatch(await batchOrNotFound(trx, id))
    await writeAudit(trx, { actor: staffActor(caller), action: 'transport.depart', entity: 'transport_batch', entityId: id, before, after: { ...after, riders }, at: now })
    return { ...after, riders }
  })
}

const toStaffBatch = (row: BatchRow): StaffTransportBatch => ({
  ...toBatch(row),
  seatsTaken: row.seats_taken,
  departedAt: row.departed_at,
  cancelledAt: row.cancelled_at,
})

/** The workbench list: the caller's station's batches (admins: every batch), latest departure first. */
export async function listStaffTransportBatches(
  db: Kysely<DB>,
  caller: StaffCaller,
  query: { status?: 'open' | 'departed' | 'cancelled'; cursor?: string; limit: number },
): Promise<{ items: StaffTransportBatch[]; nextCursor: string | null }> {
  const c = decodeCursor(query.cursor, { d: 'string', id: 'number' })
  const rows = await findStaffBatches(db, { station: stationFilterOf(caller), status: query.status }, c ? { departAt: c.d, id: c.id } : undefined, query.limit + 1)
  const { page, nextCursor } = paginate(rows, query.limit, (last) => ({ d: last.depart_at, id: last.id }))
  return { items: page.map(toStaffBatch), nextCursor }
}

/**
 * Calls the batch off: every live seat is given back (the riders' seats show cancelled, with the batch's reason),
 * all under the batch lock so no seat is taken meanwhile. A departed batch cannot be; a repeat changes nothing.
 */
export async function cancelTransportBatch(
  db: Kysely<DB>,
  caller: StaffCaller,
  id: number,
  reason: string,
  now: Date,
): Promise<TransportBatch & { released: number }> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockBatch(trx, id)
    if (!locked) throw notFound('没有找到这趟车')
    requireBatchAccess(caller, locked)
    if (locked.status === 'cancelled') return { ...toBatch(await batchOrNotFound(trx, id)), released: 0 }
    if (locked.status === 'departed') throw conflict('这趟车已经发车了，不能取消')
    const before = toBatch(await batchOrNotFound(trx, id))
    await notify(trx, now, { kind: 'transport_cancelled', batchId: id, reason })
    const released = await cancelActiveSignups(trx, id, now)
    await updateBatch(trx, id, { status: 'cancelled', cancelled_at: now.toISOString(), cancel_reason: reason, seats_taken: 0 })
    const after = toBatch(await batchOrNotFound(trx, id))
    await writeAudit(trx, { actor: staffActor(caller), action: 'transport.cancel', entity: 'transport_batch', entityId: id, before, after: { ...after, released }, at: now })
    return { ...after, released }
  })
}

/**
 * Moves a batch's departure, meeting time or meeting point, under the batch lock, and tells every rider with a seat
 * in the same transaction (a committed move always reaches them; a refused one says nothing). A departure moved
 * without a meeting time keeps its gap to the meeting. Departed or cancelled batches cannot move (400).
 */
export async function updateTransportBatch(
  trx: Kysely<DB>,
  caller: StaffCaller,
  id: number,
  body: z.output<typeof updateTransportBatchBody>,
  now: Date,
): Promise<TransportBatch & { told: number }> {
  const locked = await lockBatch(trx, id)
  if (!locked) throw notFound('没有找到这趟车')
  requireBatchAccess(caller, locked)
  const row = await batchOrNotFound(trx, id)
  const sent = (['departAt', 'meetAt', 'meetingPoint'] as const).filter((k) => body[k] !== undefined)
  if (!sent.length) throw validationFailed({ departAt: '请填写新的发车时间、集合时间或集合地点' })
  const closed = row.status === 'departed' ? '这趟车已经发车了，不能再改时间和地点' : row.status === 'cancelled' ? '这趟车已经取消了，不能再改时间和地点' : null
  if (closed) throw validationFailed(Object.fromEntries(sent.map((k) => [k, closed])), closed)

  const departAt = body.departAt ? new Date(body.departAt) : new Date(row.depart_at)
  const gap = Date.parse(row.depart_at) - Date.parse(row.meet_at)
  const meetAt = body.meetAt ? new Date(body.meetAt) : body.departAt ? new Date(departAt.getTime() - gap) : new Date(row.meet_at)
  const fields: Record<string, string> = {}
  if (body.departAt && departAt.getTime() <= now.getTime()) fields.departAt = '发车时间要在现在以后'
  if (meetAt.getTime() > departAt.getTime()) fields[body.meetAt ? 'meetAt' : 'departAt'] = '集合时间不能晚于发车时间'
  if (Object.keys(fields).length) throw validationFailed(fields)

  const change = { depart_at: departAt.toISOString(), meet_at: meetAt.toISOString(), meeting_point: body.meetingPoint ?? row.meeting_point }
  if (change.depart_at === row.depart_at && change.meet_at === row.meet_at && change.meeting_point === row.meeting_point) return { ...toBatch(row), told: 0 }
  const before = toBatch(row)
  await updateBatch(trx, id, change)
  await notify(trx, now, { kind: 'transport_changed', batchId: id, before: { departAt: row.depart_at, meetAt: row.meet_at, meetingPoint: row.meeting_point } })
  const told = (await findBatchRiders(trx, id))?.userIds.length ?? 0
  const after = toBatch(await batchOrNotFound(trx, id))
  await writeAudit(trx, { actor: staffActor(caller), action: 'transport.update', entity: 'transport_batch', entityId: id, before, after: { ...after, told }, at: now })
  return { ...after, told }
}

/**
 * A short message to every rider of the batch, through the notification queue (inbox, and WeChat or SMS as each
 * chose, with the same quiet hours and daily limit as any notice); audited in the same transaction. A cancelled batch
 * has no riders left to tell (409).
 */
export async function announceTransportBatch(trx: Kysely<DB>, caller: StaffCaller, id: number, text: string, now: Date): Promise<{ riders: number }> {
  const batch = await batchOrNotFound(trx, id)
  requireBatchAccess(caller, batch)
  if (batch.status === 'cancelled') throw conflict('这趟车已经取消了，乘客已经收到取消通知')
  const riders = (await findBatchRiders(trx, id))?.userIds.length ?? 0
  await notify(trx, now, { kind: 'transport_announcement', batchId: id, text })
  await writeAudit(trx, { actor: staffActor(caller), action: 'transport.announce', entity: 'transport_batch', entityId: id, before: null, after: { text, riders }, at: now })
  return { riders }
}
