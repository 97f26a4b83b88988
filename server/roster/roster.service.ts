/**
 * 劳动力台账: rules over the roster. Who reaches whom comes from staff-scope's peopleScopeOf; every write is checked
 * whole before anything is written (400 per field, in plain Chinese), runs in one transaction, keeps a version
 * (who, when, before and after) and an audit row.
 */
import type { Kysely } from 'kysely'
import type { z } from 'zod/mini'
import {
  type createPersonBody,
  type HowWent,
  type HouseholdRelation,
  type Person,
  type PersonHistoryEntry,
  type PersonSource,
  type PersonStatus,
  awayStatuses,
  isAway,
  workingStatuses,
  maskIdNumber,
  maskPhone,
  personOfIdNumber,
  personStatusProblems,
  type Township,
  type updatePersonBody,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { writeAudit } from '../audit/audit.repository'
import { lockKey } from '../db/dialect'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { conflict, notFound, validationFailed } from '../http/app-error'
import { decodeCursor, encodeCursor } from '../lib/cursor'
import { addDays, chinaDate } from '../lib/dates'
import { writeAccess } from '../staff/access-log.repository'
import { type PeopleScope, peopleScopeOf, placeOutsideScope, requirePeopleWrite, staffActor } from '../staff/staff-scope'
import { findStationById } from '../stations/stations.repository'
import { conflictInCurrentRound } from '../survey/survey.repository'
import { findVillage } from './places.repository'
import * as repo from './roster.repository'

type CreateBody = z.output<typeof createPersonBody>
type UpdateBody = z.output<typeof updatePersonBody>

/** A person's fields in the clear, as staff write them (the state columns before encryption). */
export type Fields = Omit<CreateBody, 'householdId'> & { householdId: number | null }

/** Who made a change, for the version row. */
export type ChangeActor = { source: 'staff'; staffId: number } | { source: 'self'; userId: number } | { source: 'import'; staffId: number | null }

export const ID_PURPOSE = 'id-number'
/** The same purpose as users.phone_hash, so a signing-in worker's phone finds their roster record. */
export const PHONE_PURPOSE = 'phone'

/** The instant a China day ends: "as of 2026-03-31" is everything before 2026-04-01 00:00 +08:00. */
export const endOfChinaDay = (date: string) => new Date(`${addDays(date, 1)}T00:00:00+08:00`).toISOString()

export function fieldsOf(row: repo.PersonRow, keys: DataKeys): Fields {
  return {
    name: row.name,
    idNumber: row.id_number_enc ? keys.decrypt(row.id_number_enc) : '',
    phone: row.phone_enc ? keys.decrypt(row.phone_enc) : null,
    township: row.township as Township,
    villageId: row.village_id,
    group: row.group_name,
    householdId: row.household_id,
    relation: row.relation as HouseholdRelation,
    poverty: row.poverty as Fields['poverty'],
    workAbility: row.work_ability as Fields['workAbility'],
    status: row.status as PersonStatus,
    returnReason: row.return_reason as Fields['returnReason'],
    destinationProvince: row.destination_province as Fields['destinationProvince'],
    destinationCity: row.destination_city,
    employer: row.employer,
    trade: row.trade as Fields['trade'],
    incomeBand: row.income_band as Fields['incomeBand'],
    howWent: howWentOf(row),
    statusSince: row.status_since,
    statusLastYear: row.status_last_year as PersonStatus | null,
  }
}

type HowWentColumns = Pick<repo.PersonState, 'how_went' | 'organised_channel' | 'station_id' | 'batch_id' | 'job_id' | 'course_id' | 'broker_name'>

export function howWentOf(row: HowWentColumns): HowWent | null {
  if (!row.how_went) return null
  return {
    kind: row.how_went as HowWent['kind'],
    channel: row.organised_channel as HowWent['channel'],
    stationId: row.station_id,
    batchId: row.batch_id,
    jobId: row.job_id,
    courseId: row.course_id,
    brokerName: row.broker_name,
  }
}

export function toPerson(row: repo.PersonRow, keys: DataKeys, full: boolean): Person {
  const f = fieldsOf(row, keys)
  return {
    id: row.id,
    name: row.name,
    idNumber: f.idNumber ? (full ? f.idNumber : maskIdNumber(f.idNumber)) : null,
    phone: f.phone ? (full ? f.phone : maskPhone(f.phone)) : null,
    piiMasked: !full,
    sex: row.sex as Person['sex'],
    birthYear: row.birth_year,
    township: f.township,
    villageId: row.village_id,
    village: row.village_name,
    group: f.group,
    householdId: row.household_id,
    relation: f.relation,
    poverty: f.poverty,
    workAbility: f.workAbility,
    status: f.status,
    returnReason: f.returnReason,
    destinationProvince: f.destinationProvince,
    destinationCity: f.destinationCity,
    employer: f.employer,
    trade: f.trade,
    incomeBand: f.incomeBand,
    howWent: f.howWent,
    statusSince: f.statusSince,
    statusLastYear: f.statusLastYear,
    userId: row.user_id,
    version: row.version,
    source: row.source as PersonSource,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Whether a person is within the caller's reach (outside it they do not exist: 404). */
function reaches(scope: PeopleScope, row: repo.PersonRow, stationCity: string | null): boolean {
  if (scope.township !== undefined && row.township !== scope.township) return false
  if (scope.villageId !== undefined && row.village_id !== scope.villageId) return false
  if (scope.stationId !== undefined) {
    const inCity = stationCity !== null && awayStatuses.includes(row.status as PersonStatus) && row.destination_city === stationCity
    return inCity || row.station_id === scope.stationId
  }
  return true
}

const NOT_FOUND = '没有找到这个人，或者他不在你负责的范围'

export async function reachablePerson(db: Kysely<DB>, scope: PeopleScope, id: number, forUpdate = false): Promise<repo.PersonRow> {
  const row = forUpdate ? await repo.findPersonForUpdate(db, id) : await repo.findPerson(db, id)
  const city = scope.stationId !== undefined ? ((await findStationById(db, scope.stationId))?.city ?? null) : null
  if (!row || !reaches(scope, row, city)) throw notFound(NOT_FOUND)
  return row
}

// ---------------------------------------------------------------------------------------------------------------
// Reads

export interface PeopleListQuery {
  township?: Township
  villageId?: number
  status?: PersonStatus
  poverty?: string
  destinationProvince?: string
  trade?: string
  q?: string
  asOf?: string
  cursor?: string
  limit: number
}

export async function listPeople(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, query: PeopleListQuery, now: Date) {
  const scope = peopleScopeOf(caller)
  if (query.asOf !== undefined && query.asOf > chinaDate(now)) throw validationFailed({ asOf: '日期不能晚于今天' })
  // A filter outside the caller's place finds nobody rather than widening the scope.
  const filter: repo.PeopleFilter = {
    township: scope.township ?? query.township,
    villageId: scope.villageId ?? query.villageId,
    status: query.status,
    poverty: query.poverty,
    destinationProvince: query.destinationProvince,
    trade: query.trade,
    q: query.q || undefined,
    stationId: scope.stationId,
    awayStatuses,
  }
  const nobody = (scope.township !== undefined && query.township !== undefined && query.township !== scope.township) ||
    (scope.villageId !== undefined && query.villageId !== undefined && query.villageId !== scope.villageId)
  const cutoff = query.asOf === undefined ? undefined : endOfChinaDay(query.asOf)
  const after = decodeCursor(query.cursor, { id: 'number' })
  if (nobody) return { items: [], nextCursor: null, total: 0, asOf: query.asOf ?? null }
  const rows = await repo.listPeople(db, filter, { afterId: after?.id, limit: query.limit + 1 }, cutoff)
  const page = rows.slice(0, query.limit)
  return {
    // Lists are always masked: a page of twenty numbers is a page no one needs in full.
    items: page.map((r) => toPerson(r, keys, false)),
    nextCursor: rows.length > query.limit ? encodeCursor({ id: page[page.length - 1].id }) : null,
    total: await repo.countPeople(db, filter, cutoff),
    asOf: query.asOf ?? null,
  }
}

export async function getPerson(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, now: Date) {
  const scope = peopleScopeOf(caller)
  const row = await reachablePerson(db, scope, id)
  const members = (await repo.householdMembers(db, row.household_id)).filter((m) => m.id !== row.id)
  const person = toPerson(row, keys, scope.fullPii)
  if (scope.fullPii && (person.idNumber || person.phone)) {
    await writeAccess(db, [{ staffId: caller.staffId, action: 'person_record', userId: row.user_id, personId: row.id, detail: `劳动力 ${row.name}（编号 ${row.id}）的身份证号和电话`, at: now }])
  }
  // Household members the caller can see in full are still shown masked: the page is about one person.
  const surveyConflict = (await conflictInCurrentRound(db, row.id)) ?? null
  return { person, household: { id: row.household_id, members: [person, ...members.map((m) => toPerson(m, keys, false))].sort((a, b) => a.id - b.id) }, surveyConflict }
}

export async function personHistory(db: Kysely<DB>, caller: StaffCaller, id: number, query: { cursor?: string; limit: number }) {
  await reachablePerson(db, peopleScopeOf(caller), id)
  const before = decodeCursor(query.cursor, { version: 'number' })
  const rows = await repo.listVersions(db, id, { beforeVersion: before?.version, limit: query.limit + 1 })
  const page = rows.slice(0, query.limit)
  const items: PersonHistoryEntry[] = page.map((r) => ({
    version: r.version,
    at: r.valid_from,
    source: r.source as PersonSource,
    staff: r.changed_by_staff_id !== null ? { id: r.changed_by_staff_id, displayName: r.staff_name ?? '' } : null,
    userId: r.changed_by_user_id,
    changes: JSON.parse(r.changes_json) as PersonHistoryEntry['changes'],
  }))
  return { items, nextCursor: rows.length > query.limit ? encodeCursor({ version: page[page.length - 1].version }) : null }
}

// ---------------------------------------------------------------------------------------------------------------
// Writes

/** Every rule a person's fields must meet, checked together so the form shows every problem at once. */
async function problemsOf(db: Kysely<DB>, scope: PeopleScope, f: Fields, personId: number | null, now: Date): Promise<Record<string, string>> {
  const problems: Record<string, string> = { ...personStatusProblems(f) }
  const village = await findVillage(db, f.villageId)
  if (!village) problems.villageId = '没有这个村，请从列表里选'
  else if (village.township !== f.township) problems.villageId = `${village.name}不属于${f.township}，请重新选村`
  Object.assign(problems, placeOutsideScope(scope, f, village?.name) ?? {})
  if (f.householdId !== null) {
    const household = await repo.findHousehold(db, f.householdId)
    if (!household) problems.householdId = '没有这一户'
    else if (household.village_id !== f.villageId) problems.householdId = '这一户不在这个村，一户人要登记在同一个村'
  }
  if (f.relation === 'head' && f.householdId !== null) {
    const head = await repo.otherHead(db, f.householdId, personId ?? undefined)
    if (head) problems.relation = `这一户已经有户主（${head.name}），请选与户主的关系`
  }
  if (f.howWent) {
    const { stationId, batchId, jobId, courseId } = f.howWent
    const labels: Record<string, string> = { stationId: '没有这个工作站', batchId: '没有这一趟专车', jobId: '没有这个岗位', courseId: '没有这期培训' }
    for (const field of await repo.missingLinks(db, { stationId, batchId, jobId, courseId })) problems[`howWent.${field}`] = labels[field]
  }
  const today = chinaDate(now)
  if (f.statusSince && f.statusSince > today) problems.statusSince = '日期不能晚于今天'
  if (f.statusSince && !isRealDate(f.statusSince)) problems.statusSince = '没有这一天，请核对日期'
  return problems
}

const isRealDate = (d: string) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d

export function stateOf(f: Fields & { householdId: number }, keys: DataKeys, keep: { idEnc?: string | null; phoneEnc?: string | null; userId: number | null; version: number; source: PersonSource }): repo.PersonState {
  // A person a worker registered in the app may have no ID number yet: no hash, no sex or birth year from it.
  const { sex, birthYear } = f.idNumber ? personOfIdNumber(f.idNumber) : { sex: null, birthYear: null }
  const h = f.howWent
  return {
    township: f.township,
    village_id: f.villageId,
    group_name: f.group,
    name: f.name,
    id_number_enc: f.idNumber ? (keep.idEnc ?? keys.encrypt(f.idNumber)) : null,
    id_number_hash: f.idNumber ? keys.hmac(ID_PURPOSE, f.idNumber) : null,
    phone_enc: f.phone ? (keep.phoneEnc ?? keys.encrypt(f.phone)) : null,
    phone_hash: f.phone ? keys.hmac(PHONE_PURPOSE, f.phone) : null,
    sex,
    birth_year: birthYear,
    household_id: f.householdId,
    relation: f.relation,
    poverty: f.poverty,
    work_ability: f.workAbility,
    status: f.status,
    return_reason: f.returnReason,
    destination_province: f.destinationProvince,
    destination_city: f.destinationCity,
    employer: f.employer,
    trade: f.trade,
    income_band: f.incomeBand,
    how_went: h?.kind ?? null,
    organised_channel: h?.channel ?? null,
    station_id: h?.stationId ?? null,
    batch_id: h?.batchId ?? null,
    job_id: h?.jobId ?? null,
    course_id: h?.courseId ?? null,
    broker_name: h?.brokerName ?? null,
    status_since: f.statusSince,
    status_last_year: f.statusLastYear,
    user_id: keep.userId,
    version: keep.version,
    source: keep.source,
  }
}

/** The fields as history shows them: ID number and phone masked, never in the clear. */
function shown(f: Fields): Record<string, unknown> {
  return { ...f, idNumber: f.idNumber ? maskIdNumber(f.idNumber) : null, phone: f.phone ? maskPhone(f.phone) : null }
}

export function changesBetween(before: Fields | null, after: Fields) {
  const a = shown(after)
  const b = before ? shown(before) : null
  const changes: { field: string; before: unknown; after: unknown }[] = []
  for (const field of Object.keys(a)) {
    const raw = (x: Fields | null) => (x ? (x as Record<string, unknown>)[field] : null)
    if (JSON.stringify(raw(before)) === JSON.stringify(raw(after))) continue
    if (!before && (raw(after) === null || raw(after) === '')) continue
    changes.push({ field, before: b ? (b[field] ?? null) : null, after: a[field] ?? null })
  }
  return changes
}

async function duplicateOf(db: Kysely<DB>, keys: DataKeys, scope: PeopleScope, idNumber: string, except: number | null) {
  const found = await repo.findPersonByIdNumberHash(db, keys.hmac(ID_PURPOSE, idNumber))
  if (!found || found.id === except) return
  const village = await findVillage(db, found.village_id)
  const visible = (scope.township === undefined || scope.township === found.township) && (scope.villageId === undefined || scope.villageId === found.village_id)
  throw conflict(
    visible
      ? `这个身份证号已经登记过了：${found.name}，${found.township}${village?.name ?? ''}（编号 ${found.id}），请打开那条记录修改`
      : `这个身份证号已经在${found.township}登记过了（编号 ${found.id}），请联系${found.township}的劳务专干核对`,
  )
}

export async function createPerson(trx: Kysely<DB>, keys: DataKeys, caller: StaffCaller, body: CreateBody, now: Date): Promise<Person> {
  const scope = peopleScopeOf(caller)
  requirePeopleWrite(scope)
  // Two officers registering the same ID number at once: the second waits here and then finds the first.
  await lockKey(trx, `person-id:${keys.hmac(ID_PURPOSE, body.idNumber)}`)
  const problems = await problemsOf(trx, scope, body, null, now)
  if (Object.keys(problems).length) throw validationFailed(problems)
  await duplicateOf(trx, keys, scope, body.idNumber, null)
  const at = now.toISOString()
  const householdId = body.householdId ?? (await repo.insertHousehold(trx, { township: body.township, villageId: body.villageId, at }))
  const fields: Fields & { householdId: number } = { ...body, householdId }
  const state = stateOf(fields, keys, { userId: null, version: 1, source: 'staff' })
  const id = await repo.insertPerson(trx, state, at)
  const changes = changesBetween(null, fields)
  await repo.writeVersion(trx, id, state, { at, createdAt: at, actor: { staffId: caller.staffId, userId: null }, changes })
  const created = toPerson((await repo.findPerson(trx, id))!, keys, false)
  await writeAudit(trx, { actor: staffActor(caller), action: 'person.create', entity: 'person', entityId: id, after: created, at: now })
  return created
}

/**
 * Any part of a person. The merged record must pass every rule; the write lands only over the version read
 * (a `version` from the client that is no longer current is 409), and keeps the old state in the history.
 */
export async function updatePerson(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, body: UpdateBody, now: Date): Promise<Person> {
  return db.transaction().execute((trx) => updatePersonIn(trx, keys, caller, id, body, now))
}

/** updatePerson inside the caller's transaction: the survey's checks write people through it, with their own record. */
export async function updatePersonIn(trx: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, body: UpdateBody, now: Date): Promise<Person> {
  const scope = peopleScopeOf(caller)
  const row = await reachablePerson(trx, scope, id, true)
  requirePeopleWrite(scope)
  if (body.version !== undefined && body.version !== row.version) throw conflict('这条记录刚被别人改过，请刷新后再改')
  const before = fieldsOf(row, keys)
  const { version: _version, ...patch } = body
  const merged: Fields = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) }
  // A new status drops what only the old one meant (a return reason, a destination, how they went) unless the edit
  // says otherwise; what it does say must still agree with the status.
  if (patch.status !== undefined && patch.status !== before.status) {
    if (merged.status !== 'returned' && patch.returnReason === undefined) merged.returnReason = null
    if (!isAway(merged.status) && patch.destinationProvince === undefined) merged.destinationProvince = null
    if (!isAway(merged.status) && patch.destinationCity === undefined) merged.destinationCity = null
    if (!workingStatuses.includes(merged.status) && patch.howWent === undefined) merged.howWent = null
  }
  // Moving to another village takes the person out of their household unless they name one there.
  if ((merged.villageId !== before.villageId || merged.township !== before.township) && patch.householdId === undefined) merged.householdId = null
  const problems = await problemsOf(trx, scope, merged, id, now)
  if (Object.keys(problems).length) throw validationFailed(problems)
  if (merged.idNumber !== before.idNumber) {
    await lockKey(trx, `person-id:${keys.hmac(ID_PURPOSE, merged.idNumber)}`)
    await duplicateOf(trx, keys, scope, merged.idNumber, id)
  }
  const changes = changesBetween(before, merged)
  const beforeDto = toPerson(row, keys, false)
  if (!changes.length) return beforeDto
  return write(trx, keys, row, merged, changes, { source: 'staff', staffId: caller.staffId }, now, beforeDto)
}

async function write(
  trx: Kysely<DB>,
  keys: DataKeys,
  row: repo.PersonRow,
  merged: Fields,
  changes: ReturnType<typeof changesBetween>,
  actor: ChangeActor,
  now: Date,
  beforeDto: Person,
): Promise<Person> {
  const at = now.toISOString()
  const householdId = merged.householdId ?? (await repo.insertHousehold(trx, { township: merged.township, villageId: merged.villageId, at }))
  const before = fieldsOf(row, keys)
  const state = stateOf({ ...merged, householdId }, keys, {
    idEnc: merged.idNumber === before.idNumber ? row.id_number_enc : null,
    phoneEnc: merged.phone === before.phone ? row.phone_enc : null,
    userId: row.user_id,
    version: row.version + 1,
    source: actor.source,
  })
  if (!(await repo.updatePerson(trx, row.id, row.version, state, at))) throw conflict('这条记录刚被别人改过，请刷新后再改')
  const staffId = actor.source === 'self' ? null : actor.staffId
  await repo.writeVersion(trx, row.id, state, { at, createdAt: row.created_at, actor: { staffId, userId: actor.source === 'self' ? actor.userId : null }, changes })
  const after = toPerson((await repo.findPerson(trx, row.id))!, keys, false)
  await writeAudit(trx, {
    actor: actor.source === 'self' ? { kind: 'worker', id: actor.userId } : staffId !== null ? { kind: 'staff', id: staffId } : { kind: 'system', id: null },
    action: 'person.update',
    entity: 'person',
    entityId: row.id,
    before: beforeDto,
    after,
    at: now,
  })
  return after
}
