import { useApi } from '@/api'
import { getJob } from '@contract/jobs'

/**
 * One posting, including closed or expired ones (marked, not appliable). Sent with the worker's token
 * when there is one (the client adds it), so the answer says whether they already applied. Kept on the phone, the
 * last thirty opened (read-cache.ts): a job looked at with signal can be opened again, and its number called, on a
 * train without any.
 */
export function useJob(id: number) {
  return useApi(getJob, { params: { id } }, { enabled: Number.isInteger(id) && id > 0, cache: `job-${id}` })
}
