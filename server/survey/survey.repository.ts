/** Every survey query: rounds, the checks of a round, a village's people beside their checks, progress counts. */
import { type Kysely, sql } from 'kysely'
import type { DB } from '../db/schema'
import { toCount } from '../db/dialect'

export interface RoundRow {
  id: number
  name: string
  due_date: string
  opened_by_staff_id: number
  opened_at: string
}

export async function insertRound(db: Kysely<DB>, r: { name: string; dueDate: string; staffId: number; at: string }): Promise<RoundRow> {
  return db
    .insertInto('survey_rounds')
    .values({ name: r.name, due_date: r.dueDate, opened_by_staff_id: r.staffId, opened_at: r.at })
    .returning(['id', 'name', 'due_date', 'opened_by_staff_id', 'opened_at'])
    .executeTakeFirstOrThrow()
}

/** Newest first: the first is the current round. */
export async function listRounds(db: Kysely<DB>): Promise<RoundRow[]> {
  return db.selectFrom('survey_rounds').select(['id', 'name', 'due_date', 'opened_by_staff_id', 'opened_at']).orderBy('opened_at', 'desc').orderBy('id', 'desc').execute()
}

/** The round and the id of the newest round (the current one) in one read: every list and check starts with both. */
export async function findRoundAndNewest(db: Kysely<DB>, id: number): Promise<(RoundRow & { newest_id: number | null }) | undefined> {
  return db
    .selectFrom('survey_rounds')
    .select(['id', 'name', 'due_date', 'opened_by_staff_id', 'opened_at'])
    .select((eb) => eb.selectFrom('survey_rounds as n').select('n.id').orderBy('n.opened_at', 'desc').orderBy('n.id', 'desc').limit(1).as('newest_id'))
    .where('id', '=', id)
    .executeTakeFirst()
}

const personColumns = [
  'people.id', 'people.name', 'people.sex', 'people.birth_year', 'people.household_id', 'people.relation', 'people.group_name', 'people.poverty',
  'people.status', 'people.return_reason', 'people.destination_province', 'people.destination_city', 'people.trade', 'people.income_band',
  'people.how_went', 'people.organised_channel', 'people.station_id', 'people.batch_id', 'people.job_id', 'people.course_id', 'people.broker_name',
  'people.version', 'people.created_at',
] as const

/** A village's people now, each beside their check of the round (if any), in household order. */
export async function villagePeople(db: Kysely<DB>, roundId: number, villageId: number) {
  return db
    .selectFrom('people')
    .leftJoin('survey_checks as c', (j) => j.onRef('c.person_id', '=', 'people.id').on('c.round_id', '=', roundId))
    .select(personColumns)
    .select(['c.checked_at', 'c.conflict', 'c.note'])
    .where('people.village_id', '=', villageId)
    .orderBy('people.household_id')
    .orderBy('people.id')
    .execute()
}
export type SurveyPersonRow = Awaited<ReturnType<typeof villagePeople>>[number]

const linkColumns = ['people.how_went', 'people.organised_channel', 'people.station_id', 'people.batch_id', 'people.job_id', 'people.course_id'] as const

export interface VillageStamp {
  numbers: { people: number; ids: number; versions: number; updated: string | null; created: string | null; checks: number; checked: string | null; conflicts: number }
  /** The records the village's people went by (station, batch, posting, course), once each: their names are in the list. */
  links: Array<{ how_went: string; organised_channel: string | null; station_id: number | null; batch_id: number | null; job_id: number | null; course_id: number | null }>
}

/**
 * What a village's list is made of (its version stamp), in one statement: one pass over the village's people by
 * people_village_idx, each beside their check of the round (an index-only probe of survey_checks_round_person_uq, 0037),
 * grouped by the records they went by, so the groups give those records and their sums give the numbers. A versioned
 * write raises the sum of versions and the newest updated_at; a move in or out, a merge or an erasure changes the count
 * and the sum of ids; a check (无变化 too) writes checked_at, its note and flag with it.
 */
export async function villageStamp(db: Kysely<DB>, roundId: number, villageId: number): Promise<VillageStamp> {
  const groups = await db
    .selectFrom('people')
    .leftJoin('survey_checks as c', (j) => j.onRef('c.person_id', '=', 'people.id').on('c.round_id', '=', roundId))
    .select(linkColumns)
    .select((eb) => [
      eb.fn.countAll().as('people'),
      eb.fn.sum<number>('people.id').as('ids'),
      eb.fn.sum<number>('people.version').as('versions'),
      eb.fn.max('people.updated_at').as('updated'),
      eb.fn.max('people.created_at').as('created'),
      eb.fn.count('c.id').as('checks'),
      eb.fn.max('c.checked_at').as('checked'),
      eb.fn.sum<number>('c.conflict').as('conflicts'),
    ])
    .where('people.village_id', '=', villageId)
    .groupBy(linkColumns)
    .execute()
  const sum = (k: 'people' | 'ids' | 'versions' | 'checks' | 'conflicts') => groups.reduce((n, g) => n + toCount(g[k] as number | string | null), 0)
  const max = (k: 'updated' | 'created' | 'checked') => groups.reduce<string | null>((m, g) => (g[k] !== null && (m === null || g[k] > m) ? g[k] : m), null)
  return {
    numbers: { people: sum('people'), ids: sum('ids'), versions: sum('versions'), updated: max('updated'), created: max('created'), checks: sum('checks'), checked: max('checked'), conflicts: sum('conflicts') },
    // Sorted here rather than in SQL (a sort of every person there): a plan that groups another way gives the same stamp.
    links: groups
      .flatMap(({ how_went, organised_channel, station_id, batch_id, job_id, course_id }) => (how_went === null ? [] : [{ how_went, organised_channel, station_id, batch_id, job_id, course_id }]))
      .map((l) => ({ l, key: JSON.stringify(Object.values(l)) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ l }) => l),
  }
}

export async function surveyPersonOf(db: Kysely<DB>, roundId: number, personId: number): Promise<SurveyPersonRow | undefined> {
  return db
    .selectFrom('people')
    .leftJoin('survey_checks as c', (j) => j.onRef('c.person_id', '=', 'people.id').on('c.round_id', '=', roundId))
    .select(personColumns)
    .select(['c.checked_at', 'c.conflict', 'c.note'])
    .where('people.id', '=', personId)
    .executeTakeFirst()
}

export async function findCheck(db: Kysely<DB>, roundId: number, personId: number) {
  return db.selectFrom('survey_checks').selectAll().where('round_id', '=', roundId).where('person_id', '=', personId).executeTakeFirst()
}

export interface CheckValues {
  roundId: number
  personId: number
  staffId: number
  unchanged: boolean
  baseVersion: number
  version: number
  conflict: boolean
  note: string | null
  at: string
}

/** The round's one row per person: a later check replaces the earlier one (its changes stay in the person's history). */
export async function upsertCheck(db: Kysely<DB>, c: CheckValues): Promise<void> {
  const values = {
    staff_id: c.staffId,
    unchanged: c.unchanged ? 1 : 0,
    base_version: c.baseVersion,
    version: c.version,
    conflict: c.conflict ? 1 : 0,
    note: c.note,
    checked_at: c.at,
  } as const
  await db
    .insertInto('survey_checks')
    .values({ round_id: c.roundId, person_id: c.personId, ...values })
    .onConflict((oc) => oc.columns(['round_id', 'person_id']).doUpdateSet(values))
    .execute()
  // The person's mark for progress; a late check into an older round leaves a newer round's mark alone.
  await db
    .updateTable('people')
    .set({ survey_round_id: c.roundId, survey_conflict: c.conflict ? 1 : 0 })
    .where('id', '=', c.personId)
    .where((eb) => eb.or([eb('survey_round_id', 'is', null), eb('survey_round_id', '<=', c.roundId)]))
    .execute()
}

/** Versions written after `baseVersion` by anyone but this staff member (their own earlier checks are no conflict). */
export async function countOthersWritesSince(db: Kysely<DB>, personId: number, baseVersion: number, staffId: number): Promise<number> {
  const row = await db
    .selectFrom('person_versions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('person_id', '=', personId)
    .where('version', '>', baseVersion)
    .where((eb) => eb.or([eb('changed_by_staff_id', 'is', null), eb('changed_by_staff_id', '<>', staffId)]))
    .executeTakeFirstOrThrow()
  return toCount(row.n as number | string)
}

export interface ProgressRow {
  village_id: number
  village: string
  township: string
  total: number
  checked: number
  conflicts: number
}

/**
 * Per village with people: how many now live there, how many of them were checked in the round or registered after it
 * opened (a new person is entered as they stand), and how many carry a conflict.
 */
export async function progressByVillage(db: Kysely<DB>, round: { id: number; opened_at: string; current: boolean }, place: { township?: string; villageId?: number }): Promise<ProgressRow[]> {
  if (round.current) return currentProgressByVillage(db, round, place)
  let q = db
    .selectFrom('people')
    .innerJoin('villages', 'villages.id', 'people.village_id')
    .leftJoin('survey_checks as c', (j) => j.onRef('c.person_id', '=', 'people.id').on('c.round_id', '=', round.id))
    .select(['people.village_id', 'villages.name as village', 'villages.township'])
    .select((eb) => [
      eb.fn.countAll().as('total'),
      eb.fn.sum<number>(sql`case when c.id is not null or people.created_at >= ${round.opened_at} then 1 else 0 end`).as('checked'),
      eb.fn.sum<number>(sql`case when c.conflict = 1 then 1 else 0 end`).as('conflicts'),
    ])
    .groupBy(['people.village_id', 'villages.name', 'villages.township'])
  if (place.township !== undefined) q = q.where('people.township', '=', place.township)
  if (place.villageId !== undefined) q = q.where('people.village_id', '=', place.villageId)
  const rows = await q.execute()
  return rows.map((r) => ({
    village_id: r.village_id,
    village: r.village,
    township: r.township,
    total: toCount(r.total as number | string),
    checked: toCount(r.checked as number | string | null),
    conflicts: toCount(r.conflicts as number | string | null),
  }))
}

/**
 * The same for the newest round, read from each person's mark (the newest round they were checked in): one pass over
 * the index people_survey_idx, no join with the round's checks; village names are read after, for the few hundred.
 */
async function currentProgressByVillage(db: Kysely<DB>, round: { id: number; opened_at: string }, place: { township?: string; villageId?: number }): Promise<ProgressRow[]> {
  let q = db
    .selectFrom('people')
    .select('village_id')
    .select((eb) => [
      eb.fn.countAll().as('total'),
      eb.fn.sum<number>(sql`case when survey_round_id = ${round.id} or created_at >= ${round.opened_at} then 1 else 0 end`).as('checked'),
      eb.fn.sum<number>(sql`case when survey_round_id = ${round.id} and survey_conflict = 1 then 1 else 0 end`).as('conflicts'),
    ])
    .groupBy('village_id')
  // A township by its villages (a village lies in one township), so the index is read village by village.
  if (place.township !== undefined) {
    const township = place.township
    q = q.where('village_id', 'in', (eb) => eb.selectFrom('villages').select('villages.id').where('villages.township', '=', township))
  }
  if (place.villageId !== undefined) q = q.where('village_id', '=', place.villageId)
  const rows = await q.execute()
  if (rows.length === 0) return []
  const villages = new Map((await db.selectFrom('villages').select(['id', 'name', 'township']).where('id', 'in', rows.map((r) => r.village_id)).execute()).map((v) => [v.id, v]))
  return rows.flatMap((r) => {
    const v = villages.get(r.village_id)
    if (!v) return []
    return [{ village_id: r.village_id, village: v.name, township: v.township, total: toCount(r.total as number | string), checked: toCount(r.checked as number | string | null), conflicts: toCount(r.conflicts as number | string | null) }]
  })
}

/** The person's check in the current (newest) round when it carries the conflict flag: the roster person page shows it. */
export async function conflictInCurrentRound(db: Kysely<DB>, personId: number) {
  const round = await db.selectFrom('survey_rounds').select(['id', 'name']).orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
  if (!round) return undefined
  const check = await db
    .selectFrom('survey_checks')
    .select('checked_at')
    .where('round_id', '=', round.id)
    .where('person_id', '=', personId)
    .where('conflict', '=', 1)
    .executeTakeFirst()
  return check ? { roundId: round.id, round: round.name, checkedAt: check.checked_at } : undefined
}
