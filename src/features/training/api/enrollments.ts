import { request, submit, useApi } from '@/api'
import type { Enrollment } from '@contract'
import { cancelEnrollment as cancelEnrollmentEndpoint, enrollInCourse as enrollInCourseEndpoint, listMyEnrollments } from '@contract/training'

/**
 * Enrol (or join the waitlist). The same key for retries of one tap, so a slow network never enrols twice.
 * Without a network the enrolment is kept on the phone and sent later (outbox): then the answer is null.
 */
export async function enrollInCourse(courseId: number, agreeTerms: boolean, idempotencyKey: string, label = '培训报名'): Promise<Enrollment | null> {
  const result = await submit('enrollInCourse', enrollInCourseEndpoint, { params: { id: courseId }, body: { agreeTerms } }, { label, idempotencyKey })
  return result.queued ? null : result.data
}

export function cancelEnrollment(enrollmentId: number) {
  return request(cancelEnrollmentEndpoint, { params: { id: enrollmentId } })
}

export function useMyEnrollments(enabled: boolean) {
  return useApi(listMyEnrollments, {}, { enabled })
}
