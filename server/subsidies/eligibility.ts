/**
 * Who qualifies for a scheme, how much and why, from the roster record and the app's own records. Pure: the service
 * reads the rows, this decides, so the worker's page, the claim and the approval's re-check apply the very same rule.
 */
import {
  type ClaimMode,
  type DestinationBand,
  destinationBandLabel,
  HOME_CITY,
  HOME_PROVINCE,
  isAway,
  type KnownRecordKind,
  type PersonStatus,
  type PovertyStatus,
  povertyStatusLabel,
  type ProofKind,
  type SubsidyAmounts,
  type SubsidyEvidence,
  type SubsidyRules,
} from '../../types'

export interface SchemeSettings {
  name: string
  year: number
  rules: SubsidyRules
  amounts: SubsidyAmounts
  knownBy: KnownRecordKind[]
  proofKinds: ProofKind[]
}

export interface PersonFacts {
  poverty: string
  status: string
  destinationProvince: string | null
  destinationCity: string | null
  statusSince: string | null
}

export type Eligibility =
  | { qualifies: true; amountYuan: number; band: DestinationBand | null; mode: ClaimMode; reason: string; evidence: SubsidyEvidence[] }
  | { qualifies: false; band: DestinationBand | null; reason: string; evidence: SubsidyEvidence[] }

const poorLabel = (p: string) => (p === 'monitored' ? '监测户' : (povertyStatusLabel[p as PovertyStatus] ?? p))
const shortPoverty = (list: readonly string[]) => list.map(poorLabel).join('和')

/** Where the worker is, measured from 武山县; null when the roster names no destination. */
export function bandOf(province: string | null, city: string | null, neighbours: readonly string[]): DestinationBand | null {
  if (!province) return null
  if (province !== HOME_PROVINCE) return neighbours.includes(province) ? 'neighbour_province' : 'other_province'
  if (!city) return null
  return city === HOME_CITY || city === HOME_CITY.replace(/市$/, '') ? 'in_city' : 'in_province'
}

/** Whole months from the later of `since` and the year's 1 January to `today` (both China dates). */
export function monthsAwayThisYear(since: string | null, year: number, today: string): number {
  const start = !since || since < `${year}-01-01` ? `${year}-01-01` : since
  const end = today > `${year}-12-31` ? `${year}-12-31` : today
  if (end < start) return 0
  const [sy, sm, sd] = start.split('-').map(Number)
  const [ey, em, ed] = end.split('-').map(Number)
  return Math.max(0, (ey - sy) * 12 + (em - sm) - (ed < sd ? 1 : 0))
}

const place = (p: PersonFacts) => [p.destinationProvince, p.destinationCity].filter(Boolean).join('')

export function checkEligibility(scheme: SchemeSettings, person: PersonFacts | null, records: SubsidyEvidence[], today: string): Eligibility {
  const none = (reason: string, band: DestinationBand | null = null): Eligibility => ({ qualifies: false, band, reason, evidence: records })
  if (!person) return none('劳动力台账里还没有找到您，请联系村里的劳务信息员登记后再来看。')
  const { rules, amounts } = scheme
  if (!rules.poverty.includes(person.poverty as PovertyStatus)) {
    return none(`${scheme.name}只给${shortPoverty(rules.poverty)}，台账上您家是${poorLabel(person.poverty)}。如果不对，请找村里的劳务信息员核实。`)
  }
  const band = bandOf(person.destinationProvince, person.destinationCity, amounts.neighbourProvinces)
  if (rules.mustBeAway && !isAway(person.status as PersonStatus)) return none(`${scheme.name}给外出务工的人，台账上您现在不是外出务工。出去后请更新务工情况。`)
  if (rules.mustBeAway && band === null) return none(`台账上没有写您去了哪里务工，请找村里的劳务信息员补上去向。`)
  if (rules.minMonthsAway > 0) {
    const months = monthsAwayThisYear(person.statusSince, scheme.year, today)
    if (months < rules.minMonthsAway) return none(`${scheme.name}要在外务工满${rules.minMonthsAway}个月，台账上您今年在外${months}个月，还不够。`, band)
  }
  const trained = records.some((r) => r.kind === 'course')
  if (rules.mustHaveTrained && !trained) return none(`${scheme.name}给${scheme.year}年参加县里培训并结业的人，还没有您结业的记录。`, band)

  let amountYuan: number
  if (amounts.flatYuan !== null) amountYuan = amounts.flatYuan
  else if (amounts.byBand && band) amountYuan = amounts.byBand[band]
  else return none(`台账上没有写您去了哪里务工，算不出补多少，请找村里的劳务信息员补上去向。`)
  if (amountYuan <= 0) return none(`${scheme.name}对${band ? destinationBandLabel[band] : ''}务工不补。`, band)

  const known = records.filter((r) => scheme.knownBy.includes(r.kind))
  const who = `您是${poorLabel(person.poverty)}`
  if (known.length) {
    return { qualifies: true, amountYuan, band, mode: 'instant', reason: `${who}，${known[0].label}，可以领${scheme.name}${amountYuan}元，不用交材料，点一下就能申请。`, evidence: records }
  }
  if (!scheme.proofKinds.length) return none(`${scheme.name}要县里有您外出的记录（坐县里的专车、通过核实的岗位被录用或参加县里培训），还没有找到。`, band)
  const where = place(person) ? `在${place(person)}务工` : '外出务工'
  return { qualifies: true, amountYuan, band, mode: 'proof', reason: `${who}，${where}，可以领${scheme.name}${amountYuan}元；县里还没有您外出的记录，请拍照上传证明。`, evidence: records }
}
