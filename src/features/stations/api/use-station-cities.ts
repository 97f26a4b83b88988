import { api, useApi } from '@/api'

/** The cities that have an organisation, for choosing one when the phone gives no position. */
export function useStationCities(enabled: boolean) {
  return useApi(api.listStationCities, {}, { enabled })
}
