/** All SQL for job postings. Every function takes the database or a transaction first. */
import { type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool, sql, type Updateable } from 'kysely'
import { dialectOf } from '../db/dialect'
import type { DB, JobTable } from '../db/schema'
import { planSearch, planWordSearch } from './job-search'
import { countGramCached } from './job-search.repository'


export type Executor = Kysely<DB>

export interface JobFilter {
  q?: string
  province?: string
  city?: string
  trade?: string
  minWage?: number
  benefits?: readonly string[]
  sourceType?: string
  stationId?: number
  /** The card's questions (payType, meals, housing, maxAge): see cardConditions. */
  card?: JobCardFilter
  /** China date; postings whose expires_at is before it are expired. */
  today: string
}

/** Filters on a posting's structured answers. Unknown (null) answers never match: a worker asked, and 未说明 is not yes. */
export interface JobCardFilter {
  /** The wage unit: month | day | piece */
  wageUnit?: string
  /** Meals provided (包吃) */
  meals?: boolean
  /** dorm (couple's rooms count: they come with a dorm) | couple | allowance */
  housing?: string
  /** The worker's age: the posting's range takes it */
  age?: number
}

export function hasCardFilter(card: JobCardFilter | undefined): boolean {
  return Boolean(card && (card.wageUnit || card.meals || card.housing || card.age !== undefined))
}

/**
 * 日结 and 计件 are a few percent of postings: their index (wage_unit, status, posted_at) walks straight to them. Monthly
 * pay is most postings, and on that index a province or search would be read from far more rows than from its own,
 * so `|| ''` keeps the planner off it (on both dialects) and the unit is checked row by row.
 */
function wageUnitOperand(unit: string) {
  return unit === 'month' ? sql<string>`jobs.wage_unit || ''` : sql<string>`jobs.wage_unit`
}

/** The card filters as one condition on `jobs`, kept apart from the search, place and sort logic above (the local list uses it too). */
export function cardConditions(eb: ExpressionBuilder<DB, 'jobs'>, card: JobCardFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = []
  if (card.wageUnit) all.push(eb(wageUnitOperand(card.wageUnit), '=', card.wageUnit))
  if (card.meals) all.push(eb('jobs.meals', '=', 'provided'))
  if (card.housing) all.push(card.housing === 'dorm' ? eb('jobs.housing', 'in', ['dorm', 'couple']) : eb('jobs.housing', '=', card.housing))
  if (card.age !== undefined) all.push(eb.and([eb('jobs.age_max', '>=', card.age), eb('jobs.age_min', '<=', card.age)]))
  return eb.and(all)
}

export type JobOrder =
  | { sort: 'newest'; after?: { postedAt: string; id: number } }
  | { sort: 'wage'; after?: { wage: number; id: number } }
  | { sort: 'distance'; lat: number; lng: number; lngScale: number; offset: number }

/**
 * A gram found in fewer postings than this drives the search from the index (then sorts the few
 * matches); a commoner one is checked posting by posting while walking the list order, which finds a
 * page of matches long before it runs out. Mutable so tests can send every search down either path.
 */
export const searchTuning = { rareGram: 1000 }

const float = (value: number) => sql<number>`cast(${value} as double precision)`

/** What a list card shows, and what list cursors and distance sorting read: a third of a posting's columns. */
const summaryColumns = [
  'jobs.id',
  'jobs.title',
  'jobs.employer_name',
  'jobs.employer_verified',
  'jobs.province',
  'jobs.city',
  'jobs.district',
  'jobs.lat',
  'jobs.lng',
  'jobs.wage_min_yuan',
  'jobs.wage_max_yuan',
  'jobs.wage_unit',
  'jobs.benefits',
  'jobs.headcount',
  'jobs.status',
  'jobs.posted_at',
  'jobs.expires_at',
  'jobs.source_station_id',
  'jobs.is_sample',
  // The card's 打电话: the employer's number when verified, else the source station's (jobs.service).
  'jobs.employer_phone',
  // The card's answers and the employer record (0032).
  'jobs.employer_id',
  'jobs.pay_schedule',
  'jobs.pay_day',
  'jobs.hours_per_day',
  'jobs.days_off',
  'jobs.meals',
  'jobs.housing',
  'jobs.age_min',
  'jobs.age_max',
  'jobs.social_insurance',
  'jobs.overtime_pay',
  'jobs.probation_months',
  'jobs.hired_count',
  'src.name as source_name',
  'src.phone as source_phone',
] as const

/** The joined rows' versions (0038): read with every card, every stamp and the detail (which has the posting's own). */
const joinedVersionColumns = ['src.row_version as src_row_version', 'emp.row_version as emp_row_version'] as const
/** The row versions a card is built from: read with every card's row and with every stamp. */
const versionColumns = ['jobs.row_version', ...joinedVersionColumns] as const

/**
 * `driver`: read the postings having this gram first (job_terms → jobs by id). CROSS JOIN is how
 * SQLite is told the join order; PostgreSQL plans it like any join.
 */
function fromJobs(db: Executor, driver?: string) {
  const jobsOnly = db.selectFrom('jobs')
  const from = driver
    ? (db
        .selectFrom('job_terms as hit')
        .crossJoin('jobs')
        .whereRef('jobs.id', '=', 'hit.job_id')
        .where('hit.term', '=', driver) as unknown as typeof jobsOnly)
    : jobsOnly
  return from
    .innerJoin('stations as src', 'src.id', 'jobs.source_station_id')
    .leftJoin('employers as emp', 'emp.id', 'jobs.employer_id')
}

/**
 * The employer record's part of every posting, for its trust line: the 欠薪 cases naming it are counted
 * per row shown (an index count on rights_requests_employer_idx), so the line is never stale.
 */
const employerColumns = [
  'emp.name as emp_name',
  'emp.status as emp_status',
  'emp.since as emp_since',
  'emp.verified_at as emp_verified_at',
  'emp.credit_code as emp_credit_code',
  unpaidCases().as('emp_unpaid_cases'),
] as const

function unpaidCases() {
  return sql<number | string>`(select count(*) from rights_requests r where r.employer_name = emp.name and r.category = 'unpaid_wages')`
}

/**
 * What a kept card depends on, and what the list's cursors read: a card built from rows with these same values is
 * the card they would build now (jobs/job-cards.ts). Integers but one: a tenth of the summary's cost to read.
 */
const stampColumns = [
  'jobs.id',
  'jobs.posted_at',
  'jobs.wage_max_yuan',
  ...versionColumns,
  unpaidCases().as('emp_unpaid_cases'),
] as const

/**
 * Lists read only the card's columns: turning a row's every column into JavaScript values was most
 * of a list query's time.
 */
export function summaryQuery(db: Executor, driver?: string) {
  return fromJobs(db, driver).select(summaryColumns).select(versionColumns).select(employerColumns)
}

function detailQuery(db: Executor) {
  return fromJobs(db)
    .leftJoin('stations as verifier', 'verifier.id', 'jobs.verified_by_station_id')
    .selectAll('jobs')
    .select(employerColumns)
    .select(['src.name as source_name', 'src.type as source_type', 'src.phone as source_phone', 'src.contact_person as source_contact_person', 'verifier.name as verifier_name'])
    .select(joinedVersionColumns)
}

export type JobSummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>
export type JobStampRow = Awaited<ReturnType<ReturnType<typeof stampQuery>['executeTakeFirstOrThrow']>>
export type JobWithStations = Awaited<ReturnType<ReturnType<typeof detailQuery>['executeTakeFirstOrThrow']>>

function stampQuery(db: Executor, driver?: string) {
  return fromJobs(db, driver).select(stampColumns)
}

/** Open, unexpired postings matching the filter, in the requested order, at most `limit` rows. */
export async function findOpenJobs(db: Executor, filter: JobFilter, order: JobOrder, limit: number): Promise<JobSummaryRow[]> {
  const query = await openJobsQuery(db, filter, order, limit, summaryQuery)
  return query ? query.execute() : []
}

/** The same postings as findOpenJobs, in the same order, each as the stamp of its card (see stampColumns). */
export async function findOpenJobStamps(db: Executor, filter: JobFilter, order: JobOrder, limit: number): Promise<JobStampRow[]> {
  const query = await openJobsQuery(db, filter, order, limit, stampQuery)
  return query ? query.execute() : []
}

/** Cards' rows by posting id, in no order; a posting gone since its stamp was read is left out. */
export async function findJobSummariesByIds(db: Executor, ids: readonly number[]): Promise<JobSummaryRow[]> {
  if (!ids.length) return []
  return summaryQuery(db).where('jobs.id', 'in', ids).execute()
}

/** Any filter besides the words, each of which has its own index or narrows the walk. */
function narrowed(filter: JobFilter): boolean {
  return Boolean(
    filter.province || filter.city || filter.trade || filter.minWage !== undefined || filter.benefits?.length || filter.sourceType || hasCardFilter(filter.card) || filter.stationId !== undefined,
  )
}

/** The list query with `columns`' selection; null when the search can match nothing. */
async function openJobsQuery<Q extends ReturnType<typeof stampQuery> | ReturnType<typeof summaryQuery>>(
  db: Executor,
  filter: JobFilter,
  order: JobOrder,
  limit: number,
  columns: (db: Executor, driver?: string) => Q,
): Promise<Q | null> {
  const plan = filter.q ? planSearch(filter.q) : null
  let grams = plan?.grams ?? []
  let driver: string | undefined
  if (plan?.impossible) return null
  if (grams.length) {
    const counts = await Promise.all(grams.map((g) => countGramCached(db, g, searchTuning.rareGram)))
    if (searchTuning.rareGram > 0 && counts.some((n) => n === 0)) return null
    const rarest = counts.indexOf(Math.min(...counts))
    // A search with nothing else to narrow it, newest first, walks its rarest word's entries in posted order
    // (job_terms_term_posted_idx, 0039) however common the word: every posting it reads has the word.
    if (counts[rarest] < searchTuning.rareGram || (order.sort === 'newest' && !narrowed(filter))) {
      driver = grams[rarest]
      grams = grams.filter((g) => g !== driver)
    }
  }

  let query = (columns(db, driver) as ReturnType<typeof summaryQuery>)
    .where('jobs.status', '=', 'open')
    // The end-date sweep's (status, expires_at) index would be chosen here, reading every open posting and sorting
    // them all, their trust lines included: `|| ''` leaves the order to the index that already gives it.
    .where(sql<string>`jobs.expires_at || ''`, '>=', filter.today)
    // Reported by several workers: off the lists until staff have checked it.
    .where('jobs.review_status', '<>', 'pending')

  if (plan) {
    for (const gram of grams) {
      query = query.where(({ exists, selectFrom }) =>
        exists(selectFrom('job_terms').select(sql`1`.as('one')).where('job_terms.term', '=', gram).whereRef('job_terms.job_id', '=', 'jobs.id')),
      )
    }
    const confirms = plan.confirms
    if (confirms.length) {
      // Every word longer than its one gram is confirmed on the text, all in one lookup of the posting's row.
      query = query.where(({ exists, selectFrom }) => {
        let text = selectFrom('job_search').select(sql`1`.as('one')).whereRef('job_search.job_id', '=', 'jobs.id')
        for (const pattern of confirms) text = text.where(sql<SqlBool>`job_search.text like ${pattern} escape '\\'`)
        return exists(text)
      })
    }
  }
  if (filter.province) query = query.where('jobs.province', '=', filter.province)
  if (filter.city) query = query.where('jobs.city', '=', filter.city)
  if (filter.trade) query = query.where('jobs.trade', '=', filter.trade)
  if (filter.minWage !== undefined) {
    // A wage compares only with wages of the same unit: monthly unless the worker chose 日结 or 计件.
    const unit = filter.card?.wageUnit ?? 'month'
    query = query.where(wageUnitOperand(unit), '=', unit)
    // In newest order a wage range must not pick the wage index (it would sort every match);
    // `+ 0` leaves it to the index that already gives the order.
    query =
      order.sort === 'wage'
        ? query.where('jobs.wage_max_yuan', '>=', filter.minWage)
        : query.where(sql<number>`jobs.wage_max_yuan + 0`, '>=', filter.minWage)
  }
  for (const benefit of filter.benefits ?? []) {
    // benefits is a JSON array of enum words; the quotes make the match exact.
    query = query.where('jobs.benefits', 'like', `%${JSON.stringify(benefit)}%`)
  }
  if (filter.sourceType) query = query.where('src.type', '=', filter.sourceType)
  if (hasCardFilter(filter.card)) query = query.where((eb) => cardConditions(eb as unknown as ExpressionBuilder<DB, 'jobs'>, filter.card!))
  if (filter.stationId !== undefined) query = query.where('jobs.source_station_id', '=', filter.stationId)

  switch (order.sort) {
    case 'newest': {
      // With a word driving, its entries carry the same order (posted_at is never changed): read in their index order.
      const postedAt = driver ? sql.ref<string>('hit.posted_at') : sql.ref<string>('jobs.posted_at')
      const id = driver ? sql.ref<number>('hit.job_id') : sql.ref<number>('jobs.id')
      const after = order.after
      if (after) {
        // The plain `<=` bound is what lets the index seek straight to the cursor; the OR alone scans from the top.
        query = query.where(postedAt, '<=', after.postedAt).where((eb) =>
          eb.or([eb(postedAt, '<', after.postedAt), eb.and([eb(postedAt, '=', after.postedAt), eb(id, '<', after.id)])]),
        )
      }
      return query.orderBy(postedAt, 'desc').orderBy(id, 'desc').limit(limit) as unknown as Q
    }
    case 'wage': {
      const after = order.after
      if (after) {
        query = query.where('jobs.wage_max_yuan', '<=', after.wage).where((eb) =>
          eb.or([
            eb('jobs.wage_max_yuan', '<', after.wage),
            eb.and([eb('jobs.wage_max_yuan', '=', after.wage), eb('jobs.id', '<', after.id)]),
          ]),
        )
      }
      return query.orderBy('jobs.wage_max_yuan', 'desc').orderBy('jobs.id', 'desc').limit(limit) as unknown as Q
    }
    case 'distance': {
      // Equirectangular: monotone enough with great-circle distance for ordering, and plain arithmetic on both dialects.
      const dx: Expression<number> = sql<number>`((jobs.lng - ${float(order.lng)}) * ${float(order.lngScale)})`
      const dy: Expression<number> = sql<number>`(jobs.lat - ${float(order.lat)})`
      return query
        .orderBy(sql`${dx} * ${dx} + ${dy} * ${dy}`)
        .orderBy('jobs.id', 'asc')
        .limit(limit)
        .offset(order.offset) as unknown as Q
    }
  }
}

export async function findJobById(db: Executor, id: number): Promise<JobWithStations | undefined> {
  return detailQuery(db).where('jobs.id', '=', id).executeTakeFirst()
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

/** Postings by id, with their stations (for application lists); missing ids are left out. */
export async function findJobsByIds(db: Executor, ids: readonly number[]): Promise<JobWithStations[]> {
  if (!ids.length) return []
  return detailQuery(db).where('jobs.id', 'in', ids).execute()
}

/** Locks the posting row until the transaction ends (PostgreSQL; SQLite transactions already begin immediate). */
export async function lockJob(db: Executor, id: number): Promise<void> {
  if (dialectOf(db) === 'postgres') await db.selectFrom('jobs').select('id').where('id', '=', id).forUpdate().execute()
}

/**
 * The staff list's page of posting ids, newest first; `beforeId` is the keyset cursor. With `q`, a posting whose
 * text has every word (planWordSearch), or whose number q is.
 */
export async function findJobIdsNewestFirst(
  db: Executor,
  filter: { station?: number; status?: string; q?: string },
  beforeId: number | undefined,
  limit: number,
): Promise<number[]> {
  let q = db.selectFrom('jobs').select('id')
  if (filter.station !== undefined) q = q.where('source_station_id', '=', filter.station)
  if (filter.status) q = q.where('status', '=', filter.status)
  const search = filter.q ? planWordSearch(filter.q) : null
  if (search) {
    const { patterns, id } = search
    if (!patterns && id === null) return []
    q = q.where((eb) => {
      const either: Expression<SqlBool>[] = []
      if (patterns) {
        // All the words in one lookup of the posting's text row.
        let text = eb.selectFrom('job_search').select(sql`1`.as('one')).whereRef('job_search.job_id', '=', 'jobs.id')
        for (const pattern of patterns) text = text.where(sql<SqlBool>`job_search.text like ${pattern} escape '\\'`)
        either.push(eb.exists(text))
      }
      if (id !== null) either.push(eb('jobs.id', '=', id))
      return eb.or(either)
    })
  }
  if (beforeId !== undefined) q = q.where('id', '<', beforeId)
  return (await q.orderBy('id', 'desc').limit(limit).execute()).map((r) => r.id)
}

/** Which station a posting belongs to (for the station check). */
export async function findJobStation(db: Executor, id: number) {
  return db.selectFrom('jobs').select(['id', 'source_station_id']).where('id', '=', id).executeTakeFirst()
}

export async function insertJob(trx: Executor, values: Insertable<JobTable>): Promise<number> {
  const row = await trx.insertInto('jobs').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function updateJob(trx: Executor, id: number, set: Updateable<JobTable>): Promise<void> {
  await trx.updateTable('jobs').set(set).where('id', '=', id).execute()
}

/**
 * One more hire on the posting, in the hiring transaction: at headcount an open posting becomes filled (已招满).
 * One statement, so two staff hiring at once both count and the second sees the first (the row is locked by the UPDATE).
 */
export async function recordHire(trx: Executor, id: number): Promise<void> {
  await trx
    .updateTable('jobs')
    .set((eb) => ({
      hired_count: eb('hired_count', '+', 1),
      status: eb.case().when(eb.and([eb('status', '=', 'open'), eb(eb('hired_count', '+', 1), '>=', eb.ref('headcount'))])).then('filled').else(eb.ref('status')).end(),
    }))
    .where('id', '=', id)
    .execute()
}

/**
 * Closes open postings whose end date is before `today`, at most `limit` of them, and returns them. The status is
 * checked again by the UPDATE itself: a second process sweeping at once waits on the rows (PostgreSQL) or on the
 * single writer (SQLite) and then finds them closed, so each posting is closed, and audited, once.
 */
export async function closeExpiredJobs(trx: Executor, today: string, limit: number): Promise<Array<{ id: number; expires_at: string }>> {
  return trx
    .updateTable('jobs')
    .set({ status: 'closed' })
    .where('status', '=', 'open')
    .where('expires_at', '<', today)
    .where('id', 'in', (eb) => eb.selectFrom('jobs').select('id').where('status', '=', 'open').where('expires_at', '<', today).orderBy('id').limit(limit))
    .returning(['id', 'expires_at'])
    .execute()
}
