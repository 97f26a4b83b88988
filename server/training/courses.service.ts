/** The course list and a course's page. */
import type { Kysely } from 'kysely'
import type { Course, CourseDetail, CourseMode, Trade } from '../../types'
import type { DB } from '../db/schema'
import { notFound } from '../http/app-error'
import { decodeCursor, paginate } from '../lib/cursor'
import { findCourseById, findCourses } from './courses.repository'
import { getMyEnrollmentRef } from './enrollments.service'
import { toCourse } from './training-dto'

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
  return { ...toCourse(row), myEnrollment: workerId === null ? null : await getMyEnrollmentRef(db, workerId, id) }
}
