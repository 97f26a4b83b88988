/** Course rules and the row → contract mapping. */
import type { Kysely } from 'kysely'
import type { Course, CourseDetail, CourseMode, Trade } from '../../types'
import type { DB } from '../db/schema'
import { notFound } from '../http/app-error'
import { decodeCursor, paginate } from '../lib/cursor'
import { type CourseWithBrand, findCourseById, findCourses } from './courses.repository'
import { myEnrollmentRef } from './enrollments.service'

export function toCourse(row: CourseWithBrand): Course {
  return {
    id: row.id,
    title: row.title,
    trade: row.trade as Trade,
    mode: row.mode as CourseMode,
    provider: row.provider,
    location: row.location,
    startDate: row.start_date,
    endDate: row.end_date,
    enrollDeadline: row.enroll_deadline,
    sessions: row.sessions,
    capacity: row.capacity,
    seatsLeft: Math.max(0, row.capacity - row.enrolled_count),
    costYuan: row.cost_yuan,
    subsidyYuan: row.subsidy_yuan,
    certificate: row.certificate,
    certificateLevel: row.certificate_level,
    requirements: row.requirements,
    description: row.description,
    brand: row.brand_name ?? null,
    partnerEmployer: row.partner_employer,
    destinationCity: row.destination_city,
    expectedWageYuan: row.expected_wage_yuan,
    agreementText: row.agreement_text,
    isSample: row.is_sample === 1,
  }
}

export async function listCourses(
  db: Kysely<DB>,
  query: { mode?: CourseMode; trade?: Trade; month?: string; cursor?: string; limit: number },
): Promise<{ items: Course[]; nextCursor: string | null }> {
  const c = decodeCursor(query.cursor, { s: 'string', id: 'number' })
  const rows = await findCourses(
    db,
    { mode: query.mode, trade: query.trade, month: query.month },
    c ? { startDate: c.s, id: c.id } : undefined,
    query.limit + 1,
  )
  const { page, nextCursor } = paginate(rows, query.limit, (last) => ({ s: last.start_date, id: last.id }))
  return { items: page.map(toCourse), nextCursor }
}

/** One course; for a signed-in worker, with their live enrolment in it. */
export async function getCourse(db: Kysely<DB>, id: number, workerId: number | null = null): Promise<CourseDetail> {
  const row = await findCourseById(db, id)
  if (!row) throw notFound('没有找到这门课程，可能已被删除')
  return { ...toCourse(row), myEnrollment: workerId === null ? null : await myEnrollmentRef(db, workerId, id) }
}
