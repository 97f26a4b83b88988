import { useApi } from '@/api'
import { getJob } from '@contract/jobs'

/**
 * One posting, including closed or expired ones (marked, not appliable). Sent with the worker's token
 * when there is one (the client adds it), so the answer says whether they already applied.
 */
export function useJob(id: number) {
  return useApi(getJob, { params: { id } }, { enabled: Number.isInteger(id) && id > 0 })
}
