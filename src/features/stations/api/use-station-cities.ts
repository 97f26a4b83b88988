import { useApi } from '@/api'
import { listStationCities } from '@contract/stations'

/** The cities that have an organisation, for choosing one when the phone gives no position. */
export function useStationCities(enabled: boolean) {
  return useApi(listStationCities, {}, { enabled })
}
