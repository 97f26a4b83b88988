import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDate, isoDateTime, listOf, pageQuery, queryList, recordIdText } from './common'
import { benefitSchema, benefits, tradeSchema } from './reference'
import { stationTypes } from './stations'
import { noHiddenChars } from './validators'
import { localJobFields, localJobsQueryFields } from './local-jobs'

export const wageUnits = ['month', 'day', 'piece'] as const
export const wageUnitLabel: Record<(typeof wageUnits)[number], string> = { month: '月', day: '天', piece: '件' }

/**
 * "5500-7000 元/月", "260 元/天", "0.8-1.2 元/件": the figure a worker reads first, written one way in the app, the
 * workbench and any export. Whole yuan without decimals; piece rates keep up to two.
 */
export function formatWage({ wageMinYuan, wageMaxYuan, wageUnit }: { wageMinYuan: number; wageMaxYuan: number; wageUnit: (typeof wageUnits)[number] }): string {
  const num = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100))
  const range = wageMaxYuan > wageMinYuan ? `${num(wageMinYuan)}-${num(wageMaxYuan)}` : num(wageMinYuan)
  return `${range} 元/${wageUnitLabel[wageUnit]}`
}
export const jobStatuses = ['open', 'filled', 'closed'] as const
export const jobSorts = ['newest', 'wage', 'distance'] as const

/** submitted → contacted → hired | rejected; the worker may withdraw while submitted or contacted. */
export const applicationStatuses = ['submitted', 'contacted', 'hired', 'rejected', 'withdrawn'] as const
export type ApplicationStatus = (typeof applicationStatuses)[number]
export const applicationStatusLabel: Record<ApplicationStatus, string> = {
  submitted: '已报名',
  contacted: '已联系',
  hired: '已录用',
  rejected: '未录用',
  withdrawn: '已取消',
}
export const withdrawableStatuses: readonly ApplicationStatus[] = ['submitted', 'contacted']

export const reportReasons = ['fee', 'false_info', 'wage_mismatch', 'other'] as const
export type ReportReason = (typeof reportReasons)[number]
export const reportReasonLabel: Record<ReportReason, string> = {
  fee: '收费/押金',
  false_info: '虚假信息',
  wage_mismatch: '工资不符',
  other: '其他',
}
/** Reports from this many different workers hide a posting from lists until staff review it. */
export const reportsToHide = 3

/** Shown on every posting: a real employer never asks the worker for money. */
export const noFeePledge = '正规招聘不收取任何费用，不交押金。凡要求先交钱的，请立即举报。'

const sourceStation = z.object({ id: z.number(), name: z.string(), type: z.enum(stationTypes) })

export const jobSummary = z.object({
  id: z.number(),
  // 家门口 lists only (local-jobs.ts).
  ...localJobFields,
  title: z.string(),
  employerName: z.string(),
  employerVerified: z.boolean(),
  trade: tradeSchema,
  province: z.string(),
  city: z.string(),
  district: z.string(),
  wageMinYuan: z.number(),
  wageMaxYuan: z.number(),
  wageUnit: z.enum(wageUnits),
  benefits: z.array(benefitSchema),
  headcount: z.number(),
  status: z.enum(jobStatuses),
  postedAt: isoDateTime,
  expiresAt: isoDate,
  sourceStation,
  /** Who to call about it, right from the list: the employer's phone for verified employers; otherwise the source station's. */
  contactPhone: z.string(),
  isSample: z.boolean(),
  /** Present when sorted by distance */
  distanceKm: z.optional(z.number()),
})
export type JobSummary = z.infer<typeof jobSummary>

export const jobDetail = z.extend(jobSummary, {
  description: z.string(),
  requirements: z.string(),
  address: z.string(),
  /** GCJ-02 */
  lat: z.number(),
  lng: z.number(),
  ageMin: z.number(),
  ageMax: z.number(),
  shifts: z.string(),
  hoursPerDay: z.number(),
  contactName: z.string(),
  verifiedBy: z.nullable(z.object({ id: z.number(), name: z.string() })),
  verifiedAt: z.nullable(isoDateTime),
  expired: z.boolean(),
  /** Reported by several workers and hidden from lists until staff have checked it. */
  underReview: z.boolean(),
  /** Open, not expired, not under review: a worker may apply. */
  appliable: z.boolean(),
  pledge: z.string(),
  /** The signed-in worker's application to this posting (null when none or not signed in as a worker). */
  myApplication: z.nullable(z.object({ id: z.number(), status: z.enum(applicationStatuses) })),
})
export type JobDetail = z.infer<typeof jobDetail>

const coordinate = (min: number, max: number, name: string) =>
  z.optional(z.coerce.number().check(z.gte(min, `${name}超出范围`), z.lte(max, `${name}超出范围`)))

export const listJobsQuery = z
  .object({
    q: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(30, '搜索词最多 30 个字'))),
    province: z.optional(z.string().check(noHiddenChars, z.maxLength(20))),
    city: z.optional(z.string().check(noHiddenChars, z.maxLength(20))),
    trade: z.optional(tradeSchema),
    minWage: z.optional(z.coerce.number().check(z.int('请填写整数'), z.gte(0, '工资不能是负数'), z.lte(100000))),
    benefits: queryList(benefits),
    sourceType: z.optional(z.enum(stationTypes)),
    /** Postings that came through this station ("this station's jobs"). */
    stationId: z.optional(recordIdText),
    sort: z._default(z.enum(jobSorts), 'newest'),
    // 家门口就业 (local-jobs.ts): local=true, township=
    ...localJobsQueryFields,
    lat: coordinate(-90, 90, '纬度'),
    lng: coordinate(-180, 180, '经度'),
    ...pageQuery,
  })
  .check(
    z.refine((q) => q.sort !== 'distance' || (q.lat !== undefined && q.lng !== undefined), {
      message: '按距离排序需要位置',
      path: ['lat'],
    }),
  )
export type ListJobsQuery = z.input<typeof listJobsQuery>

/**
 * A wider search that finds something, offered when a search finds nothing: 去掉“电子厂”, 看看新疆的全部岗位.
 * Tapping it searches `q` instead; `clearFilters` also drops the filter choices (trade, province, wage, benefits).
 */
export const searchWidening = z.object({ label: z.string(), q: z.string(), clearFilters: z.boolean() })
export type SearchWidening = z.infer<typeof searchWidening>

export const jobList = z.extend(listOf(jobSummary), {
  /** Only on an empty first page of a search or filtered list, nearest first; absent when nothing wider finds anything either. */
  widen: z.optional(z.array(searchWidening)),
})

export const listJobs = endpoint({
  method: 'GET',
  path: '/jobs',
  access: 'public',
  summary: 'Open, verified postings with search (every word, places too), filters, sort and cursor pagination',
  query: listJobsQuery,
  response: jobList,
})

export const getJob = endpoint({
  method: 'GET',
  path: '/jobs/:id',
  access: 'optional',
  summary: 'One posting; closed, expired and under-review ones are still shown, marked, but not appliable',
  params: idParam,
  response: jobDetail,
})

export const jobApplication = z.object({
  id: z.number(),
  status: z.enum(applicationStatuses),
  note: z.nullable(z.string()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  job: jobSummary,
})
export type JobApplication = z.infer<typeof jobApplication>

export const applyBody = z.object({
  note: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(200, '最多只能写 200 个字'))),
})

export const applyToJob = endpoint({
  method: 'POST',
  path: '/jobs/:id/applications',
  access: 'worker',
  idempotent: true,
  summary: 'Apply to a posting; one application per worker per posting (a repeat returns the same one)',
  params: idParam,
  body: z.optional(applyBody),
  response: jobApplication,
})

export const listMyApplications = endpoint({
  method: 'GET',
  path: '/me/applications',
  access: 'worker',
  summary: 'My applications, newest first, with each posting summary',
  query: z.object({ ...pageQuery }),
  response: listOf(jobApplication),
})

export const withdrawApplication = endpoint({
  method: 'POST',
  path: '/applications/:id/withdraw',
  access: 'worker',
  summary: 'Withdraw my application while it is submitted or contacted',
  params: idParam,
  response: jobApplication,
})

export const reportBody = z
  .object({
    reason: z.enum(reportReasons, '请选择举报的原因'),
    detail: z._default(z.string().check(noHiddenChars, z.trim(), z.maxLength(500, '最多只能写 500 个字')), ''),
  })
  .check(
    z.refine((b) => b.reason !== 'other' || b.detail.length > 0, { message: '选“其他”时请写明是什么问题', path: ['detail'] }),
  )

export const jobReport = z.object({
  id: z.number(),
  jobId: z.number(),
  reason: z.enum(reportReasons),
  detail: z.string(),
  createdAt: isoDateTime,
})
export type JobReport = z.infer<typeof jobReport>

export const reportJob = endpoint({
  method: 'POST',
  path: '/jobs/:id/reports',
  access: 'worker',
  idempotent: true,
  summary: 'Report a posting (fees, false information, wrong wage); one report per worker per posting',
  params: idParam,
  body: reportBody,
  response: jobReport,
})
