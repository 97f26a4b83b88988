import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDate, listOf, pageQuery } from './common'
import { tradeSchema } from './reference'

/** 下单: an employer's order with a placement; 点单: from the county's menu; 配单: labour-brand training. */
export const courseModes = ['order', 'menu', 'brand'] as const
export type CourseMode = (typeof courseModes)[number]
export const courseModeLabel: Record<CourseMode, string> = { order: '下单培训', menu: '点单培训', brand: '品牌培训' }

export const course = z.object({
  id: z.number(),
  title: z.string(),
  trade: tradeSchema,
  mode: z.enum(courseModes),
  provider: z.string(),
  location: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  enrollDeadline: isoDate,
  sessions: z.number(),
  capacity: z.number(),
  seatsLeft: z.number(),
  costYuan: z.number(),
  subsidyYuan: z.number(),
  certificate: z.string(),
  certificateLevel: z.string(),
  requirements: z.string(),
  description: z.string(),
  brand: z.nullable(z.string()),
  /** order courses only */
  partnerEmployer: z.nullable(z.string()),
  destinationCity: z.nullable(z.string()),
  expectedWageYuan: z.nullable(z.number()),
  agreementText: z.nullable(z.string()),
  isSample: z.boolean(),
})
export type Course = z.infer<typeof course>

export const listCourses = endpoint({
  method: 'GET',
  path: '/courses',
  access: 'public',
  summary: 'Courses sorted by start date',
  query: z.object({
    mode: z.optional(z.enum(courseModes)),
    trade: z.optional(tradeSchema),
    month: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}$/, '月份格式应为 2026-01'))),
    ...pageQuery,
  }),
  response: listOf(course),
})

export const getCourse = endpoint({
  method: 'GET',
  path: '/courses/:id',
  access: 'public',
  summary: 'One course',
  params: idParam,
  response: course,
})
