import { useApi } from '@/api'
import { listBrands } from '@contract/brands'

export function useBrands() {
  return useApi(listBrands)
}
