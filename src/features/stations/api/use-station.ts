import { api, useApi } from '@/api'

export function useStation(id: number) {
  return useApi(api.getStation, { params: { id } }, { enabled: Number.isInteger(id) && id > 0 })
}
