import type { Kysely } from 'kysely'
import { type TradeCount, trades } from '../../types'
import type { DB } from '../db/schema'
import { toCount } from '../db/dialect'
import { countOpenJobsByTrade } from '../jobs/jobs.repository'
import { chinaDate } from '../lib/dates'
import { countCoursesByTrade } from '../training/courses.repository'

/** Every trade in the contract's order, zero counts included, so the app's chips never jump around. */
export async function listTrades(db: Kysely<DB>, now: Date): Promise<{ items: TradeCount[] }> {
  const [jobs, courses] = await Promise.all([countOpenJobsByTrade(db, chinaDate(now)), countCoursesByTrade(db)])
  const jobCount = new Map(jobs.map((r) => [r.trade, toCount(r.n)]))
  const courseCount = new Map(courses.map((r) => [r.trade, toCount(r.n)]))
  return { items: trades.map((name) => ({ name, openJobs: jobCount.get(name) ?? 0, courses: courseCount.get(name) ?? 0 })) }
}
