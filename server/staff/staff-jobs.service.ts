/**
 * Staff side of postings: publish, edit, close, verify the employer, decide on reported postings.
 * Every write happens in the route's transaction with its audit row, and re-indexes the posting's
 * search text (indexJobs) in that same transaction whenever the text may have changed.
 */
import type { Kysely, Updateable } from 'kysely'
import type { z } from 'zod/mini'
import {
  type createStaffJobBody,
  type StaffJob,
  type StaffJobListItem,
  staffJobRuleErrors,
  type UpdateStaffJobBody,
} from '../../types'
import { writeAudit } from '../audit/audit.repository'
import { type DB, type JobTable } from '../db/schema'
import { toCount } from '../db/dialect'
import type { StaffCaller } from '../http/caller'
import { conflict, forbidden, notFound, validationFailed } from '../http/app-error'
import { indexJobs } from '../jobs/job-search.repository'
import { countApplicationsByJob } from '../jobs/applications.repository'
import { findJobById, findJobIdsNewestFirst, findJobsByIds, insertJob, type JobWithStations, lockJob, updateJob } from '../jobs/jobs.repository'
import { findJobsUnderReview, listOpenReportsForJob, settleReportedJob } from '../jobs/reports.repository'
import { toJobDetail, toJobPosting } from '../jobs/jobs.service'
import { badCursor, decodeCursor, paginate } from '../lib/cursor'
import { chinaDate } from '../lib/dates'
import { findStationById, findStationNames } from '../stations/stations.repository'
import { findEmployerById, findOrCreateEmployer, markEmployerVerified } from '../jobs/employers.repository'
import { findStaffName } from './staff.repository'
import { isAdmin, requireStation, staffActor, stationFilterOf } from './staff-scope'

const NOT_FOUND = '没有找到这条招聘，可能已被删除'

async function applicationCounts(db: Kysely<DB>, jobIds: readonly number[]) {
  const counts = new Map<number, { applications: number; hired: number }>()
  for (const r of await countApplicationsByJob(db, jobIds)) counts.set(r.job_id, { applications: toCount(r.n), hired: toCount(r.hired) })
  return counts
}

async function toStaffJob(db: Kysely<DB>, row: JobWithStations, now: Date): Promise<StaffJob> {
  const counts = (await applicationCounts(db, [row.id])).get(row.id)
  const verifier = row.verified_by_staff_id !== null ? await findStaffName(db, row.verified_by_staff_id) : undefined
  return {
    ...toJobDetail(row, chinaDate(now)),
    employerPhone: row.employer_phone,
    kind: row.kind as StaffJob['kind'],
    reviewStatus: row.review_status as StaffJob['reviewStatus'],
    verifiedByStaff: row.employer_verified === 1 && verifier ? { id: verifier.id, name: verifier.display_name } : null,
    applicationCount: counts?.applications ?? 0,
    hiredCount: counts?.hired ?? 0,
  }
}

/** The posting, if the caller may act on it: 404 when there is none, 403 when another station's. */
export async function getJobForStaff(db: Kysely<DB>, caller: StaffCaller, id: number, lock = false): Promise<JobWithStations> {
  if (lock) await lockJob(db, id)
  const row = await findJobById(db, id)
  if (!row) throw notFound(NOT_FOUND)
  requireStation(caller, row.source_station_id)
  return row
}

export async function getStaffJob(db: Kysely<DB>, caller: StaffCaller, id: number, now: Date): Promise<StaffJob> {
  return toStaffJob(db, await getJobForStaff(db, caller, id), now)
}

export async function listStaffJobs(
  db: Kysely<DB>,
  caller: StaffCaller,
  query: { status?: string; stationId?: number; q?: string; cursor?: string; limit: number },
  now: Date,
): Promise<{ items: StaffJobListItem[]; nextCursor: string | null }> {
  const station = stationFilterOf(caller, query.stationId)
  const after = decodeCursor(query.cursor, { id: 'number' })
  if (after && !Number.isInteger(after.id)) throw badCursor()
  const ids = await findJobIdsNewestFirst(db, { station, status: query.status, q: query.q }, after?.id, query.limit + 1)
  const { page, nextCursor } = paginate(ids, query.limit, (last) => ({ id: last }))
  const rows = new Map((await findJobsByIds(db, page)).map((r) => [r.id, r]))
  const counts = await applicationCounts(db, page)
  const items = page.flatMap((id) => {
    const row = rows.get(id)
    if (!row) return []
    const c = counts.get(id)
    return [{ ...toJobPosting(row, chinaDate(now)), reviewStatus: row.review_status as StaffJobListItem['reviewStatus'], applicationCount: c?.applications ?? 0, hiredCount: c?.hired ?? 0 }]
  })
  return { items, nextCursor }
}

function checkRules(j: Parameters<typeof staffJobRuleErrors>[0]) {
  const fields = staffJobRuleErrors(j)
  if (Object.keys(fields).length) throw validationFailed(fields)
}

export async function createStaffJob(trx: Kysely<DB>, caller: StaffCaller, body: z.output<typeof createStaffJobBody>, now: Date): Promise<StaffJob> {
  let stationId: number
  if (isAdmin(caller)) {
    if (body.sourceStationId === undefined) throw validationFailed({ sourceStationId: '请选择通过哪个工作站发布' })
    stationId = body.sourceStationId
  } else {
    if (caller.stationId === null) throw forbidden('这个账号没有所属工作站，不能发布岗位')
    if (body.sourceStationId !== undefined && body.sourceStationId !== caller.stationId) throw forbidden('只能为本工作站发布岗位')
    stationId = caller.stationId
  }
  const station = await findStationById(trx, stationId)
  if (!station) throw validationFailed({ sourceStationId: '没有这个工作站' })
  checkRules(body)
  if (body.expiresAt < chinaDate(now)) throw validationFailed({ expiresAt: '截止日期不能早于今天' })
  const at = now.toISOString()
  const employerId = await findOrCreateEmployer(trx, body.employerName, now)
  await requireActiveEmployer(trx, employerId)
  const id = await insertJob(trx, {
    seed_key: null,
    title: body.title,
    employer_name: body.employerName,
    employer_phone: body.employerPhone,
    // A new employer is unverified until staff check it (verify-employer).
    employer_verified: 0,
    verified_by_station_id: null,
    verified_at: null,
    source_station_id: stationId,
    trade: body.trade,
    province: body.province,
    city: body.city,
    district: body.district,
    address: body.address,
    lat: body.lat ?? station.lat,
    lng: body.lng ?? station.lng,
    wage_min_yuan: body.wageMinYuan,
    wage_max_yuan: body.wageMaxYuan,
    wage_unit: body.wageUnit,
    benefits: JSON.stringify(syncBenefits(body.benefits, body)),
    headcount: body.headcount,
    age_min: body.ageMin,
    age_max: body.ageMax,
    shifts: body.shifts,
    hours_per_day: body.hoursPerDay,
    requirements: body.requirements,
    description: body.description,
    status: 'open',
    posted_at: at,
    expires_at: body.expiresAt,
    is_sample: 0,
    created_at: at,
    employer_id: employerId,
    pay_schedule: body.paySchedule,
    pay_day: body.payDay,
    days_off: body.daysOff,
    meals: body.meals,
    housing: body.housing,
    social_insurance: body.socialInsurance,
    overtime_pay: body.overtimePay,
    probation_months: body.probationMonths,
  })
  await indexJobs(trx, [id])
  const created = await toStaffJob(trx, (await findJobById(trx, id))!, now)
  await writeAudit(trx, { actor: staffActor(caller), action: 'job.create', entity: 'job', entityId: id, after: created, at: now })
  return created
}

const columnOf: Record<keyof Required<UpdateStaffJobBody>, keyof JobTable> = {
  title: 'title',
  employerName: 'employer_name',
  employerPhone: 'employer_phone',
  trade: 'trade',
  province: 'province',
  city: 'city',
  district: 'district',
  address: 'address',
  lat: 'lat',
  lng: 'lng',
  wageMinYuan: 'wage_min_yuan',
  wageMaxYuan: 'wage_max_yuan',
  wageUnit: 'wage_unit',
  benefits: 'benefits',
  headcount: 'headcount',
  ageMin: 'age_min',
  ageMax: 'age_max',
  shifts: 'shifts',
  hoursPerDay: 'hours_per_day',
  requirements: 'requirements',
  description: 'description',
  expiresAt: 'expires_at',
  status: 'status',
  paySchedule: 'pay_schedule',
  payDay: 'pay_day',
  daysOff: 'days_off',
  meals: 'meals',
  housing: 'housing',
  socialInsurance: 'social_insurance',
  overtimePay: 'overtime_pay',
  probationMonths: 'probation_months',
}

/**
 * The benefit tags a worker already filters by follow the structured answers they restate (包吃, 包住, 社保), so the
 * two never disagree; an answer left 未说明 leaves its tag as staff set it.
 */
function syncBenefits(
  benefits: readonly string[],
  answers: { meals?: string | null; housing?: string | null; socialInsurance?: string | null },
): string[] {
  const set = new Set(benefits)
  const follow = (tag: string, answer: string | null | undefined, yes: readonly string[]) => {
    if (answer === undefined || answer === null) return
    if (yes.includes(answer)) set.add(tag)
    else set.delete(tag)
  }
  follow('包吃', answers.meals, ['provided'])
  follow('包住', answers.housing, ['dorm', 'couple'])
  follow('社保', answers.socialInsurance, ['paid'])
  return [...set]
}

/** A suspended employer cannot post again until an admin lifts the suspension. */
async function requireActiveEmployer(db: Kysely<DB>, employerId: number) {
  const employer = await findEmployerById(db, employerId)
  if (employer?.status === 'suspended') throw conflict('这个用工单位已被暂停合作，不能发布或重新开放它的岗位')
}
const searchedKeys: readonly (keyof UpdateStaffJobBody)[] = ['title', 'employerName', 'trade', 'description', 'province', 'city']
const employerKeys: readonly (keyof UpdateStaffJobBody)[] = ['employerName', 'employerPhone']

export async function updateStaffJob(trx: Kysely<DB>, caller: StaffCaller, id: number, body: UpdateStaffJobBody, now: Date): Promise<StaffJob> {
  const row = await getJobForStaff(trx, caller, id, true)
  const before = await toStaffJob(trx, row, now)
  const given = Object.entries(body).filter(([, v]) => v !== undefined) as [keyof UpdateStaffJobBody, unknown][]
  checkRules({ ...before, ...Object.fromEntries(given) } as StaffJob)
  if (body.expiresAt !== undefined && body.expiresAt !== row.expires_at && body.expiresAt < chinaDate(now)) {
    throw validationFailed({ expiresAt: '截止日期不能早于今天' })
  }
  if (body.status === 'open' && row.review_status === 'removed') throw conflict('这个岗位因举报核实后已下架，不能重新开放')
  if (body.status === 'open' && row.review_status === 'pending') throw conflict('这个岗位正在核查举报，请先处理举报')
  // The end-date sweep would close it again at once: reopening needs a new end date.
  if (body.status === 'open' && (body.expiresAt ?? row.expires_at) < chinaDate(now)) {
    throw validationFailed({ expiresAt: '截止日期已过，请把截止日期改到今天或以后再重新开放' })
  }

  if (body.status === 'open' && row.employer_id !== null) await requireActiveEmployer(trx, row.employer_id)

  const set: Updateable<JobTable> = {}
  for (const [key, value] of given) (set as Record<string, unknown>)[columnOf[key]] = key === 'benefits' ? JSON.stringify([...new Set(value as string[])]) : value
  if (body.benefits !== undefined || body.meals !== undefined || body.housing !== undefined || body.socialInsurance !== undefined) {
    const current = body.benefits ?? (JSON.parse(row.benefits) as string[])
    set.benefits = JSON.stringify(syncBenefits(current, body))
  }
  if (body.employerName !== undefined && body.employerName !== row.employer_name) {
    set.employer_id = await findOrCreateEmployer(trx, body.employerName, now)
    await requireActiveEmployer(trx, set.employer_id)
  }
  // A headcount cut to those already hired fills the posting, as the hire that reached it would have.
  const headcount = body.headcount ?? row.headcount
  if ((body.status ?? row.status) === 'open' && row.hired_count > 0 && row.hired_count >= headcount) set.status = 'filled'
  // A different employer name or phone is a different employer as far as the check goes: it must be checked again.
  const employerChanged = given.some(([k, v]) => employerKeys.includes(k) && v !== (k === 'employerName' ? row.employer_name : row.employer_phone))
  if (employerChanged && row.employer_verified === 1) Object.assign(set, { employer_verified: 0, verified_by_station_id: null, verified_by_staff_id: null, verified_at: null })
  if (Object.keys(set).length) await updateJob(trx, id, set)
  if (given.some(([k]) => searchedKeys.includes(k))) await indexJobs(trx, [id])

  const after = await toStaffJob(trx, (await findJobById(trx, id))!, now)
  await writeAudit(trx, { actor: staffActor(caller), action: 'job.update', entity: 'job', entityId: id, before, after, at: now })
  return after
}

export async function verifyEmployer(trx: Kysely<DB>, caller: StaffCaller, id: number, now: Date): Promise<StaffJob> {
  const row = await getJobForStaff(trx, caller, id, true)
  const before = await toStaffJob(trx, row, now)
  await updateJob(trx, id, {
    employer_verified: 1,
    // The station that vouches: the checker's own, or for an admin the posting's station.
    verified_by_station_id: caller.stationId ?? row.source_station_id,
    verified_by_staff_id: caller.staffId,
    verified_at: now.toISOString(),
  })
  // The employer record is checked from then on, by this first check (a later posting's check does not move it).
  if (row.employer_id !== null) await markEmployerVerified(trx, row.employer_id, caller.stationId ?? row.source_station_id, caller.staffId, now)
  const after = await toStaffJob(trx, (await findJobById(trx, id))!, now)
  await writeAudit(trx, { actor: staffActor(caller), action: 'job.verify_employer', entity: 'job', entityId: id, before, after, at: now })
  return after
}

export async function listJobsUnderReview(db: Kysely<DB>, caller: StaffCaller) {
  const station = stationFilterOf(caller)
  const jobs = (await findJobsUnderReview(db)).filter((j) => station === undefined || j.source_station_id === station)
  const names = await findStationNames(db, [...new Set(jobs.map((j) => j.source_station_id))])
  const items = []
  for (const j of jobs) {
    const reports = await listOpenReportsForJob(db, j.id)
    items.push({
      id: j.id,
      title: j.title,
      employerName: j.employer_name,
      sourceStation: { id: j.source_station_id, name: names.get(j.source_station_id) ?? '' },
      reports: reports.map((r) => ({ id: r.id, reason: r.reason as 'fee', detail: r.detail, createdAt: r.created_at })),
    })
  }
  return { items }
}

export async function reviewJob(
  trx: Kysely<DB>,
  caller: StaffCaller,
  id: number,
  body: { decision: 'restore' | 'remove'; note: string },
  now: Date,
): Promise<StaffJob> {
  const row = await getJobForStaff(trx, caller, id, true)
  if (row.review_status !== 'pending') throw conflict('这个岗位不在待核查的名单里')
  const before = await toStaffJob(trx, row, now)
  const reports = await listOpenReportsForJob(trx, id)
  await settleReportedJob(trx, id, body.decision === 'restore' ? 'cleared' : 'closed', now)
  const after = await toStaffJob(trx, (await findJobById(trx, id))!, now)
  await writeAudit(trx, {
    actor: staffActor(caller),
    action: `job.review.${body.decision}`,
    entity: 'job',
    entityId: id,
    before: { ...before, openReports: reports.map((r) => r.id) },
    after: { ...after, note: body.note },
    at: now,
  })
  return after
}
