import { api, request, useApi } from '@/api'

/** Enrol (or join the waitlist). The same key for retries of one tap, so a slow network never enrols twice. */
export function enrollInCourse(courseId: number, agreeTerms: boolean, idempotencyKey: string) {
  return request(api.enrollInCourse, { params: { id: courseId }, body: { agreeTerms } }, { idempotencyKey })
}

export function cancelEnrollment(enrollmentId: number) {
  return request(api.cancelEnrollment, { params: { id: enrollmentId } })
}

export function useMyEnrollments(enabled: boolean) {
  return useApi(api.listMyEnrollments, {}, { enabled })
}
