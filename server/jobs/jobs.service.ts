/** Rules for postings and the row → contract mapping. */
import type { Kysely } from 'kysely'
import { type ApplicationStatus, type JobDetail, type JobPosting, type JobSummary, noFeePledge, payTypeUnit, type SearchWidening } from '../../types'
import type { z } from 'zod/mini'
import type { listJobsQuery } from '../../types/jobs'
import type { DB } from '../db/schema'
import { notFound } from '../http/app-error'
import { badCursor, decodeCursor, encodeCursor } from '../lib/cursor'
import { chinaDate } from '../lib/dates'
import { haversineKm, lngScale, roundKm } from '../lib/geo'
import { findApplicationFor } from './applications.repository'
import { findJobById, findOpenJobStamps, findOpenJobs, hasCardFilter, type JobCardFilter, type JobFilter, type JobOrder, type JobSummaryRow, type JobWithStations } from './jobs.repository'
import { trustLine } from './employers.service'
import type { JobCards } from './job-cards'
import { toCount } from '../db/dialect'
import { placeStem, searchWords } from './job-search'

type ListQuery = z.output<typeof listJobsQuery>

const parseList = <T>(json: string): T[] => {
  try {
    const value = JSON.parse(json)
    return Array.isArray(value) ? value : []
  } catch {
    return []
  }
}

/** The structured answers as stored: null stays null (未说明). */
function cardAnswers(row: JobSummaryRow) {
  return {
    paySchedule: row.pay_schedule as JobSummary['paySchedule'],
    payDay: row.pay_day,
    hoursPerDay: row.hours_per_day,
    daysOff: row.days_off as JobSummary['daysOff'],
    meals: row.meals as JobSummary['meals'],
    housing: row.housing as JobSummary['housing'],
    ageMin: row.age_min,
    ageMax: row.age_max,
    socialInsurance: row.social_insurance as JobSummary['socialInsurance'],
    overtimePay: row.overtime_pay as JobSummary['overtimePay'],
    probationMonths: row.probation_months,
    stillNeeded: Math.max(0, row.headcount - row.hired_count),
  }
}

function employerOf(row: JobSummaryRow & { emp_name?: string | null }, today: string): JobPosting['employer'] {
  const verified = row.emp_verified_at !== null && row.emp_verified_at !== undefined
  const suspended = row.emp_status === 'suspended'
  return {
    id: row.employer_id,
    name: row.emp_name ?? row.employer_name,
    verified,
    suspended,
    trust: trustLine(
      { verified, creditCode: row.emp_credit_code ?? null, suspended, since: row.emp_since ?? row.posted_at, unpaidWageCases: toCount(row.emp_unpaid_cases) },
      today,
    ),
  }
}

/** What a list card shows, and no more (types/jobs.ts); `today` (China date) dates the trust line's years with the county. */
export function toJobSummary(row: JobSummaryRow, today: string): JobSummary {
  return {
    id: row.id,
    title: row.title,
    employerName: row.employer_name,
    employerVerified: row.employer_verified === 1,
    province: row.province,
    city: row.city,
    district: row.district,
    wageMinYuan: row.wage_min_yuan,
    wageMaxYuan: row.wage_max_yuan,
    wageUnit: row.wage_unit as JobSummary['wageUnit'],
    benefits: parseList(row.benefits),
    // Past its end date and not yet closed by the sweep (it runs every few minutes): never shown as open.
    status: (row.status === 'open' && row.expires_at < today ? 'closed' : row.status) as JobSummary['status'],
    postedAt: row.posted_at,
    sourceStation: { name: row.source_name },
    // An unverified employer's own number is never shown: the station vouches for the posting instead.
    contactPhone: row.employer_verified === 1 ? row.employer_phone : row.source_phone,
    isSample: row.is_sample === 1,
    ...cardAnswers(row),
    employer: { trust: employerOf(row, today).trust },
  }
}

/** The card plus what only the detail page and the workbench show. */
export function toJobPosting(row: JobWithStations, today: string): JobPosting {
  return {
    ...toJobSummary(row, today),
    trade: row.trade as JobPosting['trade'],
    headcount: row.headcount,
    expiresAt: row.expires_at,
    sourceStation: { id: row.source_station_id, name: row.source_name, type: row.source_type as JobPosting['sourceStation']['type'] },
    employer: employerOf(row, today),
  }
}

export function toJobDetail(row: JobWithStations, today: string, myApplication: JobDetail['myApplication'] = null): JobDetail {
  const verified = row.employer_verified === 1
  const expired = row.expires_at < today
  const underReview = row.review_status === 'pending'
  return {
    ...toJobPosting(row, today),
    description: row.description,
    requirements: row.requirements,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    shifts: row.shifts,
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

/** Words beyond these are not tried one by one: a worker types two or three. */
const WIDEN_WORDS = 4
const WIDEN_OFFERS = 3

/**
 * When a search finds nothing, the nearest wider searches that do find something, nearest first: drop one
 * word (filters kept), drop the filters (words kept), then each word alone without filters (a place word
 * reads 看看新疆的全部岗位). Each candidate costs one `limit 1` query, and only on an empty first page.
 */
async function widenSearch(db: Kysely<DB>, filter: JobFilter): Promise<SearchWidening[]> {
  const words = searchWords(filter.q ?? '').slice(0, WIDEN_WORDS)
  const filtered = Boolean(filter.province || filter.city || filter.trade || filter.minWage !== undefined || filter.benefits?.length || filter.sourceType || hasCardFilter(filter.card))
  // One entry per distinct search: without filters, 去掉“电子厂” and 看看无锡的全部岗位 are the same search.
  const searches = new Map<string, { q: string; clearFilters: boolean; dropped?: string; alone?: string }>()
  const add = (q: string, clearFilters: boolean, how: { dropped?: string; alone?: string }) => {
    const clear = clearFilters && filtered
    const key = `${clear}\u0000${q}`
    searches.set(key, { q, clearFilters: clear, ...how, ...searches.get(key) })
  }
  if (words.length >= 2) for (const word of words) add(words.filter((w) => w !== word).join(' '), false, { dropped: word })
  if (filtered) add(words.join(' '), true, {})
  if (words.length >= 2 || filtered) for (const word of words) add(word, true, { alone: word })

  const offers: SearchWidening[] = []
  for (const s of searches.values()) {
    if (s.q === words.join(' ') && !s.clearFilters) continue
    const scope: JobFilter = s.clearFilters ? { stationId: filter.stationId, today: filter.today } : filter
    const [found] = await findOpenJobs(db, { ...scope, q: s.q || undefined }, { sort: 'newest' }, 1)
    if (!found) continue
    // The posting found names the word as its place: the worker typed a place.
    const place = s.alone !== undefined && [found.province, found.city].some((p) => p.includes(placeStem(s.alone!)))
    const label = place
      ? `看看${s.alone}的全部岗位`
      : s.dropped !== undefined
        ? `去掉“${s.dropped}”`
        : s.alone !== undefined && words.length > 1
          ? `只搜“${s.alone}”`
          : s.q
            ? `不限条件，搜“${s.q}”`
            : '不限条件，看看全部岗位'
    offers.push({ label, q: s.q, clearFilters: s.clearFilters })
    if (offers.length === WIDEN_OFFERS) break
  }
  return offers
}

/** The card filters of a list query (payType, meals, housing, maxAge); the local list applies them too. */
export function cardFilterOf(query: ListQuery): JobCardFilter | undefined {
  const card: JobCardFilter = {
    wageUnit: query.payType ? payTypeUnit[query.payType] : undefined,
    meals: query.meals || undefined,
    housing: query.housing,
    age: query.maxAge,
  }
  return hasCardFilter(card) ? card : undefined
}

/** A list page as kept, checked cards (job-cards.ts), for the route to send as they are. */
export interface JobCardPage {
  cards: string[]
  nextCursor: string | null
}

type JobList = { items: JobSummary[]; nextCursor: string | null; widen?: SearchWidening[] }

/**
 * A page of the list. With `cards`, newest and wage order read only each posting's stamp and reuse the cards kept
 * under it; distance order (a distance per caller) and an empty first page (wider searches offered) are built here.
 */
export async function listJobs(db: Kysely<DB>, query: ListQuery, now: Date, cards?: JobCards): Promise<JobList | JobCardPage> {
  const today = chinaDate(now)
  const filter: JobFilter = {
    q: query.q || undefined,
    province: query.province || undefined,
    city: query.city || undefined,
    trade: query.trade,
    minWage: query.minWage,
    benefits: query.benefits,
    sourceType: query.sourceType,
    stationId: query.stationId,
    card: cardFilterOf(query),
    today,
  }
  const order = orderOf(query)

  if (cards && order.sort !== 'distance') {
    const stamps = await findOpenJobStamps(db, filter, order, query.limit + 1)
    const page = stamps.slice(0, query.limit)
    const nextCursor = stamps.length > query.limit ? cursorAfter(order, page) : null
    if (page.length || query.cursor) return { cards: await cards.page(db, page, today), nextCursor }
    const widen = await widenSearch(db, filter)
    return widen.length ? { items: [], nextCursor, widen } : { items: [], nextCursor }
  }

  const rows = await findOpenJobs(db, filter, order, query.limit + 1)
  const page = rows.slice(0, query.limit)
  const items = page.map((row) => {
    const item = toJobSummary(row, today)
    if (order.sort === 'distance') item.distanceKm = roundKm(haversineKm(order.lat, order.lng, row.lat, row.lng))
    return item
  })
  const nextCursor = rows.length > query.limit ? cursorAfter(order, page) : null
  if (!items.length && !query.cursor) {
    const widen = await widenSearch(db, filter)
    if (widen.length) return { items, nextCursor, widen }
  }
  return { items, nextCursor }
}

function orderOf(query: ListQuery): JobOrder {
  if (query.sort === 'distance') {
    const c = decodeCursor(query.cursor, { o: 'number' })
    if (c && (!Number.isInteger(c.o) || c.o < 0)) throw badCursor()
    return { sort: 'distance', lat: query.lat!, lng: query.lng!, lngScale: lngScale(query.lat!), offset: c?.o ?? 0 }
  }
  if (query.sort === 'wage') {
    const c = decodeCursor(query.cursor, { w: 'number', id: 'number' })
    return { sort: 'wage', after: c ? { wage: c.w, id: c.id } : undefined }
  }
  const c = decodeCursor(query.cursor, { p: 'string', id: 'number' })
  return { sort: 'newest', after: c ? { postedAt: c.p, id: c.id } : undefined }
}

/** The cursor of the page after `page` (the rows shown, in order). */
function cursorAfter(order: JobOrder, page: readonly Pick<JobSummaryRow, 'id' | 'posted_at' | 'wage_max_yuan'>[]): string {
  if (order.sort === 'distance') return encodeCursor({ o: order.offset + page.length })
  const last = page[page.length - 1]
  return order.sort === 'wage' ? encodeCursor({ w: last.wage_max_yuan, id: last.id }) : encodeCursor({ p: last.posted_at, id: last.id })
}

export async function getJob(db: Kysely<DB>, id: number, now: Date, workerId: number | null = null): Promise<JobDetail> {
  const row = await findJobById(db, id)
  if (!row) throw notFound('没有找到这条招聘，可能已被删除')
  const mine = workerId === null ? undefined : await findApplicationFor(db, id, workerId)
  return toJobDetail(row, chinaDate(now), mine ? { id: mine.id, status: mine.status as ApplicationStatus } : null)
}
