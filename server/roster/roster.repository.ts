/**
 * Every roster query. `people` holds each person's current state; `person_versions` every state they were ever in,
 * valid over [valid_from, valid_to). A list "as of" an instant reads the versions alive at it, with the same filters
 * (the versions table is aliased `people`, and both carry the same state columns).
 */
import { type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely'
import type { DB, PersonStateColumns } from '../db/schema'
import { dialectOf, toCount } from '../db/dialect'
import { awayStatuses } from '../../types'
import { keptCount, stepNowGroups } from './labour-figures.repository'
import { keepRisks } from './person-risks.repository'

/** valid_to of the state that holds now: later than any instant the app will see. */
export const CURRENT_UNTIL = '9999-12-31T23:59:59.999Z'

export type PersonState = PersonStateColumns

export interface PeopleFilter {
  township?: string
  villageId?: number
  status?: string
  poverty?: string
  destinationProvince?: string
  /** 苏州市 (the city as written) */
  destinationCity?: string
  trade?: string
  /** Any of these (a ledger kind: working away is two statuses). */
  statusIn?: readonly string[]
  povertyIn?: readonly string[]
  statusLastYearIn?: readonly string[]
  /** None of these. */
  statusNotIn?: readonly string[]
  /** Part of a name */
  q?: string
  /** Station read scope: people working away in the station's city, or sent through it. */
  stationId?: number
  awayStatuses: readonly string[]
}

const stateColumns = [
  'township', 'village_id', 'group_name', 'name', 'id_number_enc', 'id_number_hash', 'phone_enc', 'phone_hash', 'sex', 'birth_year',
  'household_id', 'relation', 'poverty', 'work_ability', 'status', 'return_reason', 'destination_province', 'destination_city', 'employer',
  'trade', 'income_band', 'how_went', 'organised_channel', 'station_id', 'batch_id', 'job_id', 'course_id', 'broker_name', 'status_since',
  'status_last_year', 'user_id', 'version', 'source',
] as const satisfies readonly (keyof PersonStateColumns)[]

const selected = stateColumns.map((c) => `people.${c}` as const)

export type PersonRow = PersonState & { id: number; created_at: string; updated_at: string; village_name: string }

type PeopleQuery = SelectQueryBuilder<DB, 'people' | 'villages', PersonRow>

/** The people as they are now, or (cutoff) as they stood just before that instant, with their village's name. */
function peopleAt(db: Kysely<DB>, cutoff?: string): PeopleQuery {
  return (rowsAt(db, cutoff) as SelectQueryBuilder<DB, 'people', object>)
    .innerJoin('villages', 'villages.id', 'people.village_id')
    .select(selected)
    .select('villages.name as village_name')
    .select([
      sql<number>`${idOf(cutoff)}`.as('id'),
      'people.created_at',
      sql<string>`${sql.ref(cutoff === undefined ? 'people.updated_at' : 'people.valid_from')}`.as('updated_at'),
    ]) as unknown as PeopleQuery
}

/** The rows alone, nothing selected and no join: counts read them, so an index can answer by itself. */
function rowsAt(db: Kysely<DB>, cutoff?: string): SelectQueryBuilder<DB, 'people', object> {
  if (cutoff === undefined) return db.selectFrom('people')
  // person_versions under the name `people`: every filter reads the same column names on both.
  const versions = db.selectFrom('person_versions as people' as unknown as 'people')
  return versions.where(sql.ref('people.valid_from'), '<', cutoff).where(sql.ref('people.valid_to'), '>=', cutoff)
}

const idOf = (cutoff?: string) => sql.ref<number>(cutoff === undefined ? 'people.id' : 'people.person_id')

/** LIKE with the caller's % and _ taken literally. */
const likeContaining = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

function matches(f: PeopleFilter) {
  return (eb: ExpressionBuilder<DB, 'people' | 'villages'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = []
    if (f.township !== undefined) all.push(eb('people.township', '=', f.township))
    if (f.villageId !== undefined) all.push(eb('people.village_id', '=', f.villageId))
    if (f.status !== undefined) all.push(eb('people.status', '=', f.status))
    if (f.poverty !== undefined) all.push(eb('people.poverty', '=', f.poverty))
    if (f.destinationProvince !== undefined) all.push(eb('people.destination_province', '=', f.destinationProvince))
    if (f.destinationCity !== undefined) all.push(eb('people.destination_city', '=', f.destinationCity))
    if (f.trade !== undefined) all.push(eb('people.trade', '=', f.trade))
    if (f.statusIn !== undefined) all.push(eb('people.status', 'in', [...f.statusIn]))
    if (f.povertyIn !== undefined) all.push(eb('people.poverty', 'in', [...f.povertyIn]))
    if (f.statusLastYearIn !== undefined) all.push(eb('people.status_last_year', 'in', [...f.statusLastYearIn]))
    if (f.statusNotIn !== undefined) all.push(eb('people.status', 'not in', [...f.statusNotIn]))
    if (f.q) all.push(sql<SqlBool>`people.name like ${likeContaining(f.q)} escape '\\'`)
    if (f.stationId !== undefined) {
      const station = f.stationId
      all.push(
        eb.or([
          eb.and([
            eb('people.status', 'in', [...f.awayStatuses]),
            eb.exists(eb.selectFrom('stations').select('stations.id').where('stations.id', '=', station).whereRef('stations.city', '=', 'people.destination_city')),
          ]),
          eb('people.station_id', '=', station),
        ]),
      )
    }
    return eb.and(all)
  }
}

/** One page in id order after `afterId`, as of `cutoff` when given. */
export async function listPeople(db: Kysely<DB>, filter: PeopleFilter, page: { afterId?: number; limit: number }, cutoff?: string): Promise<PersonRow[]> {
  let q = peopleAt(db, cutoff).where(matches(filter))
  if (page.afterId !== undefined) q = q.where(idOf(cutoff), '>', page.afterId)
  return q.orderBy(idOf(cutoff)).limit(page.limit).execute()
}

export async function countPeople(db: Kysely<DB>, filter: PeopleFilter, cutoff?: string): Promise<number> {
  // Now is the versions that run to CURRENT_UNTIL, the same people as the rows: the groups kept now answer it too.
  const kept = await keptCount(db, filter, cutoff ?? CURRENT_UNTIL)
  if (kept !== undefined) return kept
  const row = await rowsAt(db, cutoff)
    .select((eb) => eb.fn.countAll().as('n'))
    .where(matches(filter) as never)
    .executeTakeFirstOrThrow()
  return toCount(row.n as number | string)
}

export async function findPerson(db: Kysely<DB>, id: number): Promise<PersonRow | undefined> {
  return peopleAt(db).where('people.id', '=', id).executeTakeFirst()
}

/** Several people by id in one read (a page of a list kept elsewhere), in id order; ids with no person are left out. */
export async function findPeople(db: Kysely<DB>, ids: readonly number[]): Promise<PersonRow[]> {
  if (!ids.length) return []
  return peopleAt(db).where('people.id', 'in', [...ids]).orderBy('people.id').execute()
}

/**
 * Locks the row on PostgreSQL (SQLite's write transaction already holds the one lock), then reads it. The lock is
 * taken on `people` alone: a FOR UPDATE over the join with villages rechecks the join against the village it first
 * saw, so a writer who waited on someone moving the person to another village found no row (a 404). Under READ
 * COMMITTED the read after the lock sees the state the other writer committed.
 */
export async function findPersonForUpdate(db: Kysely<DB>, id: number): Promise<PersonRow | undefined> {
  if (dialectOf(db) === 'postgres' && !(await db.selectFrom('people').select('id').where('id', '=', id).forUpdate().executeTakeFirst())) return undefined
  return findPerson(db, id)
}

export async function findPersonByIdNumberHash(db: Kysely<DB>, hash: string) {
  return db.selectFrom('people').select(['id', 'name', 'township', 'village_id']).where('id_number_hash', '=', hash).executeTakeFirst()
}

export async function householdMembers(db: Kysely<DB>, householdId: number): Promise<PersonRow[]> {
  return peopleAt(db).where('people.household_id', '=', householdId).orderBy('people.id').execute()
}

export async function findHousehold(db: Kysely<DB>, id: number) {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The household's head other than `except`, if any. */
export async function otherHead(db: Kysely<DB>, householdId: number, except?: number) {
  let q = db.selectFrom('people').select(['id', 'name']).where('household_id', '=', householdId).where('relation', '=', 'head')
  if (except !== undefined) q = q.where('id', '!=', except)
  return q.executeTakeFirst()
}

export async function insertHousehold(db: Kysely<DB>, h: { township: string; villageId: number; at: string }): Promise<number> {
  const row = await db.insertInto('households').values({ township: h.township, village_id: h.villageId, created_at: h.at }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function insertPerson(db: Kysely<DB>, state: PersonState, at: string): Promise<number> {
  const row = await db
    .insertInto('people')
    .values({ ...state, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Writes the new state only over the version the writer read; false when someone else got there first. */
export async function updatePerson(db: Kysely<DB>, id: number, fromVersion: number, state: PersonState, at: string): Promise<boolean> {
  const r = await db
    .updateTable('people')
    .set({ ...state, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', fromVersion)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export interface VersionActor {
  staffId: number | null
  userId: number | null
}

/**
 * Ends the version that held until `at` and starts the new one from `at`; the county's groups now move the person from
 * the old version's group to the new one's in this transaction (stepNowGroups), and the kept risk list their row
 * (keepRisks: the record is written before its version, so the row reads the new state).
 */
export async function writeVersion(
  db: Kysely<DB>,
  personId: number,
  state: PersonState,
  v: { at: string; createdAt: string; actor: VersionActor; changes: unknown },
): Promise<void> {
  const closed = await db
    .updateTable('person_versions')
    .set({ valid_to: v.at })
    .where('person_id', '=', personId)
    .where('valid_to', '=', CURRENT_UNTIL)
    .returning(['township', 'status', 'destination_province', 'how_went', 'income_band'])
    .execute()
  await stepNowGroups(db, v.at, closed[0], state, awayStatuses)
  await db
    .insertInto('person_versions')
    .values({
      ...state,
      person_id: personId,
      valid_from: v.at,
      valid_to: CURRENT_UNTIL,
      created_at: v.createdAt,
      changed_by_staff_id: v.actor.staffId,
      changed_by_user_id: v.actor.userId,
      changes_json: JSON.stringify(v.changes),
    })
    .execute()
  await keepRisks(db, [personId])
}

export async function listVersions(db: Kysely<DB>, personId: number, page: { beforeVersion?: number; limit: number }) {
  let q = db
    .selectFrom('person_versions')
    .leftJoin('staff', 'staff.id', 'person_versions.changed_by_staff_id')
    .select([
      'person_versions.version',
      'person_versions.valid_from',
      'person_versions.source',
      'person_versions.changed_by_staff_id',
      'person_versions.changed_by_user_id',
      'person_versions.changes_json',
      'staff.display_name as staff_name',
    ])
    .where('person_versions.person_id', '=', personId)
  if (page.beforeVersion !== undefined) q = q.where('person_versions.version', '<', page.beforeVersion)
  return q.orderBy('person_versions.version', 'desc').limit(page.limit).execute()
}

/** Which of the organised-move links name records that exist: field → exists. */
export async function missingLinks(db: Kysely<DB>, links: { stationId: number | null; batchId: number | null; jobId: number | null; courseId: number | null }) {
  const missing: string[] = []
  const check = async (field: string, table: 'stations' | 'transport_batches' | 'jobs' | 'courses', id: number | null) => {
    if (id !== null && !(await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst())) missing.push(field)
  }
  await check('stationId', 'stations', links.stationId)
  await check('batchId', 'transport_batches', links.batchId)
  await check('jobId', 'jobs', links.jobId)
  await check('courseId', 'courses', links.courseId)
  return missing
}

export interface AwayGroup {
  township: string
  status: string
  destination_province: string | null
  how_went: string | null
  income_band: string | null
  n: number
}

/** People working away at `cutoff` (or now), counted by township, status, province, how they went and income band. */
export async function awayGroups(db: Kysely<DB>, f: { township?: string; awayStatuses: readonly string[] }, cutoff?: string): Promise<AwayGroup[]> {
  let q = rowsAt(db, cutoff).where('people.status', 'in', [...f.awayStatuses])
  if (f.township !== undefined) q = q.where('people.township', '=', f.township)
  const rows = await q
    .select(['people.township', 'people.status', 'people.destination_province', 'people.how_went', 'people.income_band'])
    .select((eb) => eb.fn.countAll().as('n'))
    .groupBy(['people.status', 'people.township', 'people.destination_province', 'people.how_went', 'people.income_band'])
    .execute()
  return rows.map((r) => ({ ...r, n: toCount(r.n as number | string) }))
}
