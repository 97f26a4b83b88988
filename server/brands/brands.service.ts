/**
 * 劳务品牌: the brands with what a worker can do about one — its courses that have not ended and how many open
 * postings its trade has (counted exactly as the 找工作 trade chips count them).
 */
import type { Kysely } from 'kysely'
import type { Brand, BrandLevel, Trade } from '../../types'
import { brandLevels } from '../../types'
import type { DB } from '../db/schema'
import { toCount } from '../db/dialect'
import { countOpenJobsByTrade } from '../jobs/jobs.repository'
import { chinaDate } from '../lib/dates'
import { findBrandCoursesNotEnded } from '../training/courses.repository'
import { seatsLeftOf } from '../training/training-dto'
import { findBrands } from './brands.repository'

export async function listBrands(db: Kysely<DB>, now: Date): Promise<{ items: Brand[] }> {
  const today = chinaDate(now)
  const [brands, courses, jobs] = await Promise.all([
    findBrands(db),
    findBrandCoursesNotEnded(db, today),
    countOpenJobsByTrade(db, today),
  ])
  const openJobs = new Map(jobs.map((r) => [r.trade, toCount(r.n)]))
  const rank = (level: string) => {
    const i = brandLevels.indexOf(level as BrandLevel)
    return i < 0 ? brandLevels.length : i
  }
  return {
    items: brands
      .sort((a, b) => rank(a.level) - rank(b.level) || a.id - b.id)
      .map((b) => ({
        id: b.id,
        name: b.name,
        level: b.level as BrandLevel,
        trade: b.trade as Trade,
        story: b.story,
        courses: courses
          .filter((c) => c.brand_id === b.id)
          .map((c) => ({ id: c.id, title: c.title, startDate: c.start_date, seatsLeft: seatsLeftOf(c) })),
        openJobs: openJobs.get(b.trade) ?? 0,
      })),
  }
}
