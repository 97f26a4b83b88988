import { useApi } from '@/api'
import type { Course } from '@contract'
import { listCourses } from '@contract/training'

/**
 * Order courses (下单培训) that place people in `city`. The courses API has no city filter, so this
 * reads the first page of order courses (50, more than the county runs at once) and filters here.
 */
export function useCityCourses(city: string) {
  const state = useApi(listCourses, { query: { mode: 'order', limit: 50 } }, { enabled: Boolean(city) })
  const courses: Course[] = (state.data?.items ?? []).filter((c) => c.destinationCity === city)
  return { ...state, courses }
}
