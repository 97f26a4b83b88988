/**
 * Follow-up queries: contacts with people (输转后回访), riders waiting for their first contact after a batch left,
 * and the people at risk (防返贫): 脱贫户 and 监测户 without work, or who reported unpaid wages or an injury.
 */
import type { Expression, ExpressionBuilder, Insertable, Kysely, SqlBool } from 'kysely'
import type { DB, PersonContactTable, PersonRiskActionTable } from '../db/schema'
import { toCount } from '../db/dialect'
import { keepRisks } from './person-risks.repository'

/** Whose people: a township, a village, or a station's (working away in its city, or sent through it). */
export interface ScopeFilter {
  township?: string
  villageId?: number
  stationId?: number
  awayStatuses: readonly string[]
}

export function inScope(f: ScopeFilter) {
  return (eb: ExpressionBuilder<DB, 'people'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = []
    if (f.township !== undefined) all.push(eb('people.township', '=', f.township))
    if (f.villageId !== undefined) all.push(eb('people.village_id', '=', f.villageId))
    if (f.stationId !== undefined) {
      const station = f.stationId
      all.push(
        eb.or([
          eb('people.station_id', '=', station),
          eb.and([
            eb('people.status', 'in', [...f.awayStatuses]),
            eb.exists(eb.selectFrom('stations').select('stations.id').where('stations.id', '=', station).whereRef('stations.city', '=', 'people.destination_city')),
          ]),
        ]),
      )
    }
    return eb.and(all)
  }
}

const chunks = (ids: readonly number[], size = 500) => Array.from({ length: Math.ceil(ids.length / size) }, (_, i) => ids.slice(i * size, (i + 1) * size))

// ---------------------------------------------------------------------------------------------------------------
// Contacts

/** A report of unpaid wages or an injury lists the person at risk (keepRisks, in the contact's transaction). */
export async function insertContact(db: Kysely<DB>, values: Insertable<PersonContactTable>): Promise<number> {
  const id = (await db.insertInto('person_contacts').values(values).returning('id').executeTakeFirstOrThrow()).id
  await keepRisks(db, [values.person_id])
  return id
}

function contacts(db: Kysely<DB>) {
  return db
    .selectFrom('person_contacts as c')
    .leftJoin('staff', 'staff.id', 'c.staff_id')
    .select(['c.id', 'c.person_id', 'c.staff_id', 'c.channel', 'c.outcome', 'c.note', 'c.contacted_on', 'c.created_at', 'staff.display_name as staff_name'])
}
export type ContactRow = Awaited<ReturnType<ReturnType<typeof contacts>['executeTakeFirstOrThrow']>>

export async function findContact(db: Kysely<DB>, id: number) {
  return contacts(db).where('c.id', '=', id).executeTakeFirst()
}

/** Newest first (by id: recorded order). */
export async function listContacts(db: Kysely<DB>, personId: number, page: { beforeId?: number; limit: number }) {
  let q = contacts(db).where('c.person_id', '=', personId)
  if (page.beforeId !== undefined) q = q.where('c.id', '<', page.beforeId)
  return q.orderBy('c.id', 'desc').limit(page.limit).execute()
}

export async function latestContacts(db: Kysely<DB>, personIds: readonly number[]): Promise<Map<number, ContactRow>> {
  const latest = new Map<number, ContactRow>()
  if (!personIds.length) return latest
  for (const ids of chunks(personIds)) {
    for (const row of await contacts(db).where('c.person_id', 'in', ids).orderBy('c.id').execute()) latest.set(row.person_id, row)
  }
  return latest
}

// ---------------------------------------------------------------------------------------------------------------
// Follow-ups: riders of departed batches without a contact since

function followUps(db: Kysely<DB>, f: ScopeFilter, departedBy: string) {
  return db
    .selectFrom('transport_signups as s')
    .innerJoin('transport_batches as b', 'b.id', 's.batch_id')
    .innerJoin('people', 'people.user_id', 's.user_id')
    .where('b.status', '=', 'departed')
    .where('b.departed_at', '<=', departedBy)
    .where('s.status', '=', 'active')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('person_contacts as c').select('c.id').whereRef('c.person_id', '=', 'people.id').whereRef('c.created_at', '>=', 'b.departed_at'))))
    .where(inScope(f) as never)
}

/** Longest waiting first: by departure, then seat. */
export async function listFollowUps(db: Kysely<DB>, f: ScopeFilter, departedBy: string, page: { after?: { d: string; id: number }; limit: number }) {
  let q = followUps(db, f, departedBy).select([
    's.id as signup_id',
    'people.id as person_id',
    'b.id as batch_id',
    'b.departed_at',
    'b.destination_province',
    'b.destination_city',
    'b.station_id',
  ])
  const after = page.after
  if (after) q = q.where((eb) => eb.or([eb('b.departed_at', '>', after.d), eb.and([eb('b.departed_at', '=', after.d), eb('s.id', '>', after.id)])]))
  return q.orderBy('b.departed_at').orderBy('s.id').limit(page.limit).execute()
}

export async function countFollowUps(db: Kysely<DB>, f: ScopeFilter, departedBy: string): Promise<number> {
  const row = await followUps(db, f, departedBy).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  return toCount(row.n as number | string)
}

// ---------------------------------------------------------------------------------------------------------------
// Risk

/**
 * 脱贫户 and 监测户 without work, with what tells since when: status_since as the officer wrote it, else the end of
 * their last version at work (null: never at work on the roster, then since they were registered). The versions are
 * walked only for people without a status_since (about half, county-wide: the walk was most of the list's cost).
 */
export async function joblessCandidates(db: Kysely<DB>, f: ScopeFilter, g: { poverty: readonly string[]; jobless: readonly string[]; working: readonly string[] }) {
  return db
    .selectFrom('people')
    .select((eb) => [
      'people.id',
      'people.status_since',
      'people.created_at',
      eb
        .case()
        .when('people.status_since', 'is', null)
        .then(
          eb
            .selectFrom('person_versions as v')
            .select((v) => v.fn.max('v.valid_to').as('t'))
            .whereRef('v.person_id', '=', 'people.id')
            .where('v.status', 'in', [...g.working]),
        )
        .end()
        .as('last_work_end'),
    ])
    .where('people.poverty', 'in', [...g.poverty])
    .where('people.status', 'in', [...g.jobless])
    .where(inScope(f))
    .execute()
}

/** Contacts that reported unpaid wages or an injury, of 脱贫户 and 监测户 in scope, oldest first. */
export async function reportedRisks(db: Kysely<DB>, f: ScopeFilter, g: { poverty: readonly string[]; outcomes: readonly string[] }) {
  return db
    .selectFrom('person_contacts as c')
    .innerJoin('people', 'people.id', 'c.person_id')
    .select(['c.id', 'c.person_id', 'c.outcome', 'c.contacted_on', 'c.created_at'])
    .where('c.outcome', 'in', [...g.outcomes])
    .where('people.poverty', 'in', [...g.poverty])
    .where(inScope(f) as never)
    .orderBy('c.id')
    .execute()
}

/** An action answers the risks that began before it: the kept row goes, in the action's transaction. */
export async function insertRiskAction(db: Kysely<DB>, values: Insertable<PersonRiskActionTable>): Promise<number> {
  const id = (await db.insertInto('person_risk_actions').values(values).returning('id').executeTakeFirstOrThrow()).id
  await keepRisks(db, [values.person_id])
  return id
}

function riskActions(db: Kysely<DB>) {
  return db
    .selectFrom('person_risk_actions as a')
    .leftJoin('staff', 'staff.id', 'a.staff_id')
    .select(['a.id', 'a.person_id', 'a.staff_id', 'a.action', 'a.note', 'a.created_at', 'staff.display_name as staff_name'])
}
export type RiskActionRow = Awaited<ReturnType<ReturnType<typeof riskActions>['executeTakeFirstOrThrow']>>

export async function findRiskAction(db: Kysely<DB>, id: number) {
  return riskActions(db).where('a.id', '=', id).executeTakeFirst()
}

export async function latestRiskActions(db: Kysely<DB>, personIds: readonly number[]): Promise<Map<number, RiskActionRow>> {
  const latest = new Map<number, RiskActionRow>()
  if (!personIds.length) return latest
  // A county-wide risk list names thousands of people: in slices, under every driver's limit on parameters.
  for (const ids of chunks(personIds)) {
    for (const row of await riskActions(db).where('a.person_id', 'in', ids).orderBy('a.id').execute()) latest.set(row.person_id, row)
  }
  return latest
}
