/** Row → contract for courses and enrolments, written once: the worker's, the staff's and the brands' views share it. */
import type { CertificateRecord, Course, CourseMode, CourseSummary, Enrollment, EnrollmentStatus, Trade } from '../../types'
import type { CourseRow } from '../db/schema'
import type { CourseWithBrand } from './courses.repository'
import { type EnrollmentWithRank, waitlistPosition } from './enrollments.repository'

type CourseSummaryRow = Pick<
  CourseRow,
  'id' | 'title' | 'trade' | 'mode' | 'provider' | 'location' | 'start_date' | 'end_date' | 'enroll_deadline' | 'certificate' | 'partner_employer' | 'destination_city'
>

/** Seats a worker can still take (never negative, even if capacity was lowered under the count). */
export const seatsLeftOf = (row: Pick<CourseRow, 'capacity' | 'enrolled_count'>): number => Math.max(0, row.capacity - row.enrolled_count)

/** What an enrolment shows of its course. */
function toCourseSummary(row: CourseSummaryRow): CourseSummary {
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
    certificate: row.certificate,
    partnerEmployer: row.partner_employer,
    destinationCity: row.destination_city,
  }
}

export function toCourse(row: CourseWithBrand): Course {
  return {
    ...toCourseSummary(row),
    sessions: row.sessions,
    capacity: row.capacity,
    seatsLeft: seatsLeftOf(row),
    costYuan: row.cost_yuan,
    subsidyYuan: row.subsidy_yuan,
    certificateLevel: row.certificate_level,
    requirements: row.requirements,
    description: row.description,
    brand: row.brand_name ?? null,
    expectedWageYuan: row.expected_wage_yuan,
    agreementText: row.agreement_text,
    isSample: row.is_sample === 1,
  }
}

/** The certificate once both its number and its date are recorded, else null. */
export function toCertificate(row: Pick<EnrollmentWithRank, 'certificate_number' | 'certificate_level' | 'certificate_issued_on'>): CertificateRecord | null {
  return row.certificate_number && row.certificate_issued_on
    ? { number: row.certificate_number, level: row.certificate_level ?? '', issuedOn: row.certificate_issued_on }
    : null
}

export function toEnrollment(row: EnrollmentWithRank, course: CourseSummaryRow): Enrollment {
  return {
    id: row.id,
    courseId: row.course_id,
    status: row.status as EnrollmentStatus,
    waitlistPosition: waitlistPosition(row),
    agreedTermsAt: row.agreed_terms_at,
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
    completedAt: row.completed_at,
    certificate: toCertificate(row),
    course: toCourseSummary(course),
  }
}
