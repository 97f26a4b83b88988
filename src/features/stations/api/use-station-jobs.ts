import { useApi } from '@/api'
import { listJobs } from '@contract/jobs'

/** Up to `limit` open postings that came through this station. */
export function useStationJobs(stationId: number, limit = 5) {
  return useApi(listJobs, { query: { stationId, limit } }, { enabled: stationId > 0 })
}
