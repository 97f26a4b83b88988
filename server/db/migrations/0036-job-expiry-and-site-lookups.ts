/**
 * The end-date sweep finds open postings past their date by (status, expires_at); and each worker's lookups of a
 * shared site's code, counted per hour so nobody can try codes one after another (worklog/README.md).
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('jobs_status_expires_idx').on('jobs').columns(['status', 'expires_at']).execute()
  await db.schema
    .createTable('worklog_site_lookups')
    .addColumn('id', 'integer', idColumn(dialectOf(db)))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('worklog_site_lookups_user_idx').on('worklog_site_lookups').columns(['user_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('worklog_site_lookups').ifExists().execute()
  await db.schema.dropIndex('jobs_status_expires_idx').ifExists().execute()
}
