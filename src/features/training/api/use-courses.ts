import { api, useApiList } from '@/api'
import type { CourseMode } from '@contract'

/** Courses by start date, optionally one mode (下单/点单/品牌). */
export function useCourses(mode?: CourseMode) {
  return useApiList(api.listCourses, { query: mode ? { mode } : {} })
}
