/** All SQL for employer records (用工单位). Every function takes the database or a transaction first. */
import { type Kysely, sql, type Updateable } from 'kysely'
import { toCount } from '../db/dialect'
import type { DB, EmployerTable } from '../db/schema'

type Executor = Kysely<DB>

export async function findEmployerById(db: Executor, id: number) {
  return db
    .selectFrom('employers as e')
    .leftJoin('stations as vs', 'vs.id', 'e.verified_by_station_id')
    .selectAll('e')
    .select('vs.name as verified_station_name')
    .where('e.id', '=', id)
    .executeTakeFirst()
}
export type EmployerRow = NonNullable<Awaited<ReturnType<typeof findEmployerById>>>

/** The employer of this name, made when there is none yet; `since` is when the county first worked with it. */
export async function findOrCreateEmployer(trx: Executor, name: string, now: Date): Promise<number> {
  const at = now.toISOString()
  await trx
    .insertInto('employers')
    .values({ name, since: at, created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await trx.selectFrom('employers').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  return row.id
}

/**
 * Postings written without an employer record (the seed, bulk loads) get one by name, as 0032 did for
 * postings before it; `since` is the first such posting.
 */
export async function linkJobsToEmployers(trx: Executor): Promise<void> {
  await sql`insert into employers (name, since, created_at)
    select employer_name, min(posted_at), min(created_at) from jobs
    where employer_id is null and not exists (select 1 from employers e where e.name = jobs.employer_name)
    group by employer_name`.execute(trx)
  await sql`update jobs set employer_id = (select e.id from employers e where e.name = jobs.employer_name) where employer_id is null`.execute(trx)
  // An employer one of whose postings was checked is checked, by the first such check.
  const first = (column: string) =>
    sql.raw(`(select j.${column} from jobs j where j.employer_id = employers.id and j.employer_verified = 1 order by j.verified_at, j.id limit 1)`)
  await sql`update employers set verified_at = ${first('verified_at')}, verified_by_station_id = ${first('verified_by_station_id')},
      verified_by_staff_id = ${first('verified_by_staff_id')}
    where verified_at is null and exists (select 1 from jobs j where j.employer_id = employers.id and j.employer_verified = 1 and j.verified_at is not null)`.execute(trx)
}

export async function updateEmployer(trx: Executor, id: number, set: Updateable<EmployerTable>): Promise<void> {
  await trx.updateTable('employers').set(set).where('id', '=', id).execute()
}

export async function findEmployerByCreditCode(db: Executor, code: string) {
  return db.selectFrom('employers').select(['id', 'name']).where('credit_code', '=', code).executeTakeFirst()
}

/** Its history with the county, counts only. */
export async function countEmployerHistory(db: Executor, id: number, name: string) {
  const jobs = await db
    .selectFrom('jobs')
    .select((eb) => [
      eb.fn.countAll().as('postings'),
      eb.fn.sum(eb.case().when('status', '=', 'open').then(1).else(0).end()).as('open_postings'),
      eb.fn.sum('hired_count').as('hires'),
    ])
    .where('employer_id', '=', id)
    .executeTakeFirstOrThrow()
  const reports = await db
    .selectFrom('job_reports')
    .innerJoin('jobs', 'jobs.id', 'job_reports.job_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('jobs.employer_id', '=', id)
    .executeTakeFirstOrThrow()
  const cases = await db
    .selectFrom('rights_requests')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum(eb.case().when('category', '=', 'unpaid_wages').then(1).else(0).end()).as('unpaid')])
    .where('employer_name', '=', name)
    .executeTakeFirstOrThrow()
  const n = (v: unknown) => toCount((v ?? 0) as number)
  return {
    postings: n(jobs.postings),
    openPostings: n(jobs.open_postings),
    hires: n(jobs.hires),
    reports: n(reports.n),
    rightsCases: n(cases.n),
    unpaidWageCases: n(cases.unpaid),
  }
}

/** Its newest postings, every station's. */
export async function listEmployerPostings(db: Executor, id: number, limit: number) {
  return db
    .selectFrom('jobs')
    .innerJoin('stations as src', 'src.id', 'jobs.source_station_id')
    .select(['jobs.id', 'jobs.title', 'jobs.status', 'jobs.posted_at', 'jobs.headcount', 'jobs.hired_count', 'jobs.source_station_id', 'src.name as source_name'])
    .where('jobs.employer_id', '=', id)
    .orderBy('jobs.id', 'desc')
    .limit(limit)
    .execute()
}

/** Whether the employer ever posted through this station (its staff may then see and check the record). */
export async function hasPostingFromStation(db: Executor, id: number, stationId: number): Promise<boolean> {
  const row = await db.selectFrom('jobs').select('id').where('employer_id', '=', id).where('source_station_id', '=', stationId).limit(1).executeTakeFirst()
  return row !== undefined
}

/** Closes every open posting of the employer; returns their ids. */
export async function closeOpenJobsOf(trx: Executor, id: number): Promise<number[]> {
  const rows = await trx.updateTable('jobs').set({ status: 'closed' }).where('employer_id', '=', id).where('status', '=', 'open').returning('id').execute()
  return rows.map((r) => r.id)
}

/** Records the first check of an employer; one already checked keeps its first check. */
export async function markEmployerVerified(trx: Executor, id: number, stationId: number, staffId: number, now: Date): Promise<void> {
  await trx
    .updateTable('employers')
    .set({ verified_at: now.toISOString(), verified_by_station_id: stationId, verified_by_staff_id: staffId })
    .where('id', '=', id)
    .where('verified_at', 'is', null)
    .execute()
}
