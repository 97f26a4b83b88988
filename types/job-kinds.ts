/**
 * What a posting summary and the job list's query carry for 家门口就业 (local-jobs.ts): apart from that area, so the
 * jobs tab in the mini-program's main package does not carry the 零工 and staff endpoints with it.
 */
import { z } from 'zod/mini'
import { isoDate, queryFlag } from './common'
import { townshipInput } from './places'

export const jobKinds = ['general', 'workshop', 'public_welfare', 'day_work'] as const
export type JobKind = (typeof jobKinds)[number]
/** The kinds inside the county that 家门口就业 lists. */
export const localJobKinds = ['workshop', 'public_welfare', 'day_work'] as const satisfies readonly JobKind[]
export const jobKindLabel: Record<JobKind, string> = {
  general: '外出务工',
  workshop: '帮扶车间',
  public_welfare: '公益性岗位',
  day_work: '零工',
}

/** `GET /jobs?local=true&township=洛门镇` (or `lat`/`lng`): the 家门口 list. Spread into the list query. */
export const localJobsQueryFields = {
  /** Only postings inside the county, same-day 零工 first, then nearest first. */
  local: queryFlag,
  /** Distances from this township's centre (lat/lng, when given, win). */
  township: z.optional(townshipInput),
}

export const dayJobSummary = z.object({
  id: z.number(),
  jobId: z.number(),
  date: isoDate,
  place: z.string(),
  headcount: z.number(),
  /** Places not yet taken. */
  left: z.number(),
  wageYuan: z.number(),
})
export type DayJobSummary = z.infer<typeof dayJobSummary>

/** What a 家门口 card carries besides a posting's: spread into the posting summary, present on local lists only. */
export const localJobFields = {
  kind: z.optional(z.enum(jobKinds)),
  /** A 零工 day today. */
  sameDay: z.optional(z.boolean()),
  /** The next 零工 day of a day_work posting (today or later), if any. */
  day: z.optional(z.nullable(dayJobSummary)),
}
