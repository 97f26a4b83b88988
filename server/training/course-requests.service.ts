/** 点单: workers ask for trades not on offer; staff see the demand by trade. */
import type { Kysely } from 'kysely'
import type { requestableTrades } from '../../types'
import { toCount } from '../db/dialect'
import type { DB } from '../db/schema'

type RequestableTrade = (typeof requestableTrades)[number]

export async function createCourseRequest(trx: Kysely<DB>, userId: number, body: { trade: RequestableTrade; note: string }, now: Date) {
  const row = await trx
    .insertInto('course_requests')
    .values({ user_id: userId, trade: body.trade, note: body.note, created_at: now.toISOString() })
    .returning(['id', 'trade', 'note', 'created_at'])
    .executeTakeFirstOrThrow()
  return { id: row.id, trade: row.trade as RequestableTrade, note: row.note, createdAt: row.created_at }
}

/** Demand by trade, most asked first. Notes are not shown here: they are the workers' own words. */
export async function courseRequestSummary(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('course_requests')
    .select((eb) => [
      'trade',
      eb.fn.countAll().as('requests'),
      eb.fn.count('user_id').distinct().as('workers'),
      eb.fn.max('created_at').as('latest_at'),
    ])
    .groupBy('trade')
    .execute()
  const items = rows
    .map((r) => ({ trade: r.trade, requests: toCount(r.requests as string | number), workers: toCount(r.workers as string | number), latestAt: r.latest_at as string }))
    .sort((a, b) => b.requests - a.requests || b.workers - a.workers || a.trade.localeCompare(b.trade))
  return { items, total: items.reduce((n, i) => n + i.requests, 0) }
}
