/**
 * A table /api/health writes to (and rolls back): a database that answers reads but cannot write (a full
 * disk, a read-only replica after failover) must fail the check.
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('health_checks')
    .addColumn('id', 'integer', idColumn(dialectOf(db)))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('health_checks').ifExists().execute()
}
