import { api, useApi } from '@/api'

export function useBrands() {
  return useApi(api.listBrands)
}
