import {
  householdRelationLabel,
  howWentKindLabel,
  incomeBandLabel,
  organisedChannelLabel,
  personStatusLabel,
  povertyStatusLabel,
  returnReasonLabel,
  sexLabel,
  workAbilityLabel,
  type HowWent,
  type Person,
} from '@contract/roster'
import type { PersonAtRisk } from '@contract/roster-follow-up'

/** 外出务工（省外）· 江苏省苏州市: where a person stands, in one line. */
export function statusLine(p: Pick<Person, 'status' | 'destinationProvince' | 'destinationCity' | 'returnReason'>): string {
  const where = [p.destinationProvince, p.destinationCity].filter(Boolean).join('')
  const reason = p.returnReason ? `（${returnReasonLabel[p.returnReason]}）` : ''
  return `${personStatusLabel[p.status]}${reason}${where ? ` · ${where}` : ''}`
}

/** 洛门镇马坪村3组 */
export const placeLine = (p: Pick<Person, 'township' | 'village' | 'group'>) => `${p.township}${p.village}${p.group ?? ''}`

/** 男 · 1988年生 · 户主 · 脱贫户 */
export function whoLine(p: Pick<Person, 'sex' | 'birthYear' | 'relation' | 'poverty'>): string {
  return [p.sex ? sexLabel[p.sex] : null, p.birthYear ? `${p.birthYear}年生` : null, householdRelationLabel[p.relation], povertyStatusLabel[p.poverty]].filter(Boolean).join(' · ')
}

export function howWentLine(h: HowWent | null): string {
  if (!h) return '未填'
  if (h.kind === 'self') return howWentKindLabel.self
  const by = h.channel ? organisedChannelLabel[h.channel] : ''
  return `${howWentKindLabel.organised}${by ? ` · ${by}` : ''}${h.brokerName ? ` ${h.brokerName}` : ''}`
}

/** What each field is called in a person's history. */
export const fieldLabel: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '电话',
  township: '乡镇',
  villageId: '村',
  village: '村',
  group: '组',
  householdId: '户',
  relation: '与户主关系',
  poverty: '户类别',
  workAbility: '劳动能力',
  status: '目前状态',
  returnReason: '返乡原因',
  destinationProvince: '去向省份',
  destinationCity: '去向城市',
  employer: '务工单位',
  trade: '工种',
  incomeBand: '月收入',
  howWent: '怎么出去的',
  statusSince: '状态开始日期',
  statusLastYear: '去年状态',
  userId: '务工通账号',
}

const enumLabels: Record<string, Record<string, string>> = {
  status: personStatusLabel,
  statusLastYear: personStatusLabel,
  poverty: povertyStatusLabel,
  workAbility: workAbilityLabel,
  returnReason: returnReasonLabel,
  incomeBand: incomeBandLabel,
  relation: householdRelationLabel,
}

/** A value before or after a change, as the record shows it; empty is 空. */
export function changeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '空'
  if (field === 'howWent' && typeof value === 'object') return howWentLine(value as HowWent)
  if (typeof value === 'string' && enumLabels[field]?.[value]) return enumLabels[field][value]
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** 3,120: counts as the county's reports write them (by hand: some mini-program engines ignore toLocaleString's locale). */
export const count = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** 85.9%: a 0–1 rate with one decimal. */
export const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`

/** 2,678.0万元 from ten thousand up, else 8,600元. */
export function yuan(n: number): string {
  if (n < 10_000) return `${count(n)}元`
  const tenths = Math.round(n / 1000)
  return `${count(Math.floor(tenths / 10))}.${tenths % 10}万元`
}

/** 没活干 35 天 / 反映欠薪（2026-11-02起）: why a person is on the risk list, in plain words. */
export function riskReasonText(r: Pick<PersonAtRisk['reasons'][number], 'kind' | 'since' | 'days'>): string {
  if (r.kind === 'no_work') return `没活干 ${r.days} 天`
  return `${r.kind === 'wages_unpaid' ? '反映欠薪' : '反映受伤'}（${r.since}起，${r.days} 天）`
}
