import { useApiList } from '@/api'
import { activeFilterCount, type JobFilters, toListQuery } from '../lib/filters'
import { listJobs } from '@contract/jobs'

export type { JobFilters } from '../lib/filters'

/** The name the unfiltered first page is kept on the phone under: its postings open offline too (use-job.ts). */
export const savedJobsFirstPage = 'jobs-first-page'

/** Open postings, paged; refetches when the filters change. The unfiltered first page also opens offline. */
export function useJobs(filters: JobFilters) {
  const unfiltered = !filters.q && activeFilterCount(filters) === 0 && (filters.sort ?? 'newest') === 'newest'
  return useApiList(listJobs, { query: toListQuery(filters) }, { cache: unfiltered ? savedJobsFirstPage : undefined })
}
