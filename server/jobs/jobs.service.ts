/** Rules for postings and the row → contract mapping. */
import type { Kysely } from 'kysely'
import { type ApplicationStatus, type JobDetail, type JobSummary, noFeePledge } from '../../types'
import type { z } from 'zod/mini'
import type { listJobsQuery } from '../../types/jobs'
import type { DB } from '../db/schema'
import { notFound } from '../http/app-error'
import { badCursor, decodeCursor, encodeCursor } from '../lib/cursor'
import { chinaDate } from '../lib/dates'
import { haversineKm, lngScale, roundKm } from '../lib/geo'
import { findApplicationFor } from './applications.repository'
import { findJobById, findOpenJobs, type JobOrder, type JobSummaryRow, type JobWithStations } from './jobs.repository'

type ListQuery = z.output<typeof listJobsQuery>

const parseList = <T>(json: string): T[] => {
  try {
    const value = JSON.parse(json)
    return Array.isArray(value) ? value : []
  } catch {
    return []
  }
}

export function toJobSummary(row: JobSummaryRow): JobSummary {
  return {
    id: row.id,
    title: row.title,
    employerName: row.employer_name,
    employerVerified: row.employer_verified === 1,
    trade: row.trade as JobSummary['trade'],
    province: row.province,
    city: row.city,
    district: row.district,
    wageMinYuan: row.wage_min_yuan,
    wageMaxYuan: row.wage_max_yuan,
    wageUnit: row.wage_unit as JobSummary['wageUnit'],
    benefits: parseList(row.benefits),
    headcount: row.headcount,
    status: row.status as JobSummary['status'],
    postedAt: row.posted_at,
    expiresAt: row.expires_at,
    sourceStation: { id: row.source_station_id, name: row.source_name, type: row.source_type as JobSummary['sourceStation']['type'] },
    isSample: row.is_sample === 1,
  }
}

export function toJobDetail(row: JobWithStations, today: string, myApplication: JobDetail['myApplication'] = null): JobDetail {
  const verified = row.employer_verified === 1
  const expired = row.expires_at < today
  const underReview = row.review_status === 'pending'
  return {
    ...toJobSummary(row),
    description: row.description,
    requirements: row.requirements,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    ageMin: row.age_min,
    ageMax: row.age_max,
    shifts: row.shifts,
    hoursPerDay: row.hours_per_day,
    // An unverified employer's own number is never shown: the station vouches for the posting instead.
    contactPhone: verified ? row.employer_phone : row.source_phone,
    contactName: verified ? row.employer_name : `${row.source_name} ${row.source_contact_person}`,
    verifiedBy:
      verified && row.verified_by_station_id !== null && row.verifier_name !== null
        ? { id: row.verified_by_station_id, name: row.verifier_name }
        : null,
    verifiedAt: verified ? row.verified_at : null,
    expired,
    underReview,
    appliable: row.status === 'open' && !expired && !underReview,
    pledge: noFeePledge,
    myApplication,
  }
}

export async function listJobs(db: Kysely<DB>, query: ListQuery, now: Date): Promise<{ items: JobSummary[]; nextCursor: string | null }> {
  const today = chinaDate(now)
  const filter = {
    q: query.q || undefined,
    province: query.province || undefined,
    city: query.city || undefined,
    trade: query.trade,
    minWage: query.minWage,
    benefits: query.benefits,
    sourceType: query.sourceType,
    stationId: query.stationId,
    today,
  }
  let order: JobOrder
  if (query.sort === 'distance') {
    const c = decodeCursor(query.cursor, { o: 'number' })
    if (c && (!Number.isInteger(c.o) || c.o < 0)) throw badCursor()
    order = { sort: 'distance', lat: query.lat!, lng: query.lng!, lngScale: lngScale(query.lat!), offset: c?.o ?? 0 }
  } else if (query.sort === 'wage') {
    const c = decodeCursor(query.cursor, { w: 'number', id: 'number' })
    order = { sort: 'wage', after: c ? { wage: c.w, id: c.id } : undefined }
  } else {
    const c = decodeCursor(query.cursor, { p: 'string', id: 'number' })
    order = { sort: 'newest', after: c ? { postedAt: c.p, id: c.id } : undefined }
  }

  const rows = await findOpenJobs(db, filter, order, query.limit + 1)
  const page = rows.slice(0, query.limit)
  const items = page.map((row) => {
    const item = toJobSummary(row)
    if (order.sort === 'distance') item.distanceKm = roundKm(haversineKm(order.lat, order.lng, row.lat, row.lng))
    return item
  })

  let nextCursor: string | null = null
  const last = page[page.length - 1]
  if (rows.length > query.limit && last) {
    nextCursor =
      order.sort === 'distance'
        ? encodeCursor({ o: order.offset + page.length })
        : order.sort === 'wage'
          ? encodeCursor({ w: last.wage_max_yuan, id: last.id })
          : encodeCursor({ p: last.posted_at, id: last.id })
  }
  return { items, nextCursor }
}

export async function getJob(db: Kysely<DB>, id: number, now: Date, workerId: number | null = null): Promise<JobDetail> {
  const row = await findJobById(db, id)
  if (!row) throw notFound('没有找到这条招聘，可能已被删除')
  const mine = workerId === null ? undefined : await findApplicationFor(db, id, workerId)
  return toJobDetail(row, chinaDate(now), mine ? { id: mine.id, status: mine.status as ApplicationStatus } : null)
}
