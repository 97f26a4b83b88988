/**
 * 输转后回访 and 防返贫监测 over the roster: staff record contacts (the roster follows their outcome), the riders of a
 * batch that left a month ago wait on their officer's follow-up list until someone contacts them, and 脱贫户 or 监测户
 * people without work for 30 days, or who reported unpaid wages or an injury, stay on the risk list until an
 * officer records what was done. Scope is peopleScopeOf's, as on every roster route.
 */
import type { Kysely } from 'kysely'
import type { z } from 'zod/mini'
import {
  awayStatuses,
  type ContactChannel,
  type ContactOutcome,
  type FollowUp,
  type PersonAtRisk,
  type PersonContact,
  type PersonStatus,
  RISK_DAYS_WITHOUT_WORK,
  type RiskAction,
  type RiskActionKind,
  type RiskKind,
  type recordContactBody,
  type recordRiskActionBody,
  type Township,
  workingStatuses,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { validationFailed } from '../http/app-error'
import { decodeCursor, paginate } from '../lib/cursor'
import { addDays, chinaDate, daysBetween } from '../lib/dates'
import { type PeopleScope, peopleScopeOf, requirePeopleWrite, staffActor } from '../staff/staff-scope'
import { writeAudit } from '../audit/audit.repository'
import * as repo from './roster.repository'
import * as fu from './follow-up.repository'
import { countKeptRisks, type ListedRisk, listKeptRisks, type RiskScope } from './person-risks.repository'
import { applyToPerson, awayStatusFor } from './roster-moves.service'
import { reachablePerson, toPerson } from './roster.service'

type ContactBody = z.output<typeof recordContactBody>
type RiskActionBody = z.output<typeof recordRiskActionBody>

const toContact = (r: fu.ContactRow): PersonContact => ({
  id: r.id,
  personId: r.person_id,
  channel: r.channel as ContactChannel,
  outcome: r.outcome as ContactOutcome,
  note: r.note,
  contactedOn: r.contacted_on,
  staff: r.staff_id !== null ? { id: r.staff_id, displayName: r.staff_name ?? '' } : null,
  createdAt: r.created_at,
})

const toRiskAction = (r: fu.RiskActionRow): RiskAction => ({
  id: r.id,
  personId: r.person_id,
  action: r.action as RiskActionKind,
  note: r.note,
  staff: r.staff_id !== null ? { id: r.staff_id, displayName: r.staff_name ?? '' } : null,
  createdAt: r.created_at,
})

/** The list filter for a caller's scope; a place asked outside it finds nobody (null) rather than widening it. */
function filterOf(scope: PeopleScope, query: { township?: Township; villageId?: number }): fu.ScopeFilter | null {
  if (scope.township !== undefined && query.township !== undefined && query.township !== scope.township) return null
  if (scope.villageId !== undefined && query.villageId !== undefined && query.villageId !== scope.villageId) return null
  return { township: scope.township ?? query.township, villageId: scope.villageId ?? query.villageId, stationId: scope.stationId, awayStatuses }
}

// ---------------------------------------------------------------------------------------------------------------
// Contacts

/** What a contact's outcome says about the record: came home → 返乡回流; changed job → the new place, when given. */
function contactPatch(row: repo.PersonRow, body: ContactBody, day: string): Partial<repo.PersonState> | null {
  if (body.outcome === 'came_home') {
    if (row.status === 'returned' && body.returnReason === undefined) return null
    const noHowWent = { how_went: null, organised_channel: null, station_id: null, batch_id: null, job_id: null, course_id: null, broker_name: null }
    return { status: 'returned', return_reason: body.returnReason ?? 'other', destination_province: null, destination_city: null, ...noHowWent, status_since: row.status === 'returned' ? row.status_since : day }
  }
  if (body.outcome === 'changed_job') {
    const patch: Partial<repo.PersonState> = {}
    if (body.employer !== undefined) patch.employer = body.employer || null
    if (body.destinationProvince !== undefined) {
      const status = awayStatusFor(body.destinationProvince)
      Object.assign(patch, { status, destination_province: body.destinationProvince, destination_city: body.destinationCity || null, return_reason: null })
      // Someone who found the new job themself went on their own; at work already, how they first went stays.
      if (!workingStatuses.includes(row.status as PersonStatus)) Object.assign(patch, { how_went: 'self', organised_channel: null, station_id: null, batch_id: null, job_id: null, course_id: null, broker_name: null })
      if (status !== row.status || patch.destination_city !== row.destination_city) patch.status_since = day
    }
    return Object.keys(patch).length ? patch : null
  }
  return null
}

function contactProblems(body: ContactBody, today: string): Record<string, string> {
  const problems: Record<string, string> = {}
  if (body.contactedOn !== undefined) {
    if (body.contactedOn > today) problems.contactedOn = '日期不能晚于今天'
    else if (new Date(`${body.contactedOn}T00:00:00Z`).toISOString().slice(0, 10) !== body.contactedOn) problems.contactedOn = '没有这一天，请核对日期'
  }
  if (body.returnReason !== undefined && body.outcome !== 'came_home') problems.returnReason = '只有“回家了”才填返乡原因'
  if (body.outcome !== 'changed_job') {
    if (body.destinationProvince !== undefined) problems.destinationProvince = '只有“换了工作”才填新的去向'
    if (body.destinationCity !== undefined) problems.destinationCity = '只有“换了工作”才填新的去向'
    if (body.employer !== undefined) problems.employer = '只有“换了工作”才填新的单位'
  } else if (body.destinationCity && body.destinationProvince === undefined) {
    problems.destinationProvince = '写了城市，请也选省份'
  }
  return problems
}

export async function recordContact(trx: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, body: ContactBody, now: Date) {
  const scope = peopleScopeOf(caller)
  const row = await reachablePerson(trx, scope, id, true)
  requirePeopleWrite(scope)
  const today = chinaDate(now)
  const problems = contactProblems(body, today)
  if (Object.keys(problems).length) throw validationFailed(problems)
  const day = body.contactedOn ?? today
  const contactId = await fu.insertContact(trx, {
    person_id: id,
    staff_id: caller.staffId,
    channel: body.channel,
    outcome: body.outcome,
    note: body.note,
    contacted_on: day,
    created_at: now.toISOString(),
  })
  const contact = toContact((await fu.findContact(trx, contactId))!)
  await writeAudit(trx, { actor: staffActor(caller), action: 'person.contact', entity: 'person', entityId: id, after: contact, at: now })
  const patch = contactPatch(row, body, day)
  if (patch) await applyToPerson(trx, row, patch, { source: 'staff', staffId: caller.staffId }, now)
  return { contact, person: toPerson((await repo.findPerson(trx, id))!, keys, false) }
}

export async function personContacts(db: Kysely<DB>, caller: StaffCaller, id: number, query: { cursor?: string; limit: number }) {
  await reachablePerson(db, peopleScopeOf(caller), id)
  const before = decodeCursor(query.cursor, { id: 'number' })
  const rows = await fu.listContacts(db, id, { beforeId: before?.id, limit: query.limit + 1 })
  const { page, nextCursor } = paginate(rows, query.limit, (r) => ({ id: r.id }))
  return { items: page.map(toContact), nextCursor }
}

// ---------------------------------------------------------------------------------------------------------------
// Follow-ups

/** The same instant a calendar month earlier (31 March → 3 March's overflow is avoided by clamping to the month's end). */
export function monthBefore(now: Date): Date {
  const d = new Date(now)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - 1)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d
}

export async function listFollowUps(
  db: Kysely<DB>,
  keys: DataKeys,
  caller: StaffCaller,
  query: { township?: Township; villageId?: number; cursor?: string; limit: number },
  now: Date,
): Promise<{ items: FollowUp[]; nextCursor: string | null; total: number }> {
  const filter = filterOf(peopleScopeOf(caller), query)
  const after = decodeCursor(query.cursor, { d: 'string', id: 'number' })
  if (!filter) return { items: [], nextCursor: null, total: 0 }
  const departedBy = monthBefore(now).toISOString()
  const rows = await fu.listFollowUps(db, filter, departedBy, { after, limit: query.limit + 1 })
  const { page, nextCursor } = paginate(rows, query.limit, (r) => ({ d: r.departed_at as string, id: r.signup_id }))
  const lastContacts = await fu.latestContacts(db, page.map((r) => r.person_id))
  const items: FollowUp[] = []
  for (const r of page) {
    const person = await repo.findPerson(db, r.person_id)
    if (!person) continue
    const last = lastContacts.get(r.person_id)
    items.push({
      person: toPerson(person, keys, false),
      batch: { id: r.batch_id, departedAt: r.departed_at as string, destinationProvince: r.destination_province, destinationCity: r.destination_city, stationId: r.station_id },
      lastContact: last ? toContact(last) : null,
    })
  }
  return { items, nextCursor, total: await fu.countFollowUps(db, filter, departedBy) }
}

// ---------------------------------------------------------------------------------------------------------------
// Risk

interface Risk {
  personId: number
  reasons: { kind: RiskKind; since: string; days: number; contactId: number | null }[]
}

/** The list's scope over the kept rows: a station's reach is the person's record (people working away in its city). */
function riskScope(filter: fu.ScopeFilter): RiskScope {
  const station = filter.stationId !== undefined ? fu.inScope({ stationId: filter.stationId, awayStatuses: filter.awayStatuses }) : undefined
  return { township: filter.township, villageId: filter.villageId, station }
}

/** The first day a stretch without work is listed on `today`'s list: RISK_DAYS_WITHOUT_WORK days before it, or earlier. */
const listedBy = (now: Date) => addDays(chinaDate(now), -RISK_DAYS_WITHOUT_WORK)

function toRisk(r: ListedRisk, today: string, listedByDay: string): Risk {
  const reasons: Risk['reasons'] = []
  if (r.jobless_since !== null && r.jobless_since <= listedByDay) reasons.push({ kind: 'no_work', since: r.jobless_since, days: daysBetween(r.jobless_since, today), contactId: null })
  if (r.report_contact_id !== null && r.report_on !== null) {
    reasons.push({ kind: r.report_outcome as RiskKind, since: r.report_on, days: daysBetween(r.report_on, today), contactId: r.report_contact_id })
  }
  return { personId: r.person_id, reasons }
}

/** Everyone at risk in the filter now, in id order, from the kept rows. */
export async function risksIn(db: Kysely<DB>, filter: fu.ScopeFilter, now: Date): Promise<Risk[]> {
  const by = listedBy(now)
  const rows = await listKeptRisks(db, riskScope(filter), by, {})
  return rows.map((r) => toRisk(r, chinaDate(now), by))
}

/** A township's people at risk now: the scheduler alerts its officers to those newly listed. */
export const risksOfTownship = (db: Kysely<DB>, township: string, now: Date) => risksIn(db, { township, awayStatuses }, now)

/**
 * A page of the people at risk, in id order, from the kept rows (person-risks.repository.ts): a stretch without work
 * is listed once its first day is RISK_DAYS_WITHOUT_WORK days ago, a report at once, until an action answers them.
 */
export async function listRisks(
  db: Kysely<DB>,
  keys: DataKeys,
  caller: StaffCaller,
  query: { township?: Township; villageId?: number; cursor?: string; limit: number },
  now: Date,
): Promise<{ items: PersonAtRisk[]; nextCursor: string | null; total: number }> {
  const filter = filterOf(peopleScopeOf(caller), query)
  const after = decodeCursor(query.cursor, { id: 'number' })
  if (!filter) return { items: [], nextCursor: null, total: 0 }
  const scope = riskScope(filter)
  const by = listedBy(now)
  const today = chinaDate(now)
  const rows = await listKeptRisks(db, scope, by, { afterId: after?.id, limit: query.limit + 1 })
  const { page, nextCursor } = paginate(rows, query.limit, (r) => ({ id: r.person_id }))
  const ids = page.map((r) => r.person_id)
  const [actions, people] = await Promise.all([fu.latestRiskActions(db, ids), repo.findPeople(db, ids)])
  const byId = new Map(people.map((p) => [p.id, p]))
  const items: PersonAtRisk[] = []
  for (const r of page) {
    const row = byId.get(r.person_id)
    if (!row) continue
    const action = actions.get(r.person_id)
    items.push({ person: toPerson(row, keys, false), reasons: toRisk(r, today, by).reasons, lastAction: action ? toRiskAction(action) : null })
  }
  return { items, nextCursor, total: await countKeptRisks(db, scope, by) }
}

export async function recordRiskAction(trx: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, body: RiskActionBody, now: Date) {
  const scope = peopleScopeOf(caller)
  const row = await reachablePerson(trx, scope, id, true)
  requirePeopleWrite(scope)
  const actionId = await fu.insertRiskAction(trx, { person_id: id, staff_id: caller.staffId, action: body.action, note: body.note, created_at: now.toISOString() })
  const action = toRiskAction((await fu.findRiskAction(trx, actionId))!)
  await writeAudit(trx, { actor: staffActor(caller), action: 'person.risk_action', entity: 'person', entityId: id, after: action, at: now })
  return { action, person: toPerson(row, keys, false) }
}
