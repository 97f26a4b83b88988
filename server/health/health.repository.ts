/** The health check's queries. */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

class RolledBack extends Error {}

/**
 * Writes a row and rolls it back: reads can succeed on a full disk or a read-only replica, writes cannot.
 * The payload spans a few pages, so the database file (or its log) really has to take new data.
 */
export async function writeAndRollBack(db: Kysely<DB>, now: Date): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('health_checks').values({ payload: 'x'.repeat(16_384), checked_at: now.toISOString() }).execute()
      throw new RolledBack()
    })
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error
  }
}
