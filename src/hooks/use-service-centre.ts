import { useApi } from '@/api'
import { listStations } from '@contract/stations'

/** The county's 劳务输转服务中心: its phone is on the rights, me and staff pages, and kept for a worker in trouble without signal. */
export function useServiceCentre() {
  const state = useApi(listStations, { query: { type: 'service_centre', limit: 1 } }, { cache: 'service-centre' })
  return { ...state, centre: state.data?.items[0] }
}
