/**
 * 记工 with co-workers (工友): a site one worker shares with a code, so others on it log against the same employer and
 * site (each joining makes their own employer row, linked here; their days stay their own), and the worker's own
 * choice of the evening reminder to log the day.
 */
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))

  await db.schema
    .createTable('worklog_sites')
    .addColumn('id', 'integer', id)
    // The code co-workers type or open as a link (8 letters and digits, no look-alikes).
    .addColumn('code', 'text', (c) => c.notNull().unique())
    // The worker who shared it; null once their account is gone (the site stays for those who joined).
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    // What is shared: the employer, the site and the agreed pay as the sharer had them.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('day_rate_fen', 'integer')
    .addColumn('hour_rate_fen', 'integer')
    .addColumn('unit_rate_fen', 'integer')
    .addColumn('unit_label', 'text')
    .addColumn('overtime_rate_fen', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema.alterTable('worklog_employers').addColumn('site_id', 'integer', (c) => c.references('worklog_sites.id')).execute()
  // One employer row per worker and shared site: joining twice finds the first.
  await db.schema
    .createIndex('worklog_employers_site_uq')
    .on('worklog_employers')
    .columns(['site_id', 'user_id'])
    .unique()
    .where(sql.ref('site_id'), 'is not', null)
    .execute()

  await db.schema
    .createTable('worklog_settings')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
    // 1: an evening reminder when the day is not logged yet (the default, with no row).
    .addColumn('evening_reminder', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('worklog_settings').ifExists().execute()
  await db.schema.dropIndex('worklog_employers_site_uq').ifExists().execute()
  await db.schema.alterTable('worklog_employers').dropColumn('site_id').execute()
  await db.schema.dropTable('worklog_sites').ifExists().execute()
}
