/**
 * Enrolment rules. Every change to a course's seats or waitlist first locks the course row (see
 * lockCourse), then takes seats with a conditional UPDATE: the seat count is exact under any
 * concurrency, on one instance or several, and the waitlist is served in arrival order (id order).
 */
import type { Kysely } from 'kysely'
import { agreeTermsMessage, type Enrollment, type EnrollmentStatus } from '../../types'
import { redactAudit } from '../audit/audit.repository'
import type { DB } from '../db/schema'
import { conflict, notFound, validationFailed } from '../http/app-error'
import { chinaDate } from '../lib/dates'
import { eraseCourseRequestNotesOfUser, listUserCourseRequests } from './course-requests.repository'
import { findCourseRow, findCourseRowsByIds, findCourseSeats } from './courses.repository'
import {
  eraseEnrollmentDetailsOfUser,
  findEnrollment,
  findLiveEnrollment,
  firstWaitlisted,
  insertEnrollment,
  listUserEnrollments,
  liveEnrollmentIdsOfUser,
  lockCourse,
  releaseSeat,
  takeSeat,
  updateEnrollment,
  waitlistPosition,
} from './enrollments.repository'
import { toEnrollment } from './training-dto'
import { notify } from '../notifications/notify'

async function courseOf(db: Kysely<DB>, id: number) {
  const course = await findCourseRow(db, id)
  if (!course) throw notFound('没有找到这门课程，可能已被删除')
  return course
}

async function enrollmentDto(db: Kysely<DB>, id: number): Promise<Enrollment> {
  const row = await findEnrollment(db, id)
  if (!row) throw notFound('没有找到这条报名记录')
  return toEnrollment(row, await courseOf(db, row.course_id))
}

/**
 * Enrols the worker in `trx` (the idempotent request's transaction). A worker with a live enrolment gets it
 * back unchanged; after cancelling, enrolling again joins anew, at the back of the waitlist if the course is full.
 */
export async function enrollInCourse(trx: Kysely<DB>, userId: number, courseId: number, body: { agreeTerms?: boolean }, now: Date): Promise<Enrollment> {
  const course = await lockCourse(trx, courseId)
  if (!course) throw notFound('没有找到这门课程，可能已被删除')

  const existing = await findLiveEnrollment(trx, courseId, userId)
  if (existing) return toEnrollment(existing, course)

  if (course.mode === 'order' && body.agreeTerms !== true) throw validationFailed({ agreeTerms: agreeTermsMessage }, agreeTermsMessage)
  const today = chinaDate(now)
  if (today >= course.start_date) throw conflict('这个班已经开课了，不能再报名。可以看看别的培训')
  if (today > course.enroll_deadline) throw conflict('报名已经截止了。可以看看别的培训')

  const seated = await takeSeat(trx, courseId)
  const id = await insertEnrollment(trx, {
    courseId,
    userId,
    status: seated ? 'enrolled' : 'waitlisted',
    agreementText: course.mode === 'order' ? (course.agreement_text ?? '') : null,
    now,
  })
  return enrollmentDto(trx, id)
}

/**
 * Gives free seats to the waitlist, first come first served, until the course is full or nobody waits.
 * The caller holds the course lock.
 */
export async function promoteFromWaitlist(trx: Kysely<DB>, courseId: number, now: Date): Promise<number[]> {
  const course = await findCourseSeats(trx, courseId)
  const free = course.capacity - course.enrolled_count
  if (free <= 0) return []
  const promoted: number[] = []
  for (const { id } of await firstWaitlisted(trx, courseId, free)) {
    if (!(await takeSeat(trx, courseId))) break
    await updateEnrollment(trx, id, { status: 'enrolled', promoted_at: now.toISOString(), updated_at: now.toISOString() })
    promoted.push(id)
    await notify(trx, now, { kind: 'waitlist_seat', enrollmentId: id })
  }
  return promoted
}

/** Cancels inside `trx`, holding the course lock: a freed seat goes to the waitlist before anyone else can take it. */
async function cancelLocked(trx: Kysely<DB>, enrollmentId: number, courseId: number, now: Date, options: { anyTime: boolean }) {
  const course = await lockCourse(trx, courseId)
  const row = await findEnrollment(trx, enrollmentId)
  if (!course || !row) throw notFound('没有找到这条报名记录')
  if (row.status === 'cancelled') return
  if (row.status === 'completed' || row.status === 'certified') throw conflict('已经学完的课程不能取消')
  if (row.status === 'enrolled' && !options.anyTime && chinaDate(now) >= course.start_date) {
    throw conflict('已经开课了，不能在网上取消。请联系培训机构')
  }
  await updateEnrollment(trx, enrollmentId, { status: 'cancelled', cancelled_at: now.toISOString(), updated_at: now.toISOString() })
  if (row.status === 'enrolled') {
    await releaseSeat(trx, courseId)
    await promoteFromWaitlist(trx, courseId, now)
  }
}

/** The owner cancels; anyone else's enrolment is "not found". */
export async function cancelEnrollment(db: Kysely<DB>, userId: number, enrollmentId: number, now: Date): Promise<Enrollment> {
  return db.transaction().execute(async (trx) => {
    const row = await findEnrollment(trx, enrollmentId)
    if (!row || row.user_id !== userId) throw notFound('没有找到这条报名记录')
    await cancelLocked(trx, enrollmentId, row.course_id, now, { anyTime: false })
    return enrollmentDto(trx, enrollmentId)
  })
}

export async function listMyEnrollments(db: Kysely<DB>, userId: number): Promise<{ items: Enrollment[] }> {
  const rows = await listUserEnrollments(db, userId)
  const courseIds = [...new Set(rows.map((r) => r.course_id))]
  const courses = await findCourseRowsByIds(db, courseIds)
  const byId = new Map(courses.map((c) => [c.id, c]))
  return { items: rows.map((r) => toEnrollment(r, byId.get(r.course_id)!)) }
}

/** For the course page: the worker's live enrolment, or null. */
export async function getMyEnrollmentRef(db: Kysely<DB>, userId: number, courseId: number) {
  const row = await findLiveEnrollment(db, courseId, userId)
  return row ? { id: row.id, status: row.status as EnrollmentStatus, waitlistPosition: waitlistPosition(row) } : null
}

/** What GET /api/me/export lists about training. */
export async function exportTrainingRecords(db: Kysely<DB>, userId: number) {
  const enrollments = (await listMyEnrollments(db, userId)).items.map((e) => ({
    ...e,
    course: { id: e.course.id, title: e.course.title },
  }))
  const requests = await listUserCourseRequests(db, userId)
  return {
    enrollments,
    courseRequests: requests.map((r) => ({ id: r.id, trade: r.trade, note: r.note, createdAt: r.created_at })),
  }
}

/**
 * Account deletion, inside its transaction: live seats and waitlist places are given up (the seat goes to the
 * next worker), free-text notes and certificate numbers are erased; finished enrolments stay, without identity,
 * for the county's training counts.
 */
export async function eraseTrainingData(trx: Kysely<DB>, userId: number, now: Date): Promise<void> {
  for (const e of await liveEnrollmentIdsOfUser(trx, userId)) {
    await cancelLocked(trx, e.id, e.course_id, now, { anyTime: true })
  }
  await eraseEnrollmentDetailsOfUser(trx, userId)
  await eraseCourseRequestNotesOfUser(trx, userId)
  // Completions and certificates were audited with the trainee's name: as the list now shows a deleted worker.
  const ids = (await listUserEnrollments(trx, userId)).map((e) => e.id)
  await redactAudit(trx, 'enrollment', ids, (e) => ({ ...e, name: null, phone: '已注销', certificate: null }))
}
