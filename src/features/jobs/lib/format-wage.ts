import { wageUnitLabel, type JobSummary } from '@contract/jobs'

type Wage = Pick<JobSummary, 'wageMinYuan' | 'wageMaxYuan' | 'wageUnit'>

/** "5500-7000 元/月", "260 元/天", "0.8-1.2 元/件": the figure a worker reads first. */
export function formatWage({ wageMinYuan, wageMaxYuan, wageUnit }: Wage): string {
  const range = wageMaxYuan > wageMinYuan ? `${num(wageMinYuan)}-${num(wageMaxYuan)}` : num(wageMinYuan)
  return `${range} 元/${wageUnitLabel[wageUnit]}`
}

/** Whole yuan without decimals; piece rates keep up to two. */
function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100)
}

/** "江苏 苏州 昆山": where the work is. Leaves out repeats (直辖市: 天津 天津). */
export function formatPlace({ province, city, district }: Pick<JobSummary, 'province' | 'city' | 'district'>): string {
  const parts = [province, city, district].filter(Boolean)
  return parts.filter((p, i) => parts.indexOf(p) === i).join(' ')
}
