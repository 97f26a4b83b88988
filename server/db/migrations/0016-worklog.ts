/**
 * 记工: a worker's own employers (with the agreed pay), day entries and payments received. Counts (days, hours,
 * quantity) are stored in hundredths as integers, money in fen, so both databases sum them exactly.
 * A payment's photo is an upload marked with the payment it belongs to, so the sweep of unused photos leaves it.
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))

  await db.schema
    .createTable('worklog_employers')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('day_rate_fen', 'integer')
    .addColumn('hour_rate_fen', 'integer')
    .addColumn('unit_rate_fen', 'integer')
    .addColumn('unit_label', 'text')
    .addColumn('overtime_rate_fen', 'integer')
    // The worker's own job application this work came from (a posting found in the app), if any.
    .addColumn('application_id', 'integer', (c) => c.references('job_applications.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('worklog_employers_user_idx').on('worklog_employers').columns(['user_id', 'id']).execute()

  await db.schema
    .createTable('worklog_entries')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('employer_id', 'integer', (c) => c.notNull().references('worklog_employers.id'))
    // China date the entry is about
    .addColumn('date', 'text', (c) => c.notNull())
    // day_work | contract_day | contract_quantity | advance
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('days_x100', 'integer')
    .addColumn('hours_x100', 'integer')
    .addColumn('overtime_hours_x100', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quantity_x100', 'integer')
    .addColumn('rate_fen', 'integer')
    .addColumn('amount_fen', 'integer')
    .addColumn('note', 'text', (c) => c.notNull())
    // Server time of the first sync, the phone's time of entry, and whether it was entered on its own day.
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('client_entered_at', 'text', (c) => c.notNull())
    .addColumn('on_the_day', 'integer', (c) => c.notNull())
    .addColumn('corrected_at', 'text')
    .execute()
  await db.schema.createIndex('worklog_entries_user_date_idx').on('worklog_entries').columns(['user_id', 'date', 'id']).execute()
  await db.schema.createIndex('worklog_entries_employer_idx').on('worklog_entries').columns(['employer_id', 'date']).execute()
  // One work entry per employer, day and kind (logging it again replaces it); advances may be several a day.
  await db.schema
    .createIndex('worklog_entries_day_uq')
    .on('worklog_entries')
    .columns(['employer_id', 'date', 'kind'])
    .unique()
    .where(sql.ref('kind'), '<>', 'advance')
    .execute()

  await db.schema
    .createTable('worklog_payments')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('employer_id', 'integer', (c) => c.notNull().references('worklog_employers.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    // cash | bank | wechat | other
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('photo_id', 'text')
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('client_entered_at', 'text', (c) => c.notNull())
    .addColumn('on_the_day', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('worklog_payments_user_date_idx').on('worklog_payments').columns(['user_id', 'date', 'id']).execute()
  await db.schema.createIndex('worklog_payments_employer_idx').on('worklog_payments').columns(['employer_id', 'date']).execute()

  // No foreign key: a payment and its photo are deleted together by the worklog service, in either order.
  await db.schema.alterTable('uploads').addColumn('worklog_payment_id', 'integer').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('uploads').dropColumn('worklog_payment_id').execute()
  await db.schema.dropTable('worklog_payments').ifExists().execute()
  await db.schema.dropTable('worklog_entries').ifExists().execute()
  await db.schema.dropTable('worklog_employers').ifExists().execute()
}
