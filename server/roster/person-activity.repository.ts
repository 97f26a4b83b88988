/**
 * A linked person's records elsewhere in the app (applications, enrolments, seats, cases), and the stations, batches,
 * postings and courses the roster form picks from. Names, places, dates and states only: no phone, no story.
 */
import { type Kysely, sql } from 'kysely'
import type { DB } from '../db/schema'

/** `station`: only the records that concern this station; undefined: all. Newest first, `limit` of each. */
interface Narrow {
  station?: number
  limit: number
}

export async function applicationsOf(db: Kysely<DB>, userId: number, n: Narrow) {
  let q = db
    .selectFrom('job_applications as a')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .select(['a.id', 'a.status', 'a.created_at', 'a.job_id', 'j.title', 'j.employer_name', 'j.city', 'j.source_station_id'])
    .where('a.user_id', '=', userId)
  if (n.station !== undefined) q = q.where('j.source_station_id', '=', n.station)
  return q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(n.limit).execute()
}

/** Courses are the county's and every station reads their lists, so no station narrows them. */
export async function enrollmentsOf(db: Kysely<DB>, userId: number, limit: number) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('courses as c', 'c.id', 'e.course_id')
    .select(['e.id', 'e.status', 'e.created_at', 'e.course_id', 'c.title', 'c.start_date'])
    .where('e.user_id', '=', userId)
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute()
}

export async function seatsOf(db: Kysely<DB>, userId: number, n: Narrow) {
  let q = db
    .selectFrom('transport_signups as s')
    .innerJoin('transport_batches as b', 'b.id', 's.batch_id')
    .select(['s.id', 's.status', 's.created_at', 's.batch_id', 'b.status as batch_status', 'b.depart_at', 'b.departure_township', 'b.destination_city', 'b.station_id'])
    .where('s.user_id', '=', userId)
  if (n.station !== undefined) q = q.where('b.station_id', '=', n.station)
  return q.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(n.limit).execute()
}

export async function casesOf(db: Kysely<DB>, userId: number, n: Narrow) {
  let q = db
    .selectFrom('rights_requests as r')
    .select(['r.id', 'r.tracking_no', 'r.status', 'r.category', 'r.work_city', 'r.submitted_at', 'r.station_id'])
    .where('r.user_id', '=', userId)
  if (n.station !== undefined) q = q.where('r.station_id', '=', n.station)
  return q.orderBy('r.submitted_at', 'desc').orderBy('r.id', 'desc').limit(n.limit).execute()
}

// ---------------------------------------------------------------------------------------------------------------
// Picker lists: newest first (id descending), after a cursor id, by part of a name or one by id.

interface LinkQuery {
  q?: string
  id?: number
  /** Several by id (the names a survey list shows). */
  ids?: number[]
  beforeId?: number
  limit: number
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
const likeSql = (column: string, q: string) => sql<boolean>`${sql.ref(column)} like ${like(q)} escape '\\'`

export async function stationLinks(db: Kysely<DB>, f: LinkQuery) {
  let q = db.selectFrom('stations').select(['id', 'name', 'city'])
  if (f.id !== undefined) q = q.where('id', '=', f.id)
  if (f.ids !== undefined) q = q.where('id', 'in', f.ids)
  if (f.q) {
    const text = f.q
    q = q.where((eb) => eb.or([likeSql('name', text), likeSql('city', text)]))
  }
  if (f.beforeId !== undefined) q = q.where('id', '<', f.beforeId)
  return q.orderBy('id', 'desc').limit(f.limit).execute()
}

/** A batch that never left (cancelled) carried nobody, so it is not offered. */
export async function batchLinks(db: Kysely<DB>, f: LinkQuery) {
  let q = db.selectFrom('transport_batches').select(['id', 'departure_township', 'destination_province', 'destination_city', 'depart_at', 'employer'])
  if (f.id !== undefined) q = q.where('id', '=', f.id)
  else if (f.ids !== undefined) q = q.where('id', 'in', f.ids)
  else q = q.where('status', '!=', 'cancelled')
  if (f.q) {
    const text = f.q
    q = q.where((eb) => eb.or([likeSql('departure_township', text), likeSql('destination_city', text), likeSql('destination_province', text), likeSql('employer', text)]))
  }
  if (f.beforeId !== undefined) q = q.where('id', '<', f.beforeId)
  return q.orderBy('id', 'desc').limit(f.limit).execute()
}

/** Closed postings too: a person may have been hired through one that has since filled. */
export async function postingLinks(db: Kysely<DB>, f: LinkQuery) {
  let q = db.selectFrom('jobs').select(['id', 'title', 'employer_name', 'city', 'posted_at'])
  if (f.id !== undefined) q = q.where('id', '=', f.id)
  if (f.ids !== undefined) q = q.where('id', 'in', f.ids)
  if (f.q) {
    const text = f.q
    q = q.where((eb) => eb.or([likeSql('title', text), likeSql('employer_name', text), likeSql('city', text)]))
  }
  if (f.beforeId !== undefined) q = q.where('id', '<', f.beforeId)
  return q.orderBy('id', 'desc').limit(f.limit).execute()
}

export async function courseLinks(db: Kysely<DB>, f: LinkQuery) {
  let q = db.selectFrom('courses').select(['id', 'title', 'start_date'])
  if (f.id !== undefined) q = q.where('id', '=', f.id)
  if (f.ids !== undefined) q = q.where('id', 'in', f.ids)
  if (f.q) q = q.where(likeSql('title', f.q))
  if (f.beforeId !== undefined) q = q.where('id', '<', f.beforeId)
  return q.orderBy('id', 'desc').limit(f.limit).execute()
}
