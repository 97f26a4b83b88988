/**
 * Changes to a person that do not come from the staff form: a worker's own update, a link to their account, an
 * organised move (a batch departing, a hire through a posting, a training placement), a contact's outcome. Each
 * runs inside the caller's transaction and keeps a version (who, when, before and after) and an audit row, as a
 * staff edit does. Only people linked to an account move with the app's records: the others are not known to it.
 */
import type { Kysely } from 'kysely'
import { HOME_PROVINCE, type PersonSource, type PersonStatus, provinceOfCity } from '../../types'
import { writeAudit } from '../audit/audit.repository'
import type { DB } from '../db/schema'
import { conflict } from '../http/app-error'
import { chinaDate } from '../lib/dates'
import * as repo from './roster.repository'
import { peopleOfUsers } from './roster-links.repository'
import { batchForMove, courseForMove, jobForMove, riderUserIds } from './roster-moves.repository'
import { howWentOf } from './roster.service'

export type MoveActor = { source: 'self'; userId: number } | { source: 'system' } | { source: 'staff'; staffId: number }

/** The state columns a change may set, and the names history shows them under (as the staff form's fields). */
const shownFields: Record<string, keyof repo.PersonState> = {
  status: 'status',
  returnReason: 'return_reason',
  destinationProvince: 'destination_province',
  destinationCity: 'destination_city',
  employer: 'employer',
  statusSince: 'status_since',
  userId: 'user_id',
}

function changesBetween(before: repo.PersonState, after: repo.PersonState) {
  const changes: { field: string; before: unknown; after: unknown }[] = []
  for (const [field, column] of Object.entries(shownFields)) {
    if (before[column] !== after[column]) changes.push({ field, before: before[column] ?? null, after: after[column] ?? null })
  }
  const hb = howWentOf(before)
  const ha = howWentOf(after)
  if (JSON.stringify(hb) !== JSON.stringify(ha)) changes.push({ field: 'howWent', before: hb, after: ha })
  return changes
}

const stateOf = (row: repo.PersonRow): repo.PersonState => {
  const { id: _id, created_at: _c, updated_at: _u, village_name: _v, ...state } = row
  return state
}

/**
 * Writes `patch` over the person's current state as one new version. Nothing changes: no version. Returns whether it
 * wrote. A concurrent write to the same person makes the row's version stale: the caller's transaction fails rather
 * than overwrite it (the same guard as a staff edit).
 */
export async function applyToPerson(trx: Kysely<DB>, row: repo.PersonRow, patch: Partial<repo.PersonState>, actor: MoveActor, now: Date, action = 'person.update'): Promise<boolean> {
  const before = stateOf(row)
  const after: repo.PersonState = { ...before, ...patch, version: row.version + 1, source: actor.source satisfies PersonSource }
  const changes = changesBetween(before, after)
  if (!changes.length) return false
  const at = now.toISOString()
  if (!(await repo.updatePerson(trx, row.id, row.version, after, at))) throw conflict('这条记录刚被别人改过，请再试一次')
  await repo.writeVersion(trx, row.id, after, {
    at,
    createdAt: row.created_at,
    actor: { staffId: actor.source === 'staff' ? actor.staffId : null, userId: actor.source === 'self' ? actor.userId : null },
    changes,
  })
  await writeAudit(trx, {
    actor: actor.source === 'self' ? { kind: 'worker', id: actor.userId } : actor.source === 'staff' ? { kind: 'staff', id: actor.staffId } : { kind: 'system', id: null },
    action,
    entity: 'person',
    entityId: row.id,
    // The changes alone: ID number and phone are never part of them.
    after: { version: after.version, source: actor.source, changes },
    at: now,
  })
  return true
}

/** 外出务工 in this province: 省内县外 in 甘肃省, 省外 elsewhere. */
export const awayStatusFor = (province: string): PersonStatus => (province === HOME_PROVINCE ? 'away_in_province' : 'away_other_province')

interface OrganisedMove {
  channel: 'batch' | 'posting' | 'training'
  province: string
  city: string
  employer: string | null
  stationId: number | null
  batchId?: number
  jobId?: number
  courseId?: number
}

/** Away, where, for whom, and which organised channel took them, from today. */
function movePatch(row: repo.PersonRow, m: OrganisedMove, now: Date): Partial<repo.PersonState> {
  const status = awayStatusFor(m.province)
  return {
    status,
    return_reason: null,
    destination_province: m.province,
    destination_city: m.city,
    employer: m.employer ?? row.employer,
    how_went: 'organised',
    organised_channel: m.channel,
    station_id: m.stationId,
    batch_id: m.batchId ?? null,
    job_id: m.jobId ?? null,
    course_id: m.courseId ?? null,
    broker_name: null,
    status_since: row.status === status && row.destination_city === m.city ? row.status_since : chinaDate(now),
  }
}

async function moveUsers(trx: Kysely<DB>, userIds: readonly number[], m: OrganisedMove, now: Date): Promise<number> {
  let moved = 0
  for (const link of await peopleOfUsers(trx, userIds)) {
    const row = await repo.findPersonForUpdate(trx, link.id)
    if (row && (await applyToPerson(trx, row, movePatch(row, m, now), { source: 'system' }, now, `person.organised_${m.channel}`))) moved += 1
  }
  return moved
}

/** A 点对点 batch departed: each linked rider is away in its city, sent by the batch (and its station). */
export async function rosterOnBatchDeparted(trx: Kysely<DB>, batchId: number, now: Date): Promise<number> {
  const batch = await batchForMove(trx, batchId)
  if (!batch) return 0
  const move: OrganisedMove = { channel: 'batch', province: batch.destination_province, city: batch.destination_city, employer: batch.employer, stationId: batch.station_id, batchId }
  return moveUsers(trx, await riderUserIds(trx, batchId), move, now)
}

/** Hired through a posting: away in the posting's city, for its employer, through the posting's station. */
export async function rosterOnHired(trx: Kysely<DB>, jobId: number, userId: number, now: Date): Promise<number> {
  const job = await jobForMove(trx, jobId)
  if (!job) return 0
  return moveUsers(trx, [userId], { channel: 'posting', province: job.province, city: job.city, employer: job.employer_name, stationId: job.source_station_id, jobId }, now)
}

/**
 * Finished an order course (订单培训) with a partner employer in a known city: placed there through the training.
 * A course without a placement, or in a city whose province the app cannot tell, moves nobody.
 */
export async function rosterOnTrainingPlaced(trx: Kysely<DB>, courseId: number, userId: number, now: Date): Promise<number> {
  const course = await courseForMove(trx, courseId)
  if (!course?.partner_employer || !course.destination_city) return 0
  const province = provinceOfCity(course.destination_city)
  if (!province) return 0
  return moveUsers(trx, [userId], { channel: 'training', province, city: course.destination_city, employer: course.partner_employer, stationId: null, courseId }, now)
}
