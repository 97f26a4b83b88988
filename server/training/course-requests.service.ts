/** 点单: workers ask for trades not on offer; staff see the demand by trade. */
import type { Kysely } from 'kysely'
import type { requestableTrades } from '../../types'
import { toCount } from '../db/dialect'
import type { DB } from '../db/schema'
import { countCourseRequestsByTrade, insertCourseRequest } from './course-requests.repository'

type RequestableTrade = (typeof requestableTrades)[number]

export async function createCourseRequest(trx: Kysely<DB>, userId: number, body: { trade: RequestableTrade; note: string }, now: Date) {
  const row = await insertCourseRequest(trx, { userId, trade: body.trade, note: body.note, now })
  return { id: row.id, trade: row.trade as RequestableTrade, note: row.note, createdAt: row.created_at }
}

/** Demand by trade, most asked first. Notes are not shown here: they are the workers' own words. */
export async function getCourseRequestSummary(db: Kysely<DB>) {
  const rows = await countCourseRequestsByTrade(db)
  const items = rows
    .map((r) => ({ trade: r.trade, requests: toCount(r.requests as string | number), workers: toCount(r.workers as string | number), latestAt: r.latest_at as string }))
    .sort((a, b) => b.requests - a.requests || b.workers - a.workers || a.trade.localeCompare(b.trade))
  return { items, total: items.reduce((n, i) => n + i.requests, 0) }
}
