import { useApiList } from '@/api'
import type { CourseMode } from '@contract'
import { listCourses } from '@contract/training'

/** Courses by start date, optionally one mode (下单/点单/品牌). */
export function useCourses(mode?: CourseMode) {
  return useApiList(listCourses, { query: mode ? { mode } : {} })
}
