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
import type { Kysely } from 'kysely'
import { rightsAcceptWithinHours, type StaffFigures } from '../../types'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { chinaDate } from '../lib/dates'
import { listDepartedRiders } from '../transport/transport.repository'
import { countCasesByStatus, countCasesWaitingSince, listHiredDepartures, listRunningCourseFill, listStationActivity } from './figures.repository'
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
  list: listHiredDepartures,
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

  const byStatus = await countCasesByStatus(db, station)
  const open = byStatus.filter((s) => ['submitted', 'accepted', 'in_progress'].includes(s.key)).reduce((a, s) => a + s.count, 0)
  const overdue = await countCasesWaitingSince(db, station, new Date(now.getTime() - rightsAcceptWithinHours * 3600_000).toISOString())
  const courseRows = await listRunningCourseFill(db, today, 20)
  const stations = await listStationActivity(db, station, today)

  return {
    asOf: today,
    sentOut: {
      month: departures.filter((d) => d.at >= monthStart).length,
      year: departures.length,
      byProvince: [...byProvince].map(([province, c]) => ({ province, ...c })).sort((a, b) => b.year - a.year || a.province.localeCompare(b.province)),
      sources: sentOutSources.map((s) => s.name),
    },
    cases: { open, overdue, byStatus },
    courses: courseRows.map((c) => ({
      id: c.id,
      title: c.title,
      startDate: c.start_date,
      capacity: c.capacity,
      enrolled: c.enrolled_count,
      waitlisted: c.waitlisted,
      fillRate: c.capacity > 0 ? Math.round((c.enrolled_count / c.capacity) * 100) / 100 : 0,
    })),
    stations: stations.sort((a, b) => b.applications - a.applications || a.id - b.id),
  }
}
