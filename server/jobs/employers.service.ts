/** Employer records (用工单位): the trust line every posting carries, and the public record. */
import type { Kysely } from 'kysely'
import type { EmployerRecord } from '../../types'
import type { DB } from '../db/schema'
import { notFound } from '../http/app-error'
import { chinaDate } from '../lib/dates'
import { countEmployerHistory, type EmployerRow, findEmployerById } from './employers.repository'

export interface TrustFacts {
  verified: boolean
  /** A licence's credit code was recorded when it was checked */
  creditCode: string | null
  suspended: boolean
  /** ISO time the county first worked with it */
  since: string
  unpaidWageCases: number
}

/** Whole years from one China date to another (2023-12-05 → 2026-12-04 is 2). */
export function fullYears(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4))
  return to.slice(5) >= from.slice(5) ? years : years - 1
}

/** 已核验营业执照 · 县里合作 3 年 · 0 起欠薪投诉: what a worker reads about an employer on every posting. */
export function trustLine(f: TrustFacts, today: string): string {
  const parts: string[] = []
  if (f.suspended) parts.push('已暂停合作')
  parts.push(f.verified ? (f.creditCode ? '已核验营业执照' : '已核验') : '未核验')
  const years = fullYears(chinaDate(new Date(f.since)), today)
  parts.push(years >= 1 ? `县里合作 ${years} 年` : '县里合作不满 1 年')
  parts.push(`${f.unpaidWageCases} 起欠薪投诉`)
  return parts.join(' · ')
}

export function toEmployerRecord(row: EmployerRow, counts: EmployerRecord['counts'], today: string): EmployerRecord {
  const verified = row.verified_at !== null
  const suspended = row.status === 'suspended'
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    verified,
    verifiedAt: row.verified_at,
    verifiedBy: verified && row.verified_by_station_id !== null && row.verified_station_name !== null ? { id: row.verified_by_station_id, name: row.verified_station_name } : null,
    suspended,
    since: row.since,
    trust: trustLine({ verified, creditCode: row.credit_code, suspended, since: row.since, unpaidWageCases: counts.unpaidWageCases }, today),
    counts,
  }
}

export async function loadEmployer(db: Kysely<DB>, id: number): Promise<{ row: EmployerRow; counts: EmployerRecord['counts'] }> {
  const row = await findEmployerById(db, id)
  if (!row) throw notFound('没有找到这个用工单位')
  return { row, counts: await countEmployerHistory(db, row.id, row.name) }
}

export async function getEmployer(db: Kysely<DB>, id: number, now: Date): Promise<EmployerRecord> {
  const { row, counts } = await loadEmployer(db, id)
  return toEmployerRecord(row, counts, chinaDate(now))
}
