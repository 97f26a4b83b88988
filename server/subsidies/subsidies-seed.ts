/**
 * The county's default schemes: 交通补助 for the current China year, as Gansu reported it for 2024 (600 yuan outside
 * the province, 400 for 陕西/宁夏, 300 inside the province outside 天水市, 200 inside 天水市 outside 武山县), for
 * 脱贫户 and 监测户 working away; 免审即享 when the county's batch took them, a verified posting hired them or they
 * finished a county course. Settings: admins change them when the county confirms the year's amounts.
 */
import type { Kysely } from 'kysely'
import type { SubsidyAmounts, SubsidyRules } from '../../types'
import type { DB } from '../db/schema'
import { chinaDate } from '../lib/dates'

export const defaultTransportRules: SubsidyRules = { poverty: ['alleviated', 'monitored'], mustBeAway: true, minMonthsAway: 0, mustHaveTrained: false }
export const defaultTransportAmounts: SubsidyAmounts = {
  byBand: { other_province: 600, neighbour_province: 400, in_province: 300, in_city: 200 },
  flatYuan: null,
  neighbourProvinces: ['陕西省', '宁夏回族自治区'],
}

/** Inserts the year's 交通补助 unless it (or a scheme of that kind and year an admin made) exists. */
export async function seedSubsidies(db: Kysely<DB>, now: Date): Promise<number> {
  const year = Number(chinaDate(now).slice(0, 4))
  const at = now.toISOString()
  const inserted = await db
    .insertInto('subsidy_schemes')
    .values({
      seed_key: `transport-${year}`,
      kind: 'transport',
      name: '交通补助',
      year,
      rules: JSON.stringify(defaultTransportRules),
      amounts: JSON.stringify(defaultTransportAmounts),
      known_by: JSON.stringify(['batch', 'posting', 'course']),
      proof_kinds: JSON.stringify(['work_certificate', 'ticket', 'social_insurance']),
      opens_on: `${year}-01-01`,
      closes_on: `${year}-12-31`,
      publicity_days: 7,
      created_by_staff_id: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute()
  return inserted.length
}
