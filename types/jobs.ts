import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDate, isoDateTime, listOf, pageQuery, queryList } from './common'
import { benefitSchema, benefits, tradeSchema } from './reference'
import { stationTypes } from './stations'

export const wageUnits = ['month', 'day', 'piece'] as const
export const wageUnitLabel: Record<(typeof wageUnits)[number], string> = { month: '月', day: '天', piece: '件' }
export const jobStatuses = ['open', 'filled', 'closed'] as const
export const jobSorts = ['newest', 'wage', 'distance'] as const

/** Shown on every posting: a real employer never asks the worker for money. */
export const noFeePledge = '正规招聘不收取任何费用，不交押金。凡要求先交钱的，请立即举报。'

const sourceStation = z.object({ id: z.number(), name: z.string(), type: z.enum(stationTypes) })

export const jobSummary = z.object({
  id: z.number(),
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
  /** The employer's phone for verified employers; otherwise the source station's. */
  contactPhone: z.string(),
  contactName: z.string(),
  verifiedBy: z.nullable(z.object({ id: z.number(), name: z.string() })),
  verifiedAt: z.nullable(isoDateTime),
  expired: z.boolean(),
  /** Open, not expired: a worker may apply. */
  appliable: z.boolean(),
  pledge: z.string(),
})
export type JobDetail = z.infer<typeof jobDetail>

const coordinate = (min: number, max: number, name: string) =>
  z.optional(z.coerce.number().check(z.gte(min, `${name}超出范围`), z.lte(max, `${name}超出范围`)))

export const listJobsQuery = z
  .object({
    q: z.optional(z.string().check(z.trim(), z.maxLength(30, '搜索词最多 30 个字'))),
    province: z.optional(z.string().check(z.maxLength(20))),
    city: z.optional(z.string().check(z.maxLength(20))),
    trade: z.optional(tradeSchema),
    minWage: z.optional(z.coerce.number().check(z.int('请填写整数'), z.gte(0, '工资不能是负数'), z.lte(100000))),
    benefits: queryList(benefits),
    sourceType: z.optional(z.enum(stationTypes)),
    sort: z._default(z.enum(jobSorts), 'newest'),
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

export const listJobs = endpoint({
  method: 'GET',
  path: '/jobs',
  access: 'public',
  summary: 'Open, verified postings with search, filters, sort and cursor pagination',
  query: listJobsQuery,
  response: listOf(jobSummary),
})

export const getJob = endpoint({
  method: 'GET',
  path: '/jobs/:id',
  access: 'public',
  summary: 'One posting; closed and expired ones are still shown, marked, but not appliable',
  params: idParam,
  response: jobDetail,
})
