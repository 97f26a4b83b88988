import type { JobSummary } from '@contract/jobs'

/** Who picks up a posting's 打电话 (its contactPhone): the employer once verified, otherwise the station vouching for it. */
export function whoAnswers(job: Pick<JobSummary, 'employerVerified' | 'employerName' | 'sourceStation'>): string {
  return job.employerVerified ? job.employerName : job.sourceStation.name
}
