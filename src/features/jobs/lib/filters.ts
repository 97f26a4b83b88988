import type { Benefit, ListJobsQuery, PayType, Trade } from '@contract'
import { byPinyin } from '@contract/destinations'

export type JobSort = 'newest' | 'wage'

/** What the worker chose on the 找工作 page: the search word, the quick chips, the filter sheet and the order. */
export interface JobFilters {
  q?: string
  trade?: Trade
  province?: string
  minWage?: number
  benefits?: Benefit[]
  sort?: JobSort
  stationId?: number
  /** The card's questions: 日结 / 月薪 / 计件, 包吃, 住宿, the worker's age. */
  payType?: PayType
  meals?: boolean
  housing?: 'dorm' | 'couple' | 'allowance'
  maxAge?: number
}

/** The worker's age as chips: postings that take someone this old. */
export const ageChoices = [40, 45, 50, 55, 60] as const

/** Where the county's workers mostly go, and home: the region choices in the filter sheet, A–Z by pinyin to scan. */
export const provinceChoices: readonly string[] = [
  '江苏省', '浙江省', '上海市', '广东省', '北京市', '天津市', '山东省',
  '新疆维吾尔自治区', '内蒙古自治区', '山西省', '陕西省', '四川省', '青海省', '甘肃省',
].sort(byPinyin)

/** Monthly wage floors offered as chips (yuan). */
export const wageFloors = [4000, 5000, 6000, 8000] as const

/** Short names for the chips: 新疆维吾尔自治区 → 新疆. */
export function shortProvince(name: string): string {
  return name.replace(/(维吾尔|回族|壮族)?自治区$|省$|市$/, '')
}

/** How many choices in the filter sheet are on (each benefit counts once). */
export function activeFilterCount(f: JobFilters): number {
  return (
    (f.province ? 1 : 0) +
    (f.trade ? 1 : 0) +
    (f.minWage ? 1 : 0) +
    (f.benefits?.length ?? 0) +
    (f.payType ? 1 : 0) +
    (f.meals ? 1 : 0) +
    (f.housing ? 1 : 0) +
    (f.maxAge ? 1 : 0)
  )
}

/** The list request: only what is set, so an untouched page asks for the plain newest list. */
export function toListQuery(f: JobFilters): ListJobsQuery {
  const query: ListJobsQuery = {}
  if (f.q) query.q = f.q
  if (f.trade) query.trade = f.trade
  if (f.province) query.province = f.province
  if (f.minWage) query.minWage = f.minWage
  if (f.benefits?.length) query.benefits = f.benefits.join(',')
  if (f.stationId) query.stationId = f.stationId
  if (f.payType) query.payType = f.payType
  if (f.meals) query.meals = 'true'
  if (f.housing) query.housing = f.housing
  if (f.maxAge) query.maxAge = f.maxAge
  if (f.sort && f.sort !== 'newest') query.sort = f.sort
  return query
}
