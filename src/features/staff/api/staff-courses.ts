/** The workbench's training: the courses and the demand asked for, one course's enrolments, and its certificates. */
import { request, useApi, useApiList } from '@/api'
import { type CourseMode, getCourse } from '@contract/training'
import { courseRequestSummary } from '@contract/staff-courses'
import {
  staffCompleteEnrollment,
  staffCourseEnrollments,
  staffCreateCourse,
  staffIssueCertificate,
  staffListCourses,
  staffUpdateCourse,
} from '@contract/staff-courses'
import { staffSaved, type BodyOf } from './request-parts'

export const useStaffCourses = (mode: CourseMode | 'all') => useApiList(staffListCourses, { query: mode === 'all' ? {} : { mode } }, { cache: staffSaved('courses', mode) })
export const useCourseDemand = () => useApi(courseRequestSummary, {}, { cache: staffSaved('course-demand') })
export const useCourseToEdit = (id: number) => useApi(getCourse, { params: { id } })
export const useCourseEnrollments = (id: number) => useApi(staffCourseEnrollments, { params: { id } }, { cache: staffSaved('course-enrollments', id) })

/** Opens a course (no id) or changes one. */
export function saveCourse(id: number | null, body: BodyOf<typeof staffCreateCourse>, idempotencyKey: string) {
  return id ? request(staffUpdateCourse, { params: { id }, body }, { idempotencyKey }) : request(staffCreateCourse, { body }, { idempotencyKey })
}

export const completeEnrollment = (id: number) => request(staffCompleteEnrollment, { params: { id } })
export const issueCertificate = (id: number, body: BodyOf<typeof staffIssueCertificate>, idempotencyKey: string) =>
  request(staffIssueCertificate, { params: { id }, body }, { idempotencyKey })
