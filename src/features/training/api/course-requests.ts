import { api, request } from '@/api'
import type { CourseRequestBody } from '@contract'

/** 点单: ask the county for a course in a trade that is not on offer. */
export function createCourseRequest(body: CourseRequestBody, idempotencyKey: string) {
  return request(api.createCourseRequest, { body }, { idempotencyKey })
}
