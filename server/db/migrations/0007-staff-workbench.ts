/**
 * Staff workbench: disabled staff accounts, who verified an employer, the worked-away-last-year
 * flag behind the 去年外出今年未出 ledger, and the access log of staff reads of workers' personal data.
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))
  await db.schema.alterTable('staff').addColumn('disabled_at', 'text').execute()
  await db.schema.alterTable('jobs').addColumn('verified_by_staff_id', 'integer').execute()
  await db.schema.alterTable('users').addColumn('worked_away_last_year', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'integer', id)
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    // The worker whose data was read; null for a bulk read (a ledger export), which says how many in detail.
    .addColumn('user_id', 'integer')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('access_log_user_idx').on('access_log').columns(['user_id', 'id']).execute()
  // Figures count hires by the day they happened.
  await db.schema.createIndex('job_applications_status_updated_idx').on('job_applications').columns(['status', 'updated_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('job_applications_status_updated_idx').ifExists().execute()
  await db.schema.dropTable('access_log').ifExists().execute()
  await db.schema.alterTable('users').dropColumn('worked_away_last_year').execute()
  await db.schema.alterTable('jobs').dropColumn('verified_by_staff_id').execute()
  await db.schema.alterTable('staff').dropColumn('disabled_at').execute()
}
