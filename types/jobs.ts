import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDate, isoDateTime, listOf, pageQuery, queryFlag, queryList, recordIdText } from './common'
import { benefitSchema, benefits, tradeSchema } from './reference'
import { stationTypes } from './stations'
import { noHiddenChars } from './validators'
import { localJobFields, localJobsQueryFields } from './job-kinds'

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
export const jobStatusLabel: Record<(typeof jobStatuses)[number], string> = { open: '招聘中', filled: '已招满', closed: '已结束' }

// ── What a worker asks before anything else. Null in a posting is unknown, shown 未说明, never guessed. ──

/** The pay type a worker filters by (`payType=`), as the posting's wage unit. */
export const payTypes = ['daily', 'monthly', 'piece'] as const
export type PayType = (typeof payTypes)[number]
export const payTypeUnit: Record<PayType, (typeof wageUnits)[number]> = { daily: 'day', monthly: 'month', piece: 'piece' }
export const payTypeLabel: Record<(typeof wageUnits)[number], string> = { day: '日结', month: '月薪', piece: '计件' }

/** When the money comes. */
export const paySchedules = ['same_day', 'weekly', 'monthly', 'on_completion'] as const
export const payScheduleLabel: Record<(typeof paySchedules)[number], string> = {
  same_day: '当天结',
  weekly: '周结',
  monthly: '月结',
  on_completion: '干完结',
}
export const daysOffOptions = ['two_per_week', 'one_per_week', 'alternate', 'four_per_month', 'two_per_month', 'rota', 'none'] as const
export const daysOffLabel: Record<(typeof daysOffOptions)[number], string> = {
  two_per_week: '双休',
  one_per_week: '上六休一',
  alternate: '大小周',
  four_per_month: '月休4天',
  two_per_month: '月休2天',
  rota: '轮休',
  none: '没有固定休息',
}
export const mealsOptions = ['provided', 'allowance', 'none'] as const
export const mealsLabel: Record<(typeof mealsOptions)[number], string> = { provided: '包吃', allowance: '有餐补', none: '不包吃' }
/** `couple` is a couple's room besides the dorm: it answers `housing=dorm` too. */
export const housingOptions = ['dorm', 'couple', 'allowance', 'none'] as const
export const housingLabel: Record<(typeof housingOptions)[number], string> = {
  dorm: '包住',
  couple: '包住·有夫妻房',
  allowance: '有住房补贴',
  none: '不包住',
}
/** What `housing=` may ask for. */
export const housingFilters = ['dorm', 'couple', 'allowance'] as const
export const socialInsuranceOptions = ['paid', 'injury_only', 'none'] as const
export const socialInsuranceLabel: Record<(typeof socialInsuranceOptions)[number], string> = {
  paid: '交社保',
  injury_only: '只交工伤险',
  none: '不交社保',
}
export const overtimePayOptions = ['paid', 'included', 'no_overtime'] as const
export const overtimePayLabel: Record<(typeof overtimePayOptions)[number], string> = {
  paid: '加班另算钱',
  included: '加班费已含在工资里',
  no_overtime: '不加班',
}
/** Labour law allows at most 6 months. */
export const MAX_PROBATION_MONTHS = 6
export const unknownLabel = '未说明'

/** 用工单位 as every posting carries it: who, whether checked, and one line of its record with the county. */
export const jobEmployer = z.object({
  id: z.nullable(z.number()),
  name: z.string(),
  verified: z.boolean(),
  suspended: z.boolean(),
  /** 已核验营业执照 · 县里合作 3 年 · 0 起欠薪投诉 */
  trust: z.string(),
})
export type JobEmployer = z.infer<typeof jobEmployer>
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

/**
 * A posting as a list card shows it, and no more: the wage, where and when, the answers to a worker's questions, who
 * to call and the employer's trust line. A list page is twenty of these, so what only the detail page shows (headcount,
 * end date, trade, the station's id and type, the employer record's id and flags) is in `jobPosting` below.
 */
export const jobSummary = z.object({
  id: z.number(),
  // 家门口 lists only (job-kinds.ts).
  ...localJobFields,
  title: z.string(),
  employerName: z.string(),
  employerVerified: z.boolean(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  wageMinYuan: z.number(),
  wageMaxYuan: z.number(),
  wageUnit: z.enum(wageUnits),
  benefits: z.array(benefitSchema),
  status: z.enum(jobStatuses),
  postedAt: isoDateTime,
  /** The station that vouches for it: its name labels 打电话 when the employer is not verified. */
  sourceStation: z.object({ name: z.string() }),
  /** Who to call about it, right from the list: the employer's phone for verified employers; otherwise the source station's. */
  contactPhone: z.string(),
  isSample: z.boolean(),
  /** Present when sorted by distance */
  distanceKm: z.optional(z.number()),
  // The structured answers (null: 未说明). The pay type is wageUnit.
  paySchedule: z.nullable(z.enum(paySchedules)),
  /** Day of the month wages are paid */
  payDay: z.nullable(z.number()),
  hoursPerDay: z.number(),
  daysOff: z.nullable(z.enum(daysOffOptions)),
  meals: z.nullable(z.enum(mealsOptions)),
  housing: z.nullable(z.enum(housingOptions)),
  ageMin: z.number(),
  ageMax: z.number(),
  socialInsurance: z.nullable(z.enum(socialInsuranceOptions)),
  overtimePay: z.nullable(z.enum(overtimePayOptions)),
  /** 0: no probation */
  probationMonths: z.nullable(z.number()),
  /** Headcount less those hired; 0 once filled. */
  stillNeeded: z.number(),
  /** The card's line of the employer's record (已核验营业执照 · 县里合作 3 年 · 0 起欠薪投诉); the record itself is on the detail. */
  employer: z.object({ trust: z.string() }),
})
export type JobSummary = z.infer<typeof jobSummary>

/** A posting with what the card leaves out: the detail page and the workbench read this. */
export const jobPosting = z.extend(jobSummary, {
  trade: tradeSchema,
  headcount: z.number(),
  expiresAt: isoDate,
  sourceStation,
  employer: jobEmployer,
})
export type JobPosting = z.infer<typeof jobPosting>

export const jobDetail = z.extend(jobPosting, {
  description: z.string(),
  requirements: z.string(),
  address: z.string(),
  /** GCJ-02 */
  lat: z.number(),
  lng: z.number(),
  shifts: z.string(),
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
    // 家门口就业 (job-kinds.ts): local=true, township=
    ...localJobsQueryFields,
    lat: coordinate(-90, 90, '纬度'),
    lng: coordinate(-180, 180, '经度'),
    // The card's questions, as filters (see jobs.repository cardConditions).
    payType: z.optional(z.enum(payTypes, '请选择日结、月薪或计件')),
    /** meals=true: 包吃 only; false asks nothing. */
    meals: queryFlag,
    /** dorm finds couple's rooms too (they come with a dorm). */
    housing: z.optional(z.enum(housingFilters, '请选择包住、夫妻房或住房补贴')),
    /** The worker's age: postings whose age range takes it. */
    maxAge: z.optional(z.coerce.number().check(z.int('请填写整数'), z.gte(16, '年龄不能小于16'), z.lte(70, '年龄不能大于70'))),
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

export const employerRecord = z.object({
  id: z.number(),
  name: z.string(),
  /** 统一社会信用代码: public on every licence; null until staff record it. */
  creditCode: z.nullable(z.string()),
  verified: z.boolean(),
  verifiedAt: z.nullable(isoDateTime),
  /** The station that checked it */
  verifiedBy: z.nullable(z.object({ id: z.number(), name: z.string() })),
  suspended: z.boolean(),
  /** First worked with the county */
  since: isoDateTime,
  trust: z.string(),
  /** Its history with the county, counts only (never a case's details). */
  counts: z.object({
    postings: z.number(),
    openPostings: z.number(),
    hires: z.number(),
    reports: z.number(),
    rightsCases: z.number(),
    unpaidWageCases: z.number(),
  }),
})
export type EmployerRecord = z.infer<typeof employerRecord>

export const getEmployer = endpoint({
  method: 'GET',
  path: '/employers/:id',
  access: 'public',
  summary: 'An employer’s public record: checked or not, since when, and counts of its postings, hires, reports and rights cases',
  params: idParam,
  response: employerRecord,
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
