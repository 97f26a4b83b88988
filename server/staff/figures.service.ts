/**
 * The workbench's figures. Station staff get their station's; admins the county's.
 *
 * "Sent out" (输出): a worker placed into a job away from home. Two records say so: a hired application (on the
 * day it was marked hired, by the posting's province) and a seat on a county 点对点 batch that departed (on the
 * day it left, by its destination province). Each source in `sentOutSources` returns one row per record, with
 * the worker, the province and the instant.
 *
 * The same trip is often in both (hired through the app, then taken there by the county's bus), so the unit
 * counted is a departure: one worker to one province in one China month, whatever number of records say so.
 * A record whose worker deleted the account since cannot be matched and counts on its own.
 */
import { type Kysely, sql } from 'kysely'
import { rightsAcceptWithinHours, type StaffFigures } from '../../types'
import { toCount } from '../db/dialect'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { chinaDate } from '../lib/dates'
import { listDepartedRiders } from '../transport/transport.repository'
import { stationFilterOf } from './staff-scope'

interface Departure {
  province: string
  at: string
  /** The worker, or null once the account was deleted. */
  worker: number | null
}
interface SentOutSource {
  name: string
  list: (db: Kysely<DB>, station: number | undefined, sinceIso: string) => Promise<Departure[]>
}

const hiredApplications: SentOutSource = {
  name: 'hired_applications',
  list: async (db, station, since) => {
    let q = db
      .selectFrom('job_applications')
      .innerJoin('jobs', 'jobs.id', 'job_applications.job_id')
      .select(['jobs.province', 'job_applications.updated_at as at', 'job_applications.user_id as worker'])
      .where('job_applications.status', '=', 'hired')
      .where('job_applications.updated_at', '>=', since)
    if (station !== undefined) q = q.where('jobs.source_station_id', '=', station)
    return q.execute()
  },
}

const transportRiders: SentOutSource = {
  name: 'transport_riders',
  list: (db, station, since) => listDepartedRiders(db, since, station),
}

export const sentOutSources: SentOutSource[] = [hiredApplications, transportRiders]

/** One row per departure: the first record of each worker, province and China month (see the top of the file). */
export function distinctDepartures(records: Departure[]): Departure[] {
  const seen = new Set<string>()
  return records.filter((d) => {
    if (d.worker === null) return true
    const key = `${d.worker}|${d.province}|${chinaDate(new Date(d.at)).slice(0, 7)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The instant a China calendar date begins, as ISO UTC. */
const chinaMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString()

export async function figures(db: Kysely<DB>, caller: StaffCaller, now: Date): Promise<StaffFigures> {
  const station = stationFilterOf(caller)
  const today = chinaDate(now)
  const yearStart = chinaMidnight(`${today.slice(0, 4)}-01-01`)
  const monthStart = chinaMidnight(`${today.slice(0, 7)}-01`)

  const departures = distinctDepartures((await Promise.all(sentOutSources.map((s) => s.list(db, station, yearStart)))).flat())
  const byProvince = new Map<string, { month: number; year: number }>()
  for (const d of departures) {
    const p = byProvince.get(d.province) ?? { month: 0, year: 0 }
    p.year++
    if (d.at >= monthStart) p.month++
    byProvince.set(d.province, p)
  }

  let cases = db.selectFrom('rights_requests').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status')
  let overdueQ = db
    .selectFrom('rights_requests')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', 'submitted')
    .where('submitted_at', '<', new Date(now.getTime() - rightsAcceptWithinHours * 3600_000).toISOString())
  if (station !== undefined) {
    cases = cases.where('station_id', '=', station)
    overdueQ = overdueQ.where('station_id', '=', station)
  }
  const byStatus = (await cases.execute()).map((r) => ({ key: r.status, count: toCount(r.n) }))
  const open = byStatus.filter((s) => ['submitted', 'accepted', 'in_progress'].includes(s.key)).reduce((a, s) => a + s.count, 0)

  const courseRows = await db
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
    .limit(20)
    .execute()

  let perStation = db
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
  if (station !== undefined) perStation = perStation.where('jobs.source_station_id', '=', station)

  return {
    asOf: today,
    sentOut: {
      month: departures.filter((d) => d.at >= monthStart).length,
      year: departures.length,
      byProvince: [...byProvince].map(([province, c]) => ({ province, ...c })).sort((a, b) => b.year - a.year || a.province.localeCompare(b.province)),
      sources: sentOutSources.map((s) => s.name),
    },
    cases: { open, overdue: toCount((await overdueQ.executeTakeFirst())?.n), byStatus },
    courses: courseRows.map((c) => ({
      id: c.id,
      title: c.title,
      startDate: c.start_date,
      capacity: c.capacity,
      enrolled: c.enrolled_count,
      waitlisted: toCount(c.waitlisted as number | string | null),
      fillRate: c.capacity > 0 ? Math.round((c.enrolled_count / c.capacity) * 100) / 100 : 0,
    })),
    stations: (await perStation.execute())
      .map((s) => ({ id: s.id, name: s.name, applications: toCount(s.applications), hires: toCount(s.hires), openJobs: toCount(s.open_jobs) }))
      .sort((a, b) => b.applications - a.applications || a.id - b.id),
  }
}
