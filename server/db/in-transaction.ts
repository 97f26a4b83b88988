import type { Kysely } from 'kysely'
import type { DB } from './schema'

/**
 * Runs a write's steps in one transaction: the caller's, when it is one already (an idempotent endpoint's, which also
 * stores the answer; Kysely has no nested transactions), else a new one. A route's `trx` is the plain database on
 * endpoints that are not idempotent, so a service writing more than one row must not trust its name.
 */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn)
}
