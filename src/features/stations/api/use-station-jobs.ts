import { useApi, useApiList } from '@/api'
import { listJobs } from '@contract/jobs'

/** Up to `limit` open postings that came through this station. */
export function useStationJobs(stationId: number, limit = 5) {
  return useApi(listJobs, { query: { stationId, limit } }, { enabled: stationId > 0 })
}

/** Every open posting that came through this station, paged (the station's own page of jobs). */
export function useAllStationJobs(stationId: number) {
  return useApiList(listJobs, { query: { stationId: stationId > 0 ? stationId : undefined, limit: 20 } })
}
