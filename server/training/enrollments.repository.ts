/** All SQL for enrolments and the seat counter. Every function takes the database or a transaction first. */
import type { Kysely, Updateable } from 'kysely'
import { toCount } from '../db/dialect'
import type { DB, EnrollmentTable } from '../db/schema'
import { seatCounter } from '../db/seat-counter'

/** Statuses that block a second enrolment in the same course. */
const liveStatuses = ['enrolled', 'waitlisted', 'completed', 'certified'] as const

const courseSeats = seatCounter({ table: 'courses', taken: 'enrolled_count', capacity: 'capacity' })
/** The course row, locked: every change to its seats and waitlist runs one at a time and in arrival order. */
export const lockCourse = courseSeats.lock
export const takeSeat = courseSeats.take
export const releaseSeat = courseSeats.release

function withPosition(db: Kysely<DB>) {
  return db
    .selectFrom('enrollments as e')
    .selectAll('e')
    .select((eb) =>
      eb
        .selectFrom('enrollments as w')
        .select((w) => w.fn.countAll().as('n'))
        .whereRef('w.course_id', '=', 'e.course_id')
        .where('w.status', '=', 'waitlisted')
        .whereRef('w.id', '<=', 'e.id')
        .as('queue_rank'),
    )
}

export type EnrollmentWithRank = Awaited<ReturnType<ReturnType<typeof withPosition>['executeTakeFirstOrThrow']>>

/** 1-based place in the course's waitlist, or null when not waitlisted. */
export function waitlistPosition(row: Pick<EnrollmentWithRank, 'status' | 'queue_rank'>): number | null {
  return row.status === 'waitlisted' ? toCount(row.queue_rank as string | number | null) : null
}

export async function findEnrollment(db: Kysely<DB>, id: number) {
  return withPosition(db).where('e.id', '=', id).executeTakeFirst()
}

export async function findLiveEnrollment(db: Kysely<DB>, courseId: number, userId: number) {
  return withPosition(db)
    .where('e.course_id', '=', courseId)
    .where('e.user_id', '=', userId)
    .where('e.status', 'in', [...liveStatuses])
    .executeTakeFirst()
}

export async function listUserEnrollments(db: Kysely<DB>, userId: number) {
  return withPosition(db).where('e.user_id', '=', userId).orderBy('e.id', 'desc').execute()
}

export async function listCourseEnrollmentsWithWorkers(db: Kysely<DB>, courseId: number) {
  return withPosition(db)
    .innerJoin('users', 'users.id', 'e.user_id')
    .select(['users.name as user_name', 'users.phone_enc as user_phone_enc'])
    .where('e.course_id', '=', courseId)
    .where('e.status', '<>', 'cancelled')
    .orderBy('e.id', 'asc')
    .execute()
}

export async function insertEnrollment(
  trx: Kysely<DB>,
  values: { courseId: number; userId: number; status: 'enrolled' | 'waitlisted'; agreementText: string | null; now: Date },
): Promise<number> {
  const at = values.now.toISOString()
  const row = await trx
    .insertInto('enrollments')
    .values({
      course_id: values.courseId,
      user_id: values.userId,
      status: values.status,
      agreed_terms_at: values.agreementText ? at : null,
      agreement_text: values.agreementText,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateEnrollment(trx: Kysely<DB>, id: number, set: Updateable<EnrollmentTable>): Promise<void> {
  await trx.updateTable('enrollments').set(set).where('id', '=', id).execute()
}

/** The first `limit` on the course's waitlist, in arrival order. */
export async function firstWaitlisted(trx: Kysely<DB>, courseId: number, limit: number) {
  return trx
    .selectFrom('enrollments')
    .select('id')
    .where('course_id', '=', courseId)
    .where('status', '=', 'waitlisted')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute()
}

export async function liveEnrollmentIdsOfUser(trx: Kysely<DB>, userId: number) {
  return trx
    .selectFrom('enrollments')
    .select(['id', 'course_id', 'status'])
    .where('user_id', '=', userId)
    .where('status', 'in', ['enrolled', 'waitlisted'])
    .orderBy('id')
    .execute()
}

/** Enrolments per course and status for a page of courses (cancelled ones left out). */
export async function countEnrollmentsByCourse(db: Kysely<DB>, courseIds: number[]) {
  if (courseIds.length === 0) return []
  const rows = await db
    .selectFrom('enrollments')
    .select(['course_id', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('course_id', 'in', courseIds)
    .where('status', '<>', 'cancelled')
    .groupBy(['course_id', 'status'])
    .execute()
  return rows.map((r) => ({ courseId: r.course_id, status: r.status, n: toCount(r.n as string | number) }))
}

/** Account deletion: certificate numbers and the agreed-terms copies go; the enrolments stay for the counts. */
export async function eraseEnrollmentDetailsOfUser(trx: Kysely<DB>, userId: number): Promise<void> {
  await trx.updateTable('enrollments').set({ certificate_number: null, agreement_text: null }).where('user_id', '=', userId).execute()
}
