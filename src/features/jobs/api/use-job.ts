import { readSaved, useApi } from '@/api'
import type { JobSummary } from '@contract'
import { getJob } from '@contract/jobs'
import { savedJobsFirstPage } from './use-jobs'

/**
 * One posting, including closed or expired ones (marked, not appliable). Sent with the worker's token
 * when there is one (the client adds it), so the answer says whether they already applied. Kept on the phone, the
 * last thirty opened (read-cache.ts): a job looked at with signal can be opened again, and its number called, on a
 * train without any.
 */
export function useJob(id: number) {
  return useApi(getJob, { params: { id } }, { enabled: Number.isInteger(id) && id > 0, cache: `job-${id}` })
}

/**
 * What the list kept on the phone says of a posting never opened with signal: its card (wage, place, answers, who
 * to call), from the first page saved for offline use, and when that was saved. Null when the list never showed it.
 */
export function jobFromSavedList(id: number): { job: JobSummary; savedAt: string } | null {
  const saved = readSaved<JobSummary[]>(savedJobsFirstPage)
  const job = Array.isArray(saved?.data) ? saved.data.find((j) => j.id === id) : undefined
  return saved && job ? { job, savedAt: saved.savedAt } : null
}
