/**
 * One sheet row to a person's fields, cell by cell, with a reason in plain Chinese for every cell that is wrong.
 * Labels are matched as the county writes them (脱贫户, 外出务工（省外）, 省外务工 …) after normalising widths and spaces.
 */
import {
  type HouseholdRelation,
  householdRelationLabel,
  householdRelations,
  idNumberProblem,
  type IncomeBand,
  incomeBandLabel,
  incomeBands,
  type PersonStatus,
  personStatusLabel,
  personStatuses,
  type PovertyStatus,
  povertyStatusLabel,
  povertyStatuses,
  provinces,
  type ReturnReason,
  returnReasonLabel,
  returnReasons,
  type RosterImportColumnKey,
  rosterImportColumns,
  type Trade,
  trades,
  type Township,
  townships,
  type WorkAbility,
  workAbilityLabel,
  workAbilities,
} from '../../types'
import { labelKey, type SheetCells, shownValue } from './sheet-reader'

/** A row's values; a key left out is a column the sheet does not have (the roster keeps what it holds). */
export interface SheetPerson {
  name: string
  idNumber: string
  township: Township
  villageId: number
  poverty: PovertyStatus
  status: PersonStatus
  phone?: string | null
  group?: string | null
  destinationProvince?: string | null
  destinationCity?: string | null
  employer?: string | null
  trade?: Trade | null
  statusLastYear?: PersonStatus | null
  workAbility?: WorkAbility
  returnReason?: ReturnReason | null
  incomeBand?: IncomeBand | null
  relation?: HouseholdRelation
  headIdNumber?: string | null
}

export interface CellProblem {
  column: string | null
  value: string | null
  message: string
}

export const headerOf = Object.fromEntries(rosterImportColumns.map((c) => [c.key, c.header])) as Record<RosterImportColumnKey, string>

function labels<T extends string>(values: readonly T[], label: Record<T, string>, extra: Record<string, T> = {}): Map<string, T> {
  const m = new Map<string, T>()
  for (const v of values) m.set(labelKey(label[v]), v)
  for (const [k, v] of Object.entries(extra)) m.set(labelKey(k), v)
  return m
}

const povertyOf = labels(povertyStatuses, povertyStatusLabel, { 监测户: 'monitored', 边缘易致贫户: 'monitored', 脱贫: 'alleviated', 一般: 'general', 非贫困户: 'general' })
const statusOf = labels(personStatuses, personStatusLabel, {
  省外务工: 'away_other_province',
  省外: 'away_other_province',
  省内县外务工: 'away_in_province',
  省内务工: 'away_in_province',
  省内县外: 'away_in_province',
  县内: 'local_work',
  返乡: 'returned',
  有外出意愿: 'willing',
  无外出意愿: 'unwilling',
  在校生: 'in_school',
  学生: 'in_school',
  丧失劳动力: 'unable',
})
const abilityOf = labels(workAbilities, workAbilityLabel, { 半劳力: 'partial', 弱劳力: 'partial', 无劳力: 'none' })
const reasonOf = labels(returnReasons, returnReasonLabel)
const bandOf = labels(incomeBands, incomeBandLabel)
const relationOf = labels(householdRelations, householdRelationLabel, {
  本人: 'head',
  妻子: 'spouse',
  丈夫: 'spouse',
  妻: 'spouse',
  夫: 'spouse',
  儿子: 'child',
  女儿: 'child',
  子: 'child',
  女: 'child',
  儿媳: 'child_in_law',
  女婿: 'child_in_law',
  孙子: 'grandchild',
  孙女: 'grandchild',
  父亲: 'parent',
  母亲: 'parent',
  兄弟: 'sibling',
  姐妹: 'sibling',
})
const tradeSet = new Set<string>(trades)
const townshipOf = new Map<string, Township>([...townships.map((t) => [t, t] as const), ['嘴头乡', '咀头乡']])

/** A monthly income in yuan (4500) to its band. */
function bandOfYuan(text: string): IncomeBand | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined
  const yuan = Number(text)
  return yuan < 2000 ? 'below_2000' : yuan < 3000 ? '2000_3000' : yuan < 5000 ? '3000_5000' : yuan < 8000 ? '5000_8000' : 'above_8000'
}

function provinceOf(text: string): string | undefined {
  if ((provinces as readonly string[]).includes(text)) return text
  return provinces.find((p) => p.startsWith(text) && text.length >= 2)
}

export interface PlaceIndex {
  /** township → label key of a village's name or official name → village id */
  byTownship: Map<string, Map<string, number>>
  /** label key → townships that have a village of that name */
  townshipsOf: Map<string, string[]>
}

export function placeIndex(villages: readonly { id: number; township: string; name: string; official_name: string }[]): PlaceIndex {
  const byTownship = new Map<string, Map<string, number>>()
  const townshipsOf = new Map<string, string[]>()
  for (const v of villages) {
    const m = byTownship.get(v.township) ?? new Map<string, number>()
    byTownship.set(v.township, m)
    for (const k of new Set([labelKey(v.name), labelKey(v.official_name)])) {
      m.set(k, v.id)
      townshipsOf.set(k, [...(townshipsOf.get(k) ?? []), v.township])
    }
  }
  return { byTownship, townshipsOf }
}

function findVillage(places: PlaceIndex, township: string, text: string): number | undefined {
  const m = places.byTownship.get(township)
  const k = labelKey(text)
  return m?.get(k) ?? m?.get(`${k}村`)
}

/** The row's person, or every problem with its cells (a row with any problem is refused whole). */
export function personOfRow(cells: SheetCells, present: ReadonlySet<RosterImportColumnKey>, places: PlaceIndex, onlyTownship: string | null): { person: SheetPerson } | { problems: CellProblem[] } {
  const problems: CellProblem[] = []
  const bad = (key: RosterImportColumnKey, message: string) => problems.push({ column: headerOf[key], value: shownValue(key, cells[key] ?? null), message })
  const p: Partial<SheetPerson> = {}

  const name = cells.name ?? null
  if (!name) bad('name', '请填姓名')
  else if (name.length < 2 || name.length > 20) bad('name', '姓名应是2到20个字')
  else p.name = name

  const id = cells.idNumber ?? null
  const idProblem = id ? idNumberProblem(id) : '请填身份证号'
  if (idProblem) bad('idNumber', idProblem)
  else p.idNumber = id!

  const township = cells.township ? townshipOf.get(labelKey(cells.township)) : undefined
  if (!cells.township) bad('township', '请填乡镇')
  else if (!township) bad('township', '武山县没有这个乡镇，请从“可选值”表里选')
  else if (onlyTownship !== null && township !== onlyTownship) bad('township', `你只能导入${onlyTownship}的人`)
  else p.township = township

  if (!cells.village) bad('village', '请填村')
  else if (township) {
    const villageId = findVillage(places, township, cells.village)
    if (villageId !== undefined) p.villageId = villageId
    else {
      const elsewhere = places.townshipsOf.get(labelKey(cells.village)) ?? places.townshipsOf.get(`${labelKey(cells.village)}村`)
      bad('village', elsewhere ? `${cells.village}不属于${township}（它在${[...new Set(elsewhere)].join('、')}）` : `${township}没有这个村，请从“可选值”表里选`)
    }
  }

  const pick = <T>(key: RosterImportColumnKey, map: Map<string, T>, message: string, required: boolean): T | null | undefined => {
    if (!present.has(key)) return undefined
    const text = cells[key] ?? null
    if (text === null) {
      if (required) bad(key, `请填${headerOf[key]}`)
      return null
    }
    const v = map.get(labelKey(text))
    if (v === undefined) bad(key, message)
    return v
  }
  const poverty = pick('poverty', povertyOf, '户类别应是脱贫户、监测户或一般户', true)
  if (poverty) p.poverty = poverty
  const status = pick('status', statusOf, '没有这种状态，请从“可选值”表里选', true)
  if (status) p.status = status
  const last = pick('statusLastYear', statusOf, '没有这种状态，请从“可选值”表里选', false)
  if (last !== undefined) p.statusLastYear = last
  const ability = pick('workAbility', abilityOf, '劳动能力应是全劳力、半劳力或无劳动能力', false)
  if (ability) p.workAbility = ability
  const reason = pick('returnReason', reasonOf, '没有这种返乡原因，请从“可选值”表里选', false)
  if (reason !== undefined) p.returnReason = reason
  const relation = pick('relation', relationOf, '与户主关系请从“可选值”表里选', false)
  if (relation) p.relation = relation

  if (present.has('incomeBand')) {
    const text = cells.incomeBand ?? null
    const band = text === null ? null : (bandOf.get(labelKey(text)) ?? bandOfYuan(text))
    if (band === undefined) bad('incomeBand', '月收入请填一个数（元）或从“可选值”表里选')
    else p.incomeBand = band
  }
  if (present.has('phone')) {
    const phone = cells.phone ?? null
    if (phone !== null && !/^1[3-9]\d{9}$/.test(phone)) bad('phone', '手机号应是11位数字')
    else p.phone = phone
  }
  if (present.has('headIdNumber')) {
    const head = cells.headIdNumber ?? null
    const problem = head === null ? null : idNumberProblem(head)
    if (problem) bad('headIdNumber', `户主${problem}`)
    else p.headIdNumber = head
  }
  if (present.has('destinationProvince')) {
    const text = cells.destinationProvince ?? null
    const province = text === null ? null : provinceOf(text)
    if (province === undefined) bad('destinationProvince', '没有这个省份，请写全称，如江苏省')
    else p.destinationProvince = province
  }
  if (present.has('trade')) {
    const text = cells.trade ?? null
    if (text !== null && !tradeSet.has(text)) bad('trade', '没有这个工种，请从“可选值”表里选')
    else p.trade = text as Trade | null
  }
  const text = (key: 'group' | 'destinationCity' | 'employer', max: number) => {
    if (!present.has(key)) return
    const v = cells[key] ?? null
    if (v !== null && v.length > max) bad(key, `最多${max}个字`)
    else p[key] = v
  }
  text('group', 10)
  text('destinationCity', 20)
  text('employer', 40)
  if (p.destinationCity && !/(市|区|县|盟|自治州)$/.test(p.destinationCity)) p.destinationCity = `${p.destinationCity}市`

  // Who the household is: naming another person's ID as the head makes this row a member of that household.
  if (p.idNumber && p.headIdNumber && p.headIdNumber !== p.idNumber) {
    if (!p.relation) bad('relation', '填了户主身份证号，请再填与户主的关系')
    else if (p.relation === 'head') bad('relation', '户主身份证号不是本人的，与户主关系不能是户主')
  } else if (p.relation && p.relation !== 'head') {
    if (present.has('headIdNumber')) bad('headIdNumber', '不是户主的人，请填户主身份证号')
    else bad('relation', '不是户主的人，表里要有“户主身份证号”一列')
  }
  return problems.length ? { problems } : { person: p as SheetPerson }
}

/** The column a field of the status rule is shown under. */
export const columnOfField: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  township: '乡镇',
  villageId: '村',
  group: '组',
  poverty: '户类别',
  status: '目前状态',
  destinationProvince: '去向省份',
  destinationCity: '去向城市',
  employer: '工作单位',
  trade: '工种',
  statusLastYear: '去年状态',
  relation: '与户主关系',
  householdId: '户主身份证号',
  workAbility: '劳动能力',
  returnReason: '返乡原因',
  incomeBand: '月收入',
  howWent: '外出方式',
  'howWent.channel': '外出方式',
  statusSince: '目前状态',
}

/** A field's value as the sheet would write it. */
export function shownField(field: string, value: unknown, villageName: (id: number) => string): string | null {
  if (value === null || value === undefined || value === '') return null
  switch (field) {
    case 'villageId':
      return villageName(value as number)
    case 'poverty':
      return povertyStatusLabel[value as PovertyStatus]
    case 'status':
    case 'statusLastYear':
      return personStatusLabel[value as PersonStatus]
    case 'workAbility':
      return workAbilityLabel[value as WorkAbility]
    case 'returnReason':
      return returnReasonLabel[value as ReturnReason]
    case 'incomeBand':
      return incomeBandLabel[value as IncomeBand]
    case 'relation':
      return householdRelationLabel[value as HouseholdRelation]
    case 'howWent':
      return (value as { kind: string }).kind === 'organised' ? '有组织输转' : '自发外出'
    default:
      return typeof value === 'string' ? value : JSON.stringify(value)
  }
}
