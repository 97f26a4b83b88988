/** All SQL for job postings. Every function takes the database or a transaction first. */
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import type { DB } from '../db/schema'

export type Executor = Kysely<DB>

export interface JobFilter {
  q?: string
  province?: string
  city?: string
  trade?: string
  minWage?: number
  benefits?: readonly string[]
  sourceType?: string
  /** China date; postings whose expires_at is before it are expired. */
  today: string
}

export type JobOrder =
  | { sort: 'newest'; after?: { postedAt: string; id: number } }
  | { sort: 'wage'; after?: { wage: number; id: number } }
  | { sort: 'distance'; lat: number; lng: number; lngScale: number; offset: number }

/** `%` and `_` in what a worker typed are letters, not wildcards. */
export function likePattern(q: string): string {
  return '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'
}

const float = (value: number) => sql<number>`cast(${value} as double precision)`

function baseQuery(db: Executor) {
  return db
    .selectFrom('jobs')
    .innerJoin('stations as src', 'src.id', 'jobs.source_station_id')
    .leftJoin('stations as verifier', 'verifier.id', 'jobs.verified_by_station_id')
    .selectAll('jobs')
    .select([
      'src.name as source_name',
      'src.type as source_type',
      'src.phone as source_phone',
      'src.contact_person as source_contact_person',
      'verifier.name as verifier_name',
    ])
}

export type JobWithStations = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

/** Open, unexpired postings matching the filter, in the requested order, at most `limit` rows. */
export async function findOpenJobs(db: Executor, filter: JobFilter, order: JobOrder, limit: number): Promise<JobWithStations[]> {
  let query = baseQuery(db).where('jobs.status', '=', 'open').where('jobs.expires_at', '>=', filter.today)

  if (filter.q) {
    const pattern = likePattern(filter.q)
    query = query.where((eb) =>
      eb.or(
        (['jobs.title', 'jobs.employer_name', 'jobs.trade', 'jobs.description'] as const).map(
          (col) => sql<SqlBool>`${eb.ref(col)} like ${pattern} escape '\\'`,
        ),
      ),
    )
  }
  if (filter.province) query = query.where('jobs.province', '=', filter.province)
  if (filter.city) query = query.where('jobs.city', '=', filter.city)
  if (filter.trade) query = query.where('jobs.trade', '=', filter.trade)
  if (filter.minWage !== undefined) {
    // Only monthly wages compare with a monthly figure; day and piece rates are left out.
    query = query.where('jobs.wage_unit', '=', 'month').where('jobs.wage_max_yuan', '>=', filter.minWage)
  }
  for (const benefit of filter.benefits ?? []) {
    // benefits is a JSON array of enum words; the quotes make the match exact.
    query = query.where('jobs.benefits', 'like', `%${JSON.stringify(benefit)}%`)
  }
  if (filter.sourceType) query = query.where('src.type', '=', filter.sourceType)

  switch (order.sort) {
    case 'newest': {
      const after = order.after
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('jobs.posted_at', '<', after.postedAt),
            eb.and([eb('jobs.posted_at', '=', after.postedAt), eb('jobs.id', '<', after.id)]),
          ]),
        )
      }
      return query.orderBy('jobs.posted_at', 'desc').orderBy('jobs.id', 'desc').limit(limit).execute()
    }
    case 'wage': {
      const after = order.after
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('jobs.wage_max_yuan', '<', after.wage),
            eb.and([eb('jobs.wage_max_yuan', '=', after.wage), eb('jobs.id', '<', after.id)]),
          ]),
        )
      }
      return query.orderBy('jobs.wage_max_yuan', 'desc').orderBy('jobs.id', 'desc').limit(limit).execute()
    }
    case 'distance': {
      // Equirectangular: monotone enough with great-circle distance for ordering, and plain arithmetic on both dialects.
      const dx: Expression<number> = sql<number>`((jobs.lng - ${float(order.lng)}) * ${float(order.lngScale)})`
      const dy: Expression<number> = sql<number>`(jobs.lat - ${float(order.lat)})`
      return query
        .orderBy(sql`${dx} * ${dx} + ${dy} * ${dy}`)
        .orderBy('jobs.id', 'asc')
        .limit(limit)
        .offset(order.offset)
        .execute()
    }
  }
}

export async function findJobById(db: Executor, id: number): Promise<JobWithStations | undefined> {
  return baseQuery(db).where('jobs.id', '=', id).executeTakeFirst()
}

export async function countOpenJobsByTrade(db: Executor, today: string): Promise<Array<{ trade: string; n: string | number | bigint }>> {
  return db
    .selectFrom('jobs')
    .select(['trade', (eb) => eb.fn.countAll().as('n')])
    .where('status', '=', 'open')
    .where('expires_at', '>=', today)
    .groupBy('trade')
    .execute()
}
