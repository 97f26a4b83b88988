/**
 * The person page's "在务工通里办的事": a linked person's applications, enrolments, seats and cases, one short line
 * each. Who reaches the person is peopleScopeOf's; which lines a station sees and which pages open come from the
 * station rule of staff-scope (the same one the job, batch and case pages apply).
 */
import type { Kysely } from 'kysely'
import {
  ACTIVITY_PER_KIND,
  type ApplicationStatus,
  applicationStatusLabel,
  type EnrollmentStatus,
  enrollmentStatusLabel,
  type PersonActivityItem,
  type RightsCategory,
  rightsCategoryLabel,
  type RightsStatus,
  rightsStatusLabel,
  type HowWent,
  type RosterLink,
  type RosterLinkKind,
  type SeatState,
  seatStateLabel,
} from '../../types'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { forbidden } from '../http/app-error'
import { decodeCursor, encodeCursor } from '../lib/cursor'
import { chinaDate } from '../lib/dates'
import { handlesStation, peopleScopeOf } from '../staff/staff-scope'
import * as repo from './person-activity.repository'
import { reachablePerson } from './roster.service'

const labelOf = <K extends string>(labels: Record<K, string>, value: string) => labels[value as K] ?? value

function seatState(signup: string, batch: string): SeatState {
  // Calling a batch off cancels its seats too: the batch's state says why.
  if (batch === 'cancelled') return 'batch_cancelled'
  if (signup === 'cancelled') return 'left'
  return batch === 'departed' ? 'departed' : 'signed_up'
}

export async function personActivity(db: Kysely<DB>, caller: StaffCaller, personId: number) {
  const scope = peopleScopeOf(caller)
  const person = await reachablePerson(db, scope, personId)
  const stationOnly = scope.stationId !== undefined
  if (person.user_id === null) return { linked: false, stationOnly, items: [], more: false }
  const narrow = { station: scope.stationId, limit: ACTIVITY_PER_KIND + 1 }
  const userId = person.user_id
  const [applications, enrollments, seats, cases] = [
    await repo.applicationsOf(db, userId, narrow),
    await repo.enrollmentsOf(db, userId, narrow.limit),
    await repo.seatsOf(db, userId, narrow),
    await repo.casesOf(db, userId, narrow),
  ]
  const more = [applications, enrollments, seats, cases].some((rows) => rows.length > ACTIVITY_PER_KIND)
  const first = <T>(rows: T[]) => rows.slice(0, ACTIVITY_PER_KIND)

  const items: PersonActivityItem[] = [
    ...first(applications).map((a): PersonActivityItem => ({
      kind: 'application',
      id: a.id,
      what: [a.title, a.employer_name, a.city].filter(Boolean).join(' · '),
      at: a.created_at,
      status: a.status,
      statusText: labelOf<ApplicationStatus>(applicationStatusLabel, a.status),
      open: handlesStation(caller, a.source_station_id) ? { page: 'job', id: a.job_id, trackingNo: null } : null,
    })),
    // Every staff member reads a course's enrolment list (staff-courses.service): the course page opens for all.
    ...first(enrollments).map((e): PersonActivityItem => ({
      kind: 'enrollment',
      id: e.id,
      what: `${e.title} · ${e.start_date} 开课`,
      at: e.created_at,
      status: e.status,
      statusText: labelOf<EnrollmentStatus>(enrollmentStatusLabel, e.status),
      open: { page: 'course', id: e.course_id, trackingNo: null },
    })),
    ...first(seats).map((s): PersonActivityItem => {
      const state = seatState(s.status, s.batch_status)
      return {
        kind: 'seat',
        id: s.id,
        what: `${s.departure_township} → ${s.destination_city} · ${chinaDate(s.depart_at)} 发车`,
        at: s.created_at,
        status: state,
        statusText: seatStateLabel[state],
        open: handlesStation(caller, s.station_id) ? { page: 'batch', id: s.batch_id, trackingNo: null } : null,
      }
    }),
    ...first(cases).map((c): PersonActivityItem => ({
      kind: 'case',
      id: c.id,
      what: `${labelOf<RightsCategory>(rightsCategoryLabel, c.category)} · ${c.work_city} · 编号 ${c.tracking_no}`,
      at: c.submitted_at,
      status: c.status,
      statusText: labelOf<RightsStatus>(rightsStatusLabel, c.status),
      open: handlesStation(caller, c.station_id) ? { page: 'case', id: c.id, trackingNo: c.tracking_no } : null,
    })),
  ]
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  return { linked: true, stationOnly, items, more }
}

// ---------------------------------------------------------------------------------------------------------------
// "How they went": the records an organised move names, for the roster form's pickers.

/**
 * Only those who write the roster pick these (station staff read it and write nothing, as on every roster write).
 * The records themselves are the app's public lists (stations, batches, postings, courses), so a writer sees the
 * county's, not only their own township's: a 洛门镇 worker may have left on a batch from another township.
 */
export async function rosterLinks(db: Kysely<DB>, caller: StaffCaller, query: { kind: RosterLinkKind; q?: string; id?: number; cursor?: string; limit: number }) {
  if (peopleScopeOf(caller).readOnly) throw forbidden('工作站不登记台账，用不到这个列表')
  const after = decodeCursor(query.cursor, { id: 'number' })
  const f = { q: query.q || undefined, id: query.id, beforeId: after?.id, limit: query.limit + 1 }
  const items = await findLinks(db, query.kind, f)
  const page = items.slice(0, query.limit)
  return { items: page, nextCursor: items.length > query.limit ? encodeCursor({ id: page[page.length - 1].id }) : null }
}

const stationLink = (s: { id: number; name: string; city: string }): RosterLink => ({ id: s.id, name: `${s.name} · ${s.city}`, date: null })
const batchLink = (b: { id: number; departure_township: string; destination_province: string; destination_city: string; employer: string | null; depart_at: string }): RosterLink => ({
  id: b.id,
  name: `${b.departure_township} → ${b.destination_province}${b.destination_city}${b.employer ? ` · ${b.employer}` : ''}`,
  date: chinaDate(b.depart_at),
})
const postingLink = (j: { id: number; title: string; employer_name: string; city: string; posted_at: string }): RosterLink => ({
  id: j.id,
  name: `${j.title} · ${j.employer_name} · ${j.city}`,
  date: chinaDate(j.posted_at),
})
const courseLink = (c: { id: number; title: string; start_date: string }): RosterLink => ({ id: c.id, name: c.title, date: c.start_date })

async function findLinks(db: Kysely<DB>, kind: RosterLinkKind, f: Parameters<typeof repo.stationLinks>[1]): Promise<RosterLink[]> {
  switch (kind) {
    case 'station':
      return (await repo.stationLinks(db, f)).map(stationLink)
    case 'batch':
      return (await repo.batchLinks(db, f)).map(batchLink)
    case 'posting':
      return (await repo.postingLinks(db, f)).map(postingLink)
    case 'training':
      return (await repo.courseLinks(db, f)).map(courseLink)
  }
}

/** The record a "how they went" names, by the channel that names it. */
export function linkOf(h: HowWent | null): { kind: RosterLinkKind; id: number } | null {
  if (!h || h.kind !== 'organised') return null
  if (h.channel === 'station' && h.stationId) return { kind: 'station', id: h.stationId }
  if (h.channel === 'batch' && h.batchId) return { kind: 'batch', id: h.batchId }
  if (h.channel === 'posting' && h.jobId) return { kind: 'posting', id: h.jobId }
  if (h.channel === 'training' && h.courseId) return { kind: 'training', id: h.courseId }
  return null
}

/**
 * The records many people's "how they went" name, by name (one read per kind that occurs): the survey's village list
 * carries them so a phone without signal shows which batch or station, not only the channel.
 */
export async function namedLinks(db: Kysely<DB>, howWents: Array<HowWent | null>): Promise<(h: HowWent | null) => RosterLink | null> {
  const wanted = new Map<RosterLinkKind, Set<number>>()
  for (const l of howWents.map(linkOf)) if (l) wanted.set(l.kind, (wanted.get(l.kind) ?? new Set()).add(l.id))
  const found = new Map<string, RosterLink>()
  for (const [kind, ids] of wanted) {
    const all = [...ids]
    // In slices: PostgreSQL and SQLite both cap the parameters of one statement.
    for (let i = 0; i < all.length; i += 500) {
      const slice = all.slice(i, i + 500)
      for (const l of await findLinks(db, kind, { ids: slice, limit: slice.length })) found.set(`${kind}:${l.id}`, l)
    }
  }
  return (h) => {
    const l = linkOf(h)
    return l ? (found.get(`${l.kind}:${l.id}`) ?? null) : null
  }
}
