/**
 * Staff side of training. Courses are run by the county's labour-export centre, so only admins create and
 * edit courses, mark completion and record certificates; station staff may read enrolment lists (phones masked).
 * Every write is audited in its own transaction.
 */
import type { Kysely, Updateable } from 'kysely'
import type { z } from 'zod/mini'
import {
  type Course,
  courseRuleErrors,
  type createCourseBody,
  type CourseMode,
  type EnrollmentStatus,
  maskPhone,
  type StaffCourseListItem,
  type StaffEnrollment,
  type Trade,
  type UpdateCourseBody,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { findUserNameAndPhone } from '../accounts/users.repository'
import { writeAudit } from '../audit/audit.repository'
import type { CourseTable, DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { conflict, notFound, validationFailed } from '../http/app-error'
import { decodeCursor, paginate } from '../lib/cursor'
import { addDays, chinaDate } from '../lib/dates'
import { rosterOnTrainingPlaced } from '../roster/roster-moves.service'
import { writeAccess } from '../staff/access-log.repository'
import { requireAdmin, staffActor } from '../staff/staff-scope'
import { findCourseById, findCoursesLatestFirst, insertCourse, updateCourseColumns } from './courses.repository'
import { countEnrollmentsByCourse, type EnrollmentWithRank, findEnrollment, listCourseEnrollmentsWithWorkers, lockCourse, updateEnrollment, waitlistPosition } from './enrollments.repository'
import { promoteFromWaitlist } from './enrollments.service'
import { toCertificate, toCourse } from './training-dto'

const COUNTY_RUNS_COURSES = '培训班由县劳务输转服务中心统一管理，请联系中心管理员'

async function courseDto(db: Kysely<DB>, id: number): Promise<Course> {
  const row = await findCourseById(db, id)
  if (!row) throw notFound('没有找到这门课程，可能已被删除')
  return toCourse(row)
}

function checkRules(c: Parameters<typeof courseRuleErrors>[0]) {
  const fields = courseRuleErrors(c)
  if (Object.keys(fields).length) throw validationFailed(fields)
}

/** Days from start to end, inclusive: the default number of sessions (one a day). */
const daySpan = (start: string, end: string) => {
  let n = 1
  while (n < 1000 && addDays(start, n) <= end) n++
  return n
}

export async function createCourse(trx: Kysely<DB>, caller: StaffCaller, body: z.output<typeof createCourseBody>, now: Date): Promise<Course> {
  requireAdmin(caller, COUNTY_RUNS_COURSES)
  checkRules(body)
  if (body.enrollDeadline < chinaDate(now)) throw validationFailed({ enrollDeadline: '报名截止日期不能早于今天' })
  const order = body.mode === 'order'
  const id = await insertCourse(trx, {
    title: body.title,
    trade: body.trade,
    mode: body.mode,
    provider: body.provider,
    location: body.location,
    start_date: body.startDate,
    end_date: body.endDate,
    enroll_deadline: body.enrollDeadline,
    sessions: body.sessions ?? daySpan(body.startDate, body.endDate),
    capacity: body.capacity,
    enrolled_count: 0,
    cost_yuan: body.costYuan,
    subsidy_yuan: body.subsidyYuan,
    certificate: body.certificate,
    certificate_level: body.certificateLevel,
    requirements: body.requirements,
    description: body.description,
    brand_id: null,
    // Placement fields belong to order courses only.
    partner_employer: order ? body.partnerEmployer : null,
    destination_city: order ? body.destinationCity : null,
    expected_wage_yuan: order ? body.expectedWageYuan : null,
    agreement_text: order ? body.agreementText : null,
    is_sample: 0,
    created_at: now.toISOString(),
  })
  const created = await courseDto(trx, id)
  await writeAudit(trx, { actor: staffActor(caller), action: 'course.create', entity: 'course', entityId: id, after: created, at: now })
  return created
}

const columnOf: Record<keyof Required<UpdateCourseBody>, keyof CourseTable> = {
  title: 'title',
  trade: 'trade',
  mode: 'mode',
  provider: 'provider',
  location: 'location',
  capacity: 'capacity',
  startDate: 'start_date',
  endDate: 'end_date',
  enrollDeadline: 'enroll_deadline',
  sessions: 'sessions',
  costYuan: 'cost_yuan',
  subsidyYuan: 'subsidy_yuan',
  certificate: 'certificate',
  certificateLevel: 'certificate_level',
  description: 'description',
  requirements: 'requirements',
  partnerEmployer: 'partner_employer',
  destinationCity: 'destination_city',
  expectedWageYuan: 'expected_wage_yuan',
  agreementText: 'agreement_text',
}

/** Changes a course under its lock; capacity may not drop below the seats taken, and a raise moves the waitlist up. */
export async function updateCourse(trx: Kysely<DB>, caller: StaffCaller, id: number, body: UpdateCourseBody, now: Date): Promise<Course> {
  requireAdmin(caller, COUNTY_RUNS_COURSES)
  const locked = await lockCourse(trx, id)
  if (!locked) throw notFound('没有找到这门课程，可能已被删除')
  const before = await courseDto(trx, id)
  const merged = { ...before, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) } as Course
  checkRules(merged)
  if (merged.capacity < locked.enrolled_count) {
    throw conflict(`已经有 ${locked.enrolled_count} 人报上名，名额不能少于 ${locked.enrolled_count} 个`)
  }
  const set: Updateable<CourseTable> = {}
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined) (set as Record<string, unknown>)[columnOf[key as keyof UpdateCourseBody]] = value
  }
  if (merged.mode !== 'order') Object.assign(set, { partner_employer: null, destination_city: null, expected_wage_yuan: null, agreement_text: null })
  if (Object.keys(set).length) await updateCourseColumns(trx, id, set)
  const promoted = await promoteFromWaitlist(trx, id, now)
  const after = await courseDto(trx, id)
  await writeAudit(trx, {
    actor: staffActor(caller),
    action: 'course.update',
    entity: 'course',
    entityId: id,
    before,
    after: promoted.length ? { ...after, promotedEnrollmentIds: promoted } : after,
    at: now,
  })
  return after
}

/** Every course with how full it is; all staff may read (the county runs the courses, not one station). */
export async function listStaffCourses(
  db: Kysely<DB>,
  query: { mode?: CourseMode; trade?: Trade; cursor?: string; limit: number },
): Promise<{ items: StaffCourseListItem[]; nextCursor: string | null }> {
  const c = decodeCursor(query.cursor, { s: 'string', id: 'number' })
  const rows = await findCoursesLatestFirst(db, { mode: query.mode, trade: query.trade }, c ? { startDate: c.s, id: c.id } : undefined, query.limit + 1)
  const { page, nextCursor } = paginate(rows, query.limit, (last) => ({ s: last.start_date, id: last.id }))
  const counts = await countEnrollmentsByCourse(db, page.map((r) => r.id))
  const count = (id: number, statuses: string[]) => counts.filter((x) => x.courseId === id && statuses.includes(x.status)).reduce((n, x) => n + x.n, 0)
  return {
    items: page.map((row) => ({
      ...toCourse(row),
      taken: row.enrolled_count,
      waitlistCount: count(row.id, ['waitlisted']),
      finishedCount: count(row.id, ['completed', 'certified']),
      certifiedCount: count(row.id, ['certified']),
    })),
    nextCursor,
  }
}

type StaffRow = EnrollmentWithRank & { user_name: string | null; user_phone_enc: string | null }

function toStaffEnrollment(row: StaffRow, keys: DataKeys): StaffEnrollment {
  const phone = row.user_phone_enc ? keys.decrypt(row.user_phone_enc) : ''
  return {
    id: row.id,
    status: row.status as EnrollmentStatus,
    waitlistPosition: waitlistPosition(row),
    name: row.user_name,
    phone: phone ? maskPhone(phone) : '已注销',
    agreedTermsAt: row.agreed_terms_at,
    createdAt: row.created_at,
    certificate: toCertificate(row),
  }
}

/**
 * Courses are the county centre's, so any staff member may read a list (phones masked); each read is logged, one
 * access entry per worker on it, so a worker's export shows who saw them on which list.
 */
export async function listCourseEnrollments(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, courseId: number, now: Date) {
  const course = await courseDto(db, courseId)
  const rows = (await listCourseEnrollmentsWithWorkers(db, courseId)) as StaffRow[]
  await writeAccess(
    db,
    rows.filter((r) => r.user_phone_enc !== null).map((r) => ({ staffId: caller.staffId, action: 'enrollment_list' as const, userId: r.user_id, detail: `培训 ${course.id}「${course.title}」报名名单`, at: now })),
  )
  return {
    course,
    enrolled: rows.filter((r) => r.status !== 'waitlisted').map((r) => toStaffEnrollment(r, keys)),
    waitlist: rows.filter((r) => r.status === 'waitlisted').map((r) => toStaffEnrollment(r, keys)),
  }
}

async function staffEnrollmentDto(db: Kysely<DB>, keys: DataKeys, id: number): Promise<StaffEnrollment> {
  const row = await findEnrollment(db, id)
  if (!row) throw notFound('没有找到这条报名记录')
  const user = await findUserNameAndPhone(db, row.user_id)
  return toStaffEnrollment({ ...row, user_name: user?.name ?? null, user_phone_enc: user?.phone_enc ?? null }, keys)
}

export async function completeEnrollment(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, now: Date): Promise<StaffEnrollment> {
  requireAdmin(caller, COUNTY_RUNS_COURSES)
  return db.transaction().execute(async (trx) => {
    const row = await findEnrollment(trx, id)
    if (!row) throw notFound('没有找到这条报名记录')
    const course = await lockCourse(trx, row.course_id)
    if (!course) throw notFound('没有找到这门课程，可能已被删除')
    const before = await staffEnrollmentDto(trx, keys, id)
    if (before.status === 'completed' || before.status === 'certified') return before
    if (before.status !== 'enrolled') throw conflict('只有报上名的学员才能记为结业')
    if (chinaDate(now) < course.start_date) throw conflict('还没开课，不能记为结业')
    await updateEnrollment(trx, id, { status: 'completed', completed_at: now.toISOString(), updated_at: now.toISOString() })
    await rosterOnTrainingPlaced(trx, course.id, row.user_id, now)
    const after = await staffEnrollmentDto(trx, keys, id)
    await writeAudit(trx, { actor: staffActor(caller), action: 'enrollment.complete', entity: 'enrollment', entityId: id, before, after, at: now })
    return after
  })
}

export async function issueCertificate(
  trx: Kysely<DB>,
  keys: DataKeys,
  caller: StaffCaller,
  id: number,
  body: { number: string; level: string; issuedOn: string },
  now: Date,
): Promise<StaffEnrollment> {
  requireAdmin(caller, COUNTY_RUNS_COURSES)
  const row = await findEnrollment(trx, id)
  if (!row) throw notFound('没有找到这条报名记录')
  await lockCourse(trx, row.course_id)
  const before = await staffEnrollmentDto(trx, keys, id)
  if (before.status !== 'completed' && before.status !== 'certified') throw conflict('学员结业以后才能登记证书')
  if (body.issuedOn > chinaDate(now)) throw validationFailed({ issuedOn: '发证日期不能晚于今天' })
  await updateEnrollment(trx, id, {
    status: 'certified',
    certificate_number: body.number,
    certificate_level: body.level,
    certificate_issued_on: body.issuedOn,
    updated_at: now.toISOString(),
  })
  const after = await staffEnrollmentDto(trx, keys, id)
  await writeAudit(trx, { actor: staffActor(caller), action: 'enrollment.certificate', entity: 'enrollment', entityId: id, before, after, at: now })
  return after
}
