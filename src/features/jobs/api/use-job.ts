import { api, useApi } from '@/api'

/** One posting, including closed or expired ones (marked, not appliable). */
export function useJob(id: number) {
  return useApi(api.getJob, { params: { id } }, { enabled: Number.isInteger(id) && id > 0 })
}
