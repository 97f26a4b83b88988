/** The workbench figures' reads: each takes the station to narrow to, or undefined for the whole county. */
import { type Kysely, sql } from 'kysely'
import { toCount } from '../db/dialect'
import type { DB } from '../db/schema'

/** Hired applications since an instant: the posting's province, when it was marked hired, and the worker. */
export async function listHiredDepartures(db: Kysely<DB>, station: number | undefined, since: string) {
  let q = db
    .selectFrom('job_applications')
    .innerJoin('jobs', 'jobs.id', 'job_applications.job_id')
    .select(['jobs.province', 'job_applications.updated_at as at', 'job_applications.user_id as worker'])
    .where('job_applications.status', '=', 'hired')
    .where('job_applications.updated_at', '>=', since)
  if (station !== undefined) q = q.where('jobs.source_station_id', '=', station)
  return q.execute()
}

export async function countCasesByStatus(db: Kysely<DB>, station: number | undefined) {
  let q = db.selectFrom('rights_requests').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status')
  if (station !== undefined) q = q.where('station_id', '=', station)
  return (await q.execute()).map((r) => ({ key: r.status, count: toCount(r.n) }))
}

/** Cases still waiting to be accepted that were submitted before `before`. */
export async function countCasesWaitingSince(db: Kysely<DB>, station: number | undefined, before: string): Promise<number> {
  let q = db.selectFrom('rights_requests').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'submitted').where('submitted_at', '<', before)
  if (station !== undefined) q = q.where('station_id', '=', station)
  return toCount((await q.executeTakeFirst())?.n)
}

/** Courses not yet ended, soonest first, with their waitlists. */
export async function listRunningCourseFill(db: Kysely<DB>, today: string, limit: number) {
  const rows = await db
    .selectFrom('courses')
    .select([
      'id',
      'title',
      'start_date',
      'capacity',
      'enrolled_count',
      (eb) =>
        eb
          .selectFrom('enrollments')
          .select((e) => e.fn.countAll().as('w'))
          .whereRef('enrollments.course_id', '=', 'courses.id')
          .where('enrollments.status', '=', 'waitlisted')
          .as('waitlisted'),
    ])
    .where('end_date', '>=', today)
    .orderBy('start_date')
    .limit(limit)
    .execute()
  return rows.map((c) => ({ ...c, waitlisted: toCount(c.waitlisted as number | string | null) }))
}

/** Per station: applications to its postings, hires, and postings open today. */
export async function listStationActivity(db: Kysely<DB>, station: number | undefined, today: string) {
  let q = db
    .selectFrom('jobs')
    .innerJoin('stations', 'stations.id', 'jobs.source_station_id')
    .leftJoin('job_applications', 'job_applications.job_id', 'jobs.id')
    .select([
      'stations.id',
      'stations.name',
      (eb) => eb.fn.count('job_applications.id').as('applications'),
      sql<string | number>`sum(case when job_applications.status = 'hired' then 1 else 0 end)`.as('hires'),
      sql<string | number>`count(distinct case when jobs.status = 'open' and jobs.expires_at >= ${today} then jobs.id end)`.as('open_jobs'),
    ])
    .groupBy(['stations.id', 'stations.name'])
  if (station !== undefined) q = q.where('jobs.source_station_id', '=', station)
  return (await q.execute()).map((s) => ({ id: s.id, name: s.name, applications: toCount(s.applications), hires: toCount(s.hires), openJobs: toCount(s.open_jobs) }))
}
