import { request } from '@/api'
import type { CourseRequestBody } from '@contract'
import { createCourseRequest as createCourseRequestEndpoint } from '@contract/training'

/** 点单: ask the county for a course in a trade that is not on offer. */
export function createCourseRequest(body: CourseRequestBody, idempotencyKey: string) {
  return request(createCourseRequestEndpoint, { body }, { idempotencyKey })
}
