/** All SQL for courses. Every function takes the database or a transaction first. */
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { CourseTable, DB } from '../db/schema'

export interface CourseFilter {
  mode?: string
  trade?: string
  /** 'YYYY-MM': courses starting that month */
  month?: string
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('courses')
    .leftJoin('brands', 'brands.id', 'courses.brand_id')
    .selectAll('courses')
    .select('brands.name as brand_name')
}

export type CourseWithBrand = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

export async function findCourses(
  db: Kysely<DB>,
  filter: CourseFilter,
  after: { startDate: string; id: number } | undefined,
  limit: number,
): Promise<CourseWithBrand[]> {
  let query = baseQuery(db)
  if (filter.mode) query = query.where('courses.mode', '=', filter.mode)
  if (filter.trade) query = query.where('courses.trade', '=', filter.trade)
  if (filter.month) {
    // Dates are 'YYYY-MM-DD' text, so a month is a half-open text range (index-friendly, no LIKE).
    query = query.where('courses.start_date', '>=', `${filter.month}-01`).where('courses.start_date', '<=', `${filter.month}-31`)
  }
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('courses.start_date', '>', after.startDate),
        eb.and([eb('courses.start_date', '=', after.startDate), eb('courses.id', '>', after.id)]),
      ]),
    )
  }
  return query.orderBy('courses.start_date', 'asc').orderBy('courses.id', 'asc').limit(limit).execute()
}

/** The workbench list: every course, latest start first, so this season's are on top and finished ones still reachable. */
export async function findCoursesLatestFirst(
  db: Kysely<DB>,
  filter: Pick<CourseFilter, 'mode' | 'trade'>,
  before: { startDate: string; id: number } | undefined,
  limit: number,
): Promise<CourseWithBrand[]> {
  let query = baseQuery(db)
  if (filter.mode) query = query.where('courses.mode', '=', filter.mode)
  if (filter.trade) query = query.where('courses.trade', '=', filter.trade)
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('courses.start_date', '<', before.startDate),
        eb.and([eb('courses.start_date', '=', before.startDate), eb('courses.id', '<', before.id)]),
      ]),
    )
  }
  return query.orderBy('courses.start_date', 'desc').orderBy('courses.id', 'desc').limit(limit).execute()
}

export async function findCourseById(db: Kysely<DB>, id: number): Promise<CourseWithBrand | undefined> {
  return baseQuery(db).where('courses.id', '=', id).executeTakeFirst()
}

export async function countCoursesByTrade(db: Kysely<DB>): Promise<Array<{ trade: string; n: string | number | bigint }>> {
  return db
    .selectFrom('courses')
    .select(['trade', (eb) => eb.fn.countAll().as('n')])
    .groupBy('trade')
    .execute()
}

/** The bare course row (no brand), as enrolments need it. */
export async function findCourseRow(db: Kysely<DB>, id: number) {
  return db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findCourseRowsByIds(db: Kysely<DB>, ids: readonly number[]) {
  return ids.length ? db.selectFrom('courses').selectAll().where('id', 'in', [...ids]).execute() : []
}

/** Seats and capacity, read under the course lock to know how many seats the waitlist may take. */
export async function findCourseSeats(db: Kysely<DB>, id: number) {
  return db.selectFrom('courses').select(['capacity', 'enrolled_count']).where('id', '=', id).executeTakeFirstOrThrow()
}

/** Courses of a brand that have not ended by `today` (China date), by start date then id. */
export async function findBrandCoursesNotEnded(db: Kysely<DB>, today: string) {
  return db
    .selectFrom('courses')
    .select(['id', 'title', 'start_date', 'capacity', 'enrolled_count', 'brand_id'])
    .where('brand_id', 'is not', null)
    .where('end_date', '>=', today)
    .orderBy('start_date')
    .orderBy('id')
    .execute()
}

export async function insertCourse(trx: Kysely<DB>, values: Insertable<CourseTable>): Promise<number> {
  const row = await trx.insertInto('courses').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function updateCourseColumns(trx: Kysely<DB>, id: number, set: Updateable<CourseTable>): Promise<void> {
  await trx.updateTable('courses').set(set).where('id', '=', id).execute()
}
