import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { isoDate } from './common'
import { tradeSchema } from './reference'

/** 劳务品牌: the county's named labour brands, by the level that recognised them. */
export const brandLevels = ['省级', '市级', '县级'] as const
export type BrandLevel = (typeof brandLevels)[number]

export const brand = z.object({
  id: z.number(),
  name: z.string(),
  level: z.enum(brandLevels),
  trade: tradeSchema,
  story: z.string(),
  /** Courses of this brand that have not ended, soonest first. */
  courses: z.array(z.object({ id: z.number(), title: z.string(), startDate: isoDate, seatsLeft: z.number() })),
  /** Open postings in the brand's trade (what 找工作 shows for that trade). */
  openJobs: z.number(),
})
export type Brand = z.infer<typeof brand>

export const listBrands = endpoint({
  method: 'GET',
  path: '/brands',
  access: 'public',
  summary: 'The labour brands, provincial first, with their courses and how many open jobs their trade has',
  response: z.object({ items: z.array(brand) }),
})
