import { api, useApiList } from '@/api'
import type { Trade } from '@contract'

export interface JobFilters {
  q?: string
  trade?: Trade
  province?: string
}

/** Open postings, newest first, paged; refetches when the filters change. */
export function useJobs(filters: JobFilters) {
  const query: JobFilters = {}
  if (filters.q) query.q = filters.q
  if (filters.trade) query.trade = filters.trade
  if (filters.province) query.province = filters.province
  return useApiList(api.listJobs, { query })
}
