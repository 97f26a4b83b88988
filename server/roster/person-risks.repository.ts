/**
 * The risk list (防返贫) kept per person, so the county's page is an index range instead of a walk of every candidate.
 * A row stands while a 脱贫户 or 监测户 has a risk no action answered: a stretch without work (its first day kept,
 * listed once that day is 30 or more days ago, so the passage of time needs no sweep, only the read's date) or the
 * latest report of unpaid wages or an injury. Every write that can change it (a version, a contact, a risk action,
 * an import, a merge, an erasure, an account's unlinking) calls keepRisks for its people in its own transaction,
 * which reads them again from the roster: a row is never adjusted, only recomputed, so it cannot drift by a step.
 */
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import type { DB, PersonRiskTable } from '../db/schema'
import { toCount } from '../db/dialect'
import { chinaDate } from '../lib/dates'

export const POVERTY_WATCHED = ['alleviated', 'monitored'] as const
/** Able to work and not at work: 返乡回流, waiting to go, not wanting to, other. School, service and illness are not. */
export const JOBLESS = ['returned', 'willing', 'unwilling', 'other'] as const
export const REPORTED = ['wages_unpaid', 'injured'] as const
/** workingStatuses (types/roster.ts), repeated to keep the repository free of the contract. */
const WORKING = ['away_other_province', 'away_in_province', 'local_work'] as const

const chunks = (ids: readonly number[], size = 500) => Array.from({ length: Math.ceil(ids.length / size) }, (_, i) => ids.slice(i * size, (i + 1) * size))

/** Since when without work: status_since as the officer wrote it, else the end of the last version at work, else registration. */
export const joblessSince = (p: { status_since: string | null; created_at: string }, lastWorkEnd: string | null) =>
  p.status_since ?? chinaDate(new Date(lastWorkEnd ?? p.created_at))

/** The instant a stretch without work began (its first day's midnight, China time): an action from then on answers it. */
export const beganAt = (since: string) => new Date(`${since}T00:00:00+08:00`).toISOString()

/** Recomputes the kept rows of these people from the roster, their contacts and their risk actions. */
export async function keepRisks(db: Kysely<DB>, personIds: readonly number[]): Promise<void> {
  for (const ids of chunks([...new Set(personIds)])) {
    const people = await db
      .selectFrom('people')
      .select((eb) => [
        'people.id',
        'people.township',
        'people.village_id',
        'people.status',
        'people.status_since',
        'people.created_at',
        eb
          .case()
          .when('people.status_since', 'is', null)
          .then(eb.selectFrom('person_versions as v').select((v) => v.fn.max('v.valid_to').as('t')).whereRef('v.person_id', '=', 'people.id').where('v.status', 'in', [...WORKING]))
          .end()
          .as('last_work_end'),
      ])
      .where('people.id', 'in', ids)
      .where('people.poverty', 'in', [...POVERTY_WATCHED])
      .execute()
    const watched = people.map((p) => p.id)
    const reports = new Map<number, { id: number; outcome: string; contacted_on: string; created_at: string }>()
    const actions = new Map<number, string>()
    if (watched.length) {
      const contacts = await db
        .selectFrom('person_contacts')
        .select(['id', 'person_id', 'outcome', 'contacted_on', 'created_at'])
        .where('person_id', 'in', watched)
        .where('outcome', 'in', [...REPORTED])
        .orderBy('id')
        .execute()
      for (const c of contacts) reports.set(c.person_id, c)
      // The latest action is the last recorded (by id), as the list has always read it.
      const done = await db.selectFrom('person_risk_actions').select(['person_id', 'created_at']).where('person_id', 'in', watched).orderBy('id').execute()
      for (const a of done) actions.set(a.person_id, a.created_at)
    }
    const rows: PersonRiskTable[] = []
    for (const p of people) {
      const action = actions.get(p.id)
      let since: string | null = null
      if ((JOBLESS as readonly string[]).includes(p.status)) {
        since = joblessSince(p, p.last_work_end as string | null)
        if (action !== undefined && !(beganAt(since) > action)) since = null
      }
      let report = reports.get(p.id) ?? null
      if (report && action !== undefined && !(report.created_at > action)) report = null
      if (since === null && report === null) continue
      rows.push({
        person_id: p.id,
        township: p.township,
        village_id: p.village_id,
        jobless_since: since,
        report_contact_id: report?.id ?? null,
        report_outcome: report?.outcome ?? null,
        report_on: report?.contacted_on ?? null,
      })
    }
    // Recomputed whole: the writer holds the person's row lock (or SQLite's one writer), so no other write interleaves.
    await db.deleteFrom('person_risks').where('person_id', 'in', ids).execute()
    if (rows.length) await db.insertInto('person_risks').values(rows).execute()
  }
}

/** Forgets a person who leaves the roster (merged away or erased). */
export async function forgetRisk(db: Kysely<DB>, personId: number): Promise<void> {
  await db.deleteFrom('person_risks').where('person_id', '=', personId).execute()
}

/** The kept list's scope: a township or village from the kept row; a station's reach from the person's record. */
export interface RiskScope {
  township?: string
  villageId?: number
  /** People working away in the station's city, or sent through it (roster.repository's station scope). */
  station?: (eb: ExpressionBuilder<DB, 'people'>) => Expression<SqlBool>
}

/** Everyone listed on `today`: a stretch without work begun on `listedBy` or before, or a report. */
function listed(db: Kysely<DB>, scope: RiskScope, listedBy: string) {
  let q = db
    .selectFrom('person_risks as r')
    .where((eb) => eb.or([eb('r.jobless_since', '<=', listedBy), eb('r.report_contact_id', 'is not', null)]))
  if (scope.township !== undefined) q = q.where('r.township', '=', scope.township)
  if (scope.villageId !== undefined) q = q.where('r.village_id', '=', scope.villageId)
  const station = scope.station
  if (station) return q.innerJoin('people', 'people.id', 'r.person_id').where((eb) => station(eb as never))
  return q
}

export type ListedRisk = Pick<PersonRiskTable, 'person_id' | 'jobless_since' | 'report_contact_id' | 'report_outcome' | 'report_on'>

/** In person id order, after `afterId`; `limit` undefined reads them all (the scheduler's township). */
export async function listKeptRisks(db: Kysely<DB>, scope: RiskScope, listedBy: string, page: { afterId?: number; limit?: number }): Promise<ListedRisk[]> {
  let q = listed(db, scope, listedBy).select(['r.person_id', 'r.jobless_since', 'r.report_contact_id', 'r.report_outcome', 'r.report_on'])
  if (page.afterId !== undefined) q = q.where('r.person_id', '>', page.afterId)
  q = q.orderBy('r.person_id')
  return page.limit !== undefined ? q.limit(page.limit).execute() : q.execute()
}

export async function countKeptRisks(db: Kysely<DB>, scope: RiskScope, listedBy: string): Promise<number> {
  const row = await listed(db, scope, listedBy).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  return toCount(row.n as number | string)
}

/**
 * Every kept row counted again from the roster: for a database written straight through SQL (the benchmarks' seeding),
 * never by the app, whose writes keep their people's rows.
 */
export async function rebuildRisks(db: Kysely<DB>): Promise<number> {
  await db.deleteFrom('person_risks').execute()
  const jobless = await db.selectFrom('people').select('id').where('poverty', 'in', [...POVERTY_WATCHED]).where('status', 'in', [...JOBLESS]).execute()
  const reported = await db
    .selectFrom('person_contacts as c')
    .innerJoin('people', 'people.id', 'c.person_id')
    .select('people.id')
    .distinct()
    .where('c.outcome', 'in', [...REPORTED])
    .where('people.poverty', 'in', [...POVERTY_WATCHED])
    .execute()
  await keepRisks(db, [...new Set([...jobless, ...reported].map((r) => r.id))].sort((a, b) => a - b))
  const row = await db.selectFrom('person_risks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  return toCount(row.n as number | string)
}
