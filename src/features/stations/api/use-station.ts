import { useApi } from '@/api'
import { getStation } from '@contract/stations'

export function useStation(id: number) {
  return useApi(getStation, { params: { id } }, { enabled: Number.isInteger(id) && id > 0 })
}
