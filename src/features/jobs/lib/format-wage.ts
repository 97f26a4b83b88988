import type { JobSummary } from '@contract/jobs'

/** "江苏 苏州 昆山": where the work is. Leaves out repeats (直辖市: 天津 天津). */
export function formatPlace({ province, city, district }: Pick<JobSummary, 'province' | 'city' | 'district'>): string {
  const parts = [province, city, district].filter(Boolean)
  return parts.filter((p, i) => parts.indexOf(p) === i).join(' ')
}
