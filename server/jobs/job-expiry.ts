/**
 * A posting past its end date is closed in the database, not only read as 已过期: the scheduler's sweep calls this
 * every few minutes (notifications/scheduler.ts). The read-time guard stays, for the minutes before the sweep.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { writeAudit } from '../audit/audit.repository'
import { chinaDate } from '../lib/dates'
import { closeExpiredJobs } from './jobs.repository'

/** A sweep closes at most this many (the rest wait for the next): one transaction stays short. */
const EXPIRY_BATCH = 500

/** Closes what has expired by `now` (China date) in one transaction, each posting audited as the system; returns their ids. */
export async function closeExpiredPostings(db: Kysely<DB>, now: Date, limit = EXPIRY_BATCH): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const closed = await closeExpiredJobs(trx, chinaDate(now), limit)
    for (const job of closed) {
      await writeAudit(trx, {
        actor: { kind: 'system', id: null },
        action: 'job.expire',
        entity: 'job',
        entityId: job.id,
        before: { status: 'open', expiresAt: job.expires_at },
        after: { status: 'closed', expiresAt: job.expires_at },
        at: now,
      })
    }
    return closed.map((j) => j.id)
  })
}
