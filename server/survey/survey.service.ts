/**
 * 摸排: rounds, a village's list for the phone, checks and progress. A check writes the person through the roster's
 * own update (rules, version, history, audit) in the request's transaction; who reaches which village comes from
 * staff-scope's peopleScopeOf.
 */
import type { Kysely } from 'kysely'
import type { z } from 'zod/mini'
import {
  type HowWent,
  type openSurveyRoundBody,
  type RosterLink,
  type SurveyPerson,
  type SurveyRound,
  type surveyCheckBody,
  type Township,
  isCalendarDate,
  orderForSurvey,
  surveyShare,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { writeAudit } from '../audit/audit.repository'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { forbidden, notFound, validationFailed } from '../http/app-error'
import { chinaDate } from '../lib/dates'
import { findVillage } from '../roster/places.repository'
import { findPersonForUpdate } from '../roster/roster.repository'
import { namedLinks } from '../roster/person-activity.service'
import { howWentOf, updatePersonIn } from '../roster/roster.service'
import { isAdmin, peopleScopeOf, placeOutsideScope, requireAdmin, requirePeopleWrite, staffActor } from '../staff/staff-scope'
import * as repo from './survey.repository'

const NO_ROUND = '没有这一轮摸排'
const NO_PERSON = '没有找到这个人，或者他不在你负责的范围'
const NO_VILLAGE = '没有这个村，或者它不在你负责的范围'

function toRound(row: repo.RoundRow, currentId: number | undefined): SurveyRound {
  return { id: row.id, name: row.name, dueDate: row.due_date, openedAt: row.opened_at, current: row.id === currentId }
}

async function roundOf(db: Kysely<DB>, id: number): Promise<SurveyRound> {
  const row = await repo.findRoundAndNewest(db, id)
  if (!row) throw notFound(NO_ROUND)
  return toRound(row, row.newest_id ?? undefined)
}

/** Rows as the phone shows them, with the names of the records their "how they went" names. */
async function toSurveyPeople(db: Kysely<DB>, rows: repo.SurveyPersonRow[], openedAt: string): Promise<SurveyPerson[]> {
  const linkFor = await namedLinks(db, rows.map(howWentOf))
  return rows.map((r) => toSurveyPerson(r, openedAt, linkFor))
}

function toSurveyPerson(r: repo.SurveyPersonRow, openedAt: string, linkFor: (h: HowWent | null) => RosterLink | null): SurveyPerson {
  const howWent = howWentOf(r)
  const registeredSince = r.created_at >= openedAt
  return {
    id: r.id,
    name: r.name,
    sex: r.sex as SurveyPerson['sex'],
    birthYear: r.birth_year,
    householdId: r.household_id,
    relation: r.relation as SurveyPerson['relation'],
    group: r.group_name,
    poverty: r.poverty as SurveyPerson['poverty'],
    status: r.status as SurveyPerson['status'],
    returnReason: r.return_reason as SurveyPerson['returnReason'],
    destinationProvince: r.destination_province,
    destinationCity: r.destination_city,
    trade: r.trade as SurveyPerson['trade'],
    incomeBand: r.income_band as SurveyPerson['incomeBand'],
    howWent,
    howWentLink: linkFor(howWent),
    version: r.version,
    checked: r.checked_at !== null || registeredSince,
    checkedAt: r.checked_at ?? (registeredSince ? r.created_at : null),
    conflict: r.conflict === 1,
    note: r.note,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rounds

export async function openSurveyRound(trx: Kysely<DB>, caller: StaffCaller, body: z.output<typeof openSurveyRoundBody>, now: Date): Promise<SurveyRound> {
  requireAdmin(caller, '只有县级管理员可以开启一轮摸排')
  if (!isCalendarDate(body.dueDate)) throw validationFailed({ dueDate: '没有这一天，请核对日期' })
  if (body.dueDate < chinaDate(now)) throw validationFailed({ dueDate: '截止日期不能早于今天' })
  const row = await repo.insertRound(trx, { name: body.name, dueDate: body.dueDate, staffId: caller.staffId, at: now.toISOString() })
  const round = toRound(row, row.id)
  await writeAudit(trx, { actor: staffActor(caller), action: 'survey_round.open', entity: 'survey_round', entityId: row.id, after: round, at: now })
  return round
}

export async function listSurveyRounds(db: Kysely<DB>, caller: StaffCaller) {
  requirePeopleWrite(peopleScopeOf(caller))
  const rows = await repo.listRounds(db)
  return { items: rows.map((r) => toRound(r, rows[0]?.id)) }
}

// ---------------------------------------------------------------------------------------------------------------
// A village's list

/** The round and the village a caller may list (404 outside their place), or the error the list would give. */
async function villageInScope(db: Kysely<DB>, caller: StaffCaller, roundId: number, query: { villageId?: number }) {
  const scope = peopleScopeOf(caller)
  requirePeopleWrite(scope)
  const round = await roundOf(db, roundId)
  const villageId = scope.villageId ?? query.villageId
  if (villageId === undefined) throw validationFailed({ villageId: '请选择村' })
  const village = await findVillage(db, villageId)
  if (!village || placeOutsideScope(scope, { township: village.township, villageId: village.id })) throw notFound(NO_VILLAGE)
  return { scope, round, village: { id: village.id, name: village.name, township: village.township as Township } }
}

/** Bumped when the list's shape or rules change, so a phone's kept copy of the old shape is not answered 304. */
const VILLAGE_LIST_FORMAT = 1

/**
 * The village list's version stamp, read without building it (route()'s validator): the round (and whether it is the
 * current one), the village, a few numbers over its people and their checks with the records they went by (one
 * statement), and those records' names (one read per kind, none when there are none): 3 statements and one per kind. Every write that changes the list changes one of these. The caller's place is in it too, so a kept answer is
 * only ever shared within one township (or one village for informants).
 */
export async function surveyVillageStamp(db: Kysely<DB>, caller: StaffCaller, roundId: number, query: { villageId?: number }): Promise<string> {
  const { scope, round, village } = await villageInScope(db, caller, roundId, query)
  const { numbers, links: linkRows } = await repo.villageStamp(db, round.id, village.id)
  const howWents = linkRows.map((r) => howWentOf({ ...r, broker_name: null }))
  // Names are read per kind of record; a village whose people went by none reads nothing more.
  const linkFor = howWents.length > 0 ? await namedLinks(db, howWents) : () => null
  const links = howWents.map((h) => [h?.kind, h?.channel, h?.stationId, h?.batchId, h?.jobId, h?.courseId, linkFor(h)])
  return JSON.stringify([VILLAGE_LIST_FORMAT, scope.township ?? null, scope.villageId ?? null, round, village, numbers, links])
}

export async function getSurveyVillage(db: Kysely<DB>, caller: StaffCaller, roundId: number, query: { villageId?: number }) {
  const { round, village } = await villageInScope(db, caller, roundId, query)
  const people = await toSurveyPeople(db, await repo.villagePeople(db, round.id, village.id), round.openedAt)
  return {
    round,
    village,
    households: orderForSurvey(people),
    checked: people.filter((p) => p.checked).length,
    total: people.length,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A check

type CheckBody = z.output<typeof surveyCheckBody>

/**
 * One person checked. Changes go through the roster's update without a version, so the later write wins; when
 * someone else wrote the person after the version the checker saw, the check is recorded as a conflict, which stays
 * on the person for the round until a township officer or admin checks them again over the current version.
 */
export async function checkSurveyPerson(trx: Kysely<DB>, keys: DataKeys, caller: StaffCaller, roundId: number, body: CheckBody, now: Date) {
  const scope = peopleScopeOf(caller)
  requirePeopleWrite(scope)
  const round = await roundOf(trx, roundId)
  const row = await findPersonForUpdate(trx, body.personId)
  if (!row || placeOutsideScope(scope, { township: row.township, villageId: row.village_id })) throw notFound(NO_PERSON)
  if (body.baseVersion > row.version) throw validationFailed({ baseVersion: '版本号不对，请刷新名单后再填' })
  const stale = body.baseVersion < row.version && (await repo.countOthersWritesSince(trx, row.id, body.baseVersion, caller.staffId)) > 0
  const earlier = await repo.findCheck(trx, round.id, row.id)
  const reviewer = isAdmin(caller) || caller.role === 'township'
  const conflict = stale || (earlier?.conflict === 1 && !reviewer)

  let version = row.version
  if (!body.unchanged) {
    const { personId: _p, baseVersion: _b, unchanged: _u, note: _n, ...changes } = body
    // 丧失劳动能力 means no work ability: the check says one, the roster's rule wants both.
    const patch = changes.status === 'unable' ? { ...changes, workAbility: 'none' as const } : changes
    version = (await updatePersonIn(trx, keys, caller, row.id, patch, now)).version
  }
  const at = now.toISOString()
  await repo.upsertCheck(trx, { roundId: round.id, personId: row.id, staffId: caller.staffId, unchanged: body.unchanged, baseVersion: body.baseVersion, version, conflict, note: body.note, at })
  const check = { roundId: round.id, personId: row.id, unchanged: body.unchanged, conflict, checkedAt: at }
  await writeAudit(trx, { actor: staffActor(caller), action: 'survey.check', entity: 'person', entityId: row.id, after: { ...check, baseVersion: body.baseVersion, version, note: body.note }, at: now })
  const [person] = await toSurveyPeople(trx, [(await repo.surveyPersonOf(trx, round.id, row.id))!], round.openedAt)
  return { check, person }
}

// ---------------------------------------------------------------------------------------------------------------
// Progress

export async function getSurveyProgress(db: Kysely<DB>, caller: StaffCaller, roundId: number, query: { township?: Township }) {
  const scope = peopleScopeOf(caller)
  if (scope.stationId !== undefined) throw forbidden('摸排进度由乡镇劳务专干和县里查看')
  const round = await roundOf(db, roundId)
  const outside = scope.township !== undefined && query.township !== undefined && query.township !== scope.township
  const rows = outside ? [] : await repo.progressByVillage(db, { id: round.id, opened_at: round.openedAt, current: round.current }, { township: scope.township ?? query.township, villageId: scope.villageId })
  const villages = rows
    .map((r) => ({ villageId: r.village_id, village: r.village, township: r.township as Township, checked: r.checked, total: r.total, conflicts: r.conflicts }))
    .sort((a, b) => surveyShare(a) - surveyShare(b) || b.total - b.checked - (a.total - a.checked) || a.villageId - b.villageId)
  const byTownship = new Map<Township, { township: Township; checked: number; total: number; conflicts: number }>()
  for (const v of villages) {
    const t = byTownship.get(v.township) ?? { township: v.township, checked: 0, total: 0, conflicts: 0 }
    t.checked += v.checked
    t.total += v.total
    t.conflicts += v.conflicts
    byTownship.set(v.township, t)
  }
  const townships = [...byTownship.values()].sort((a, b) => surveyShare(a) - surveyShare(b) || a.township.localeCompare(b.township))
  return {
    round,
    checked: villages.reduce((n, v) => n + v.checked, 0),
    total: villages.reduce((n, v) => n + v.total, 0),
    townships,
    villages,
  }
}
