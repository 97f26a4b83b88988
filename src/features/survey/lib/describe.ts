import { householdRelationLabel, howWentKindLabel, incomeBandLabel, organisedChannelLabel, personStatusLabel, returnReasonLabel } from '@contract/roster'
import { linkLine } from '@contract/roster-activity'
import type { SurveyPerson } from '@contract/survey'

/** 外出务工（省外） · 江苏省苏州市 · 普工 · 5000–8000元: the person's status in one line. */
export function statusLine(p: SurveyPerson): string {
  const parts: string[] = [personStatusLabel[p.status]]
  if (p.returnReason) parts.push(returnReasonLabel[p.returnReason])
  if (p.destinationProvince) parts.push(`${p.destinationProvince}${p.destinationCity ?? ''}`)
  if (p.trade) parts.push(p.trade)
  if (p.incomeBand) parts.push(incomeBandLabel[p.incomeBand])
  if (p.howWent) parts.push(howWentLine(p))
  return parts.join(' · ')
}

/** 点对点专车：洛门镇 → 江苏省苏州市（2026-03-02）: the channel, and the record it names when the phone knows its name. */
export function howWentLine(p: Pick<SurveyPerson, 'howWent' | 'howWentLink'>): string {
  const h = p.howWent
  if (!h) return ''
  if (h.kind !== 'organised' || !h.channel) return howWentKindLabel[h.kind]
  const label = organisedChannelLabel[h.channel]
  return h.channel !== 'broker' && p.howWentLink ? `${label}：${linkLine(p.howWentLink)}` : label
}

/** 张大山 · 户主 · 男 · 1990年生 */
export function whoLine(p: SurveyPerson): string {
  return [householdRelationLabel[p.relation], p.sex === 'male' ? '男' : p.sex === 'female' ? '女' : null, p.birthYear ? `${p.birthYear}年生` : null].filter(Boolean).join(' · ')
}

/** The household as the village knows it: the head's name. */
export function householdName(members: SurveyPerson[]): string {
  const head = members.find((m) => m.relation === 'head') ?? members[0]
  return head ? `${head.name}家` : '一户'
}
