import { api, useApiList } from '@/api'
import { type JobFilters, toListQuery } from '../lib/filters'

export type { JobFilters } from '../lib/filters'

/** Open postings, paged; refetches when the filters change. */
export function useJobs(filters: JobFilters) {
  return useApiList(api.listJobs, { query: toListQuery(filters) })
}
