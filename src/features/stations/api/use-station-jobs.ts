import { api, useApi } from '@/api'

/** Up to `limit` open postings that came through this station. */
export function useStationJobs(stationId: number, limit = 5) {
  return useApi(api.listJobs, { query: { stationId, limit } }, { enabled: stationId > 0 })
}
