/**
 * The worker and the roster. A signing-in worker whose ID number (given with consent) or phone finds one roster
 * person is linked to them; the worker's own answers (working in 无锡, back home) then update that record with
 * source self. A worker from the county who matches no one becomes a person of the roster, unconfirmed until their
 * township officer confirms them or merges them into the county's record. Deleting the account unlinks it and
 * erases what the worker said; the county's own entry stays.
 */
import type { Kysely } from 'kysely'
import {
  destinationCities,
  type Person,
  provinceOfCity,
  type Township,
  townships,
  type UnconfirmedPerson,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { findUser } from '../accounts/users.repository'
import { redactAudit, writeAudit } from '../audit/audit.repository'
import type { DB, UserRow } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { conflict, validationFailed } from '../http/app-error'
import { decodeCursor, paginate } from '../lib/cursor'
import { chinaDate } from '../lib/dates'
import { peopleScopeOf, requirePeopleWrite, staffActor } from '../staff/staff-scope'
import * as repo from './roster.repository'
import * as links from './roster-links.repository'
import { applyToPerson, awayStatusFor } from './roster-moves.service'
import { reachablePerson, toPerson } from './roster.service'
import { notify } from '../notifications/notify'

const ID_PURPOSE = 'id-number'

/** What the worker's own answers can say about their record; the rest (place, household, poverty) is the county's. */
const selfColumns = [
  'status', 'return_reason', 'destination_province', 'destination_city', 'status_since',
  'how_went', 'organised_channel', 'station_id', 'batch_id', 'job_id', 'course_id', 'broker_name',
] as const satisfies readonly (keyof repo.PersonState)[]
type SelfColumns = Pick<repo.PersonState, (typeof selfColumns)[number]>

const pickSelf = (s: repo.PersonState): SelfColumns => Object.fromEntries(selfColumns.map((c) => [c, s[c]])) as SelfColumns

/** How someone went out, blank: a worker's own answers never say it, so a status they start clears it. */
const noRoute = { how_went: null, organised_channel: null, station_id: null, batch_id: null, job_id: null, course_id: null, broker_name: null } as const

/** A work city as the roster writes it: 无锡 → 无锡市 when that is a city the county knows. */
function cityAsWritten(city: string): string {
  const t = city.trim()
  if (destinationCities[t]) return t
  if (destinationCities[`${t}市`]) return `${t}市`
  return t
}

/**
 * Where the worker says they are, as roster columns, or null when the answers say nothing the roster can use:
 * working away in a city whose province is known, or back home.
 */
function statusFromProfile(user: UserRow, current: SelfColumns | null, today: string): Partial<SelfColumns> | null {
  if (user.working_away === 1 && user.current_city) {
    const province = provinceOfCity(user.current_city)
    if (!province) return null
    const status = awayStatusFor(province)
    const city = cityAsWritten(user.current_city)
    const same = current?.status === status && current.destination_city === city
    // Still at work: how they went stays what the county recorded; only a new status starts a new "since".
    const working = current?.status === 'away_other_province' || current?.status === 'away_in_province' || current?.status === 'local_work'
    const howWent = working && current ? {} : noRoute
    return { status, destination_province: province, destination_city: city, return_reason: null, ...howWent, status_since: same ? current.status_since : today }
  }
  if (user.returned_home === 1) {
    if (current?.status === 'returned') return {}
    return {
      status: 'returned',
      return_reason: 'other',
      destination_province: null,
      destination_city: null,
      ...noRoute,
      status_since: today,
    }
  }
  return null
}

/** The one person this account is, by ID number first (unique), else by phone (a household may share one). */
async function matchOf(trx: Kysely<DB>, keys: DataKeys, user: UserRow): Promise<number | undefined> {
  if (user.id_number_enc) {
    const found = await links.unlinkedByIdNumberHash(trx, keys.hmac(ID_PURPOSE, keys.decrypt(user.id_number_enc)))
    if (found) return found.user_id === null ? found.id : undefined
  }
  if (!user.phone_hash) return undefined
  const byPhone = await links.unlinkedByPhoneHash(trx, user.phone_hash)
  if (byPhone.length === 1) return byPhone[0].id
  // Several people on one mobile: the worker's name picks one, or nobody.
  const named = user.name ? byPhone.filter((p) => p.name === user.name) : []
  return named.length === 1 ? named[0].id : undefined
}

/** A worker from the county whom the roster does not know: a person of the roster, for the officer to confirm. */
async function registerSelf(trx: Kysely<DB>, keys: DataKeys, user: UserRow, now: Date): Promise<number | undefined> {
  const township = user.hometown_township as Township | null
  if (!township || !townships.includes(township) || !user.hometown_village || !user.name || user.name.length < 2) return undefined
  const village = await links.villageByName(trx, township, user.hometown_village.trim())
  if (!village) return undefined
  const idNumber = user.id_number_enc ? keys.decrypt(user.id_number_enc) : null
  // An ID number the roster has (linked to another account) is not this worker's to register again.
  if (idNumber && (await links.unlinkedByIdNumberHash(trx, keys.hmac(ID_PURPOSE, idNumber)))) return undefined
  const at = now.toISOString()
  const today = chinaDate(now)
  const householdId = await repo.insertHousehold(trx, { township, villageId: village.id, at })
  const fromProfile = statusFromProfile(user, null, today)
  const status: repo.PersonState['status'] = fromProfile?.status ?? (user.willing_to_go_out === 1 ? 'willing' : user.willing_to_go_out === 0 ? 'unwilling' : 'other')
  const state: repo.PersonState = {
    township,
    village_id: village.id,
    group_name: null,
    name: user.name,
    id_number_enc: idNumber ? user.id_number_enc : null,
    id_number_hash: idNumber ? keys.hmac(ID_PURPOSE, idNumber) : null,
    phone_enc: user.phone_enc,
    phone_hash: user.phone_hash,
    sex: idNumber ? (Number(idNumber[16]) % 2 === 1 ? 'male' : 'female') : null,
    birth_year: idNumber ? Number(idNumber.slice(6, 10)) : null,
    household_id: householdId,
    relation: 'head',
    poverty: user.poverty_alleviated === 1 ? 'alleviated' : 'general',
    work_ability: 'full',
    employer: null,
    trade: null,
    income_band: null,
    status_last_year: null,
    return_reason: null,
    destination_province: null,
    destination_city: null,
    ...noRoute,
    status_since: fromProfile ? today : null,
    ...fromProfile,
    status,
    user_id: user.id,
    version: 1,
    source: 'self',
  }
  const id = await repo.insertPerson(trx, state, at)
  await links.setUnconfirmed(trx, id, 1)
  const changes = [
    { field: 'name', before: null, after: state.name },
    { field: 'township', before: null, after: township },
    { field: 'villageId', before: null, after: village.id },
    { field: 'status', before: null, after: status },
    ...(state.destination_city ? [{ field: 'destinationCity', before: null, after: state.destination_city }] : []),
  ]
  await repo.writeVersion(trx, id, state, { at, createdAt: at, actor: { staffId: null, userId: user.id }, changes })
  await writeAudit(trx, { actor: { kind: 'worker', id: user.id }, action: 'person.self_register', entity: 'person', entityId: id, after: { changes }, at: now })
  // The township officer hears of it with the registration, in its transaction.
  await notify(trx, now, { kind: 'staff_self_registered', personId: id })
  return id
}

/**
 * Links the account to its roster person if it has none yet (or registers the worker when they are from the county
 * and nobody matches), then brings the record in line with the worker's answers when `profileChanged`. Runs in the
 * caller's transaction: signing in, or the profile edit.
 */
export async function linkWorker(trx: Kysely<DB>, keys: DataKeys, userId: number, now: Date, profileChanged = false): Promise<void> {
  const user = await findUser(trx, userId)
  if (!user) return
  const linked = await links.personIdOfUser(trx, userId)
  let personId = linked?.id
  if (personId === undefined) {
    const match = await matchOf(trx, keys, user)
    if (match !== undefined) {
      const row = await repo.findPersonForUpdate(trx, match)
      if (row && row.user_id === null) {
        await applyToPerson(trx, row, { user_id: userId }, { source: 'self', userId }, now, 'person.link')
        personId = match
      }
    } else {
      await registerSelf(trx, keys, user, now)
      return
    }
  }
  if (personId === undefined || !profileChanged) return
  const row = await repo.findPersonForUpdate(trx, personId)
  if (!row) return
  const patch = statusFromProfile(user, pickSelf(row), chinaDate(now))
  if (patch) await applyToPerson(trx, row, patch, { source: 'self', userId }, now)
}

/** The worker's roster record for their export: in full, with its history (values as staff see them). */
export async function exportRosterRecord(db: Kysely<DB>, keys: DataKeys, userId: number) {
  const linked = await links.personIdOfUser(db, userId)
  if (!linked) return { rosterRecord: [] }
  const row = await repo.findPerson(db, linked.id)
  if (!row) return { rosterRecord: [] }
  const versions = await repo.listVersions(db, row.id, { limit: 1000 })
  return {
    rosterRecord: [
      {
        ...toPerson(row, keys, true),
        unconfirmed: linked.unconfirmed === 1,
        history: versions.map((v) => ({ at: v.valid_from, source: v.source, byMe: v.changed_by_user_id === userId, changes: JSON.parse(v.changes_json) as unknown })),
      },
    ],
  }
}

/**
 * Deleting the account: a record only the worker ever gave (never confirmed) goes entirely. A county record is
 * unlinked and keeps the county's own state: each version the worker made gets back the county's values of what the
 * worker can say (status, where, how they went) and loses the worker's values in its change list; so does the
 * record itself when the worker spoke last.
 */
export async function eraseRosterLink(trx: Kysely<DB>, userId: number, now: Date): Promise<void> {
  const linked = await links.personIdOfUser(trx, userId)
  if (!linked) return
  const row = await repo.findPersonForUpdate(trx, linked.id)
  if (!row) return
  if (linked.unconfirmed === 1) {
    await links.erasePerson(trx, row.id, row.household_id)
    // Nothing of it was the county's: every audit row about it keeps only who acted, on what, and when.
    await redactAudit(trx, 'person', [row.id], () => ({ erased: true }))
    await writeAudit(trx, { actor: { kind: 'worker', id: userId }, action: 'person.erase_self_registered', entity: 'person', entityId: row.id, at: now })
    return
  }
  let county: SelfColumns | null = null
  let current: SelfColumns = pickSelf(row)
  for (const v of await links.versionsOf(trx, row.id)) {
    const byWorker = v.source === 'self' && v.changed_by_user_id === userId
    if (byWorker && county) {
      const changes = (JSON.parse(v.changes_json) as { field: string }[]).map((c) => ({ field: c.field, before: null, after: null }))
      await links.updateVersion(trx, v.id, { ...county, user_id: null, changed_by_user_id: null, changes_json: JSON.stringify(changes) })
      current = county
    } else {
      // The first version is the county's even when the worker registered it: an officer confirmed it since.
      county = pickSelf(v)
      current = county
      await links.updateVersion(trx, v.id, { user_id: null, ...(byWorker ? { changed_by_user_id: null } : {}) })
    }
  }
  await links.overwritePerson(trx, row.id, { ...current, user_id: null })
  await links.redactWorkerAudit(trx, row.id, userId)
  await writeAudit(trx, { actor: { kind: 'worker', id: userId }, action: 'person.unlink', entity: 'person', entityId: row.id, at: now })
}

// ---------------------------------------------------------------------------------------------------------------
// Staff: confirm or merge

export async function listUnconfirmed(
  db: Kysely<DB>,
  keys: DataKeys,
  caller: StaffCaller,
  query: { township?: Township; villageId?: number; cursor?: string; limit: number },
): Promise<{ items: UnconfirmedPerson[]; nextCursor: string | null; total: number }> {
  const scope = peopleScopeOf(caller)
  // Station staff keep no one's register: nobody to confirm.
  if (scope.stationId !== undefined) return { items: [], nextCursor: null, total: 0 }
  const outside = (scope.township !== undefined && query.township !== undefined && query.township !== scope.township) ||
    (scope.villageId !== undefined && query.villageId !== undefined && query.villageId !== scope.villageId)
  const after = decodeCursor(query.cursor, { id: 'number' })
  if (outside) return { items: [], nextCursor: null, total: 0 }
  const filter = { township: scope.township ?? query.township, villageId: scope.villageId ?? query.villageId }
  const ids = await links.listUnconfirmedIds(db, filter, { afterId: after?.id, limit: query.limit + 1 })
  const { page, nextCursor } = paginate(ids, query.limit, (id) => ({ id }))
  const items: UnconfirmedPerson[] = []
  for (const id of page) {
    const row = await repo.findPerson(db, id)
    if (!row) continue
    const candidates: Person[] = []
    for (const c of await links.mergeCandidateIds(db, row.township, row.name, row.id)) {
      const cr = await repo.findPerson(db, c)
      if (cr && (scope.villageId === undefined || cr.village_id === scope.villageId)) candidates.push(toPerson(cr, keys, false))
    }
    items.push({ person: toPerson(row, keys, false), candidates })
  }
  return { items, nextCursor, total: await links.countUnconfirmed(db, filter) }
}

export async function confirmPerson(trx: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, now: Date): Promise<Person> {
  const scope = peopleScopeOf(caller)
  const row = await reachablePerson(trx, scope, id, true)
  requirePeopleWrite(scope)
  const linked = await links.personIdOfUser(trx, row.user_id ?? -1)
  if (linked?.id === id && linked.unconfirmed === 1) {
    await links.setUnconfirmed(trx, id, 0)
    await writeAudit(trx, { actor: staffActor(caller), action: 'person.confirm', entity: 'person', entityId: id, at: now })
  }
  return toPerson(row, keys, false)
}

/**
 * The worker's own registration is a person the county already has: the account moves to the county's record (the
 * worker's answers follow as their own change) and the duplicate leaves the roster from now.
 */
export async function mergePerson(trx: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, intoId: number, now: Date): Promise<{ person: Person; mergedId: number }> {
  const scope = peopleScopeOf(caller)
  const dup = await reachablePerson(trx, scope, id, true)
  requirePeopleWrite(scope)
  if (intoId === id) throw validationFailed({ intoId: '不能合并到自己，请选另一条记录' })
  const into = await repo.findPersonForUpdate(trx, intoId)
  const reachable = into && (scope.township === undefined || into.township === scope.township) && (scope.villageId === undefined || into.village_id === scope.villageId)
  if (!into || !reachable) throw validationFailed({ intoId: '没有找到要合并到的记录，或者他不在你负责的范围' })
  const dupLink = await links.personIdOfUser(trx, dup.user_id ?? -1)
  if (!dupLink || dupLink.id !== id || dupLink.unconfirmed !== 1) throw conflict('只有务工人员自己登记、还没确认的记录才能合并')
  if (into.user_id !== null) throw conflict('要合并到的记录已经关联了别的务工人员账号')
  const userId = dup.user_id as number
  const at = now.toISOString()
  await links.retireDuplicate(trx, id, intoId, at)
  await applyToPerson(trx, into, { user_id: userId }, { source: 'staff', staffId: caller.staffId }, now, 'person.merge')
  // What the worker said about where they are now follows to the county's record, as theirs.
  const user = await findUser(trx, userId)
  const merged = await repo.findPersonForUpdate(trx, intoId)
  if (user && merged) {
    const patch = statusFromProfile(user, pickSelf(merged), chinaDate(now))
    if (patch) await applyToPerson(trx, merged, patch, { source: 'self', userId }, now)
  }
  await writeAudit(trx, { actor: staffActor(caller), action: 'person.merge_duplicate', entity: 'person', entityId: id, after: { mergedInto: intoId }, at: now })
  return { person: toPerson((await repo.findPerson(trx, intoId))!, keys, false), mergedId: id }
}
