/**
 * Rights help: uploads (photos), requests for help with their per-year tracking counter, and the
 * timeline of every move, message and note (rows are only ever added, never edited).
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))
  const now = sql`CURRENT_TIMESTAMP`

  await db.schema
    .createTable('rights_tracking_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('rights_requests')
    .addColumn('id', 'integer', id)
    .addColumn('tracking_no', 'text', (c) => c.notNull().unique())
    // Null once the worker deleted the account: the case stays, without identity.
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('employer_name', 'text', (c) => c.notNull())
    .addColumn('work_city', 'text', (c) => c.notNull())
    .addColumn('work_province', 'text')
    .addColumn('work_address', 'text', (c) => c.notNull())
    .addColumn('worked_from', 'text', (c) => c.notNull())
    .addColumn('worked_to', 'text')
    .addColumn('amount_owed_yuan', 'integer')
    .addColumn('workers_affected', 'integer', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    /** AES-GCM of the contact phone */
    .addColumn('contact_phone_enc', 'text')
    .addColumn('contact_time', 'text', (c) => c.notNull())
    .addColumn('application_id', 'integer')
    /** JSON array of upload ids attached at submission */
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('station_id', 'integer', (c) => c.references('stations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_responsible_staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('referred_to', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('concluded_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('rights_requests_user_idx').on('rights_requests').columns(['user_id', 'id']).execute()
  await db.schema.createIndex('rights_requests_station_idx').on('rights_requests').columns(['station_id', 'status', 'id']).execute()
  // The overdue filter and the lazy 7-day close both look by status and time.
  await db.schema.createIndex('rights_requests_status_submitted_idx').on('rights_requests').columns(['status', 'submitted_at']).execute()
  await db.schema.createIndex('rights_requests_status_concluded_idx').on('rights_requests').columns(['status', 'concluded_at']).execute()

  await db.schema
    .createTable('rights_request_events')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('rights_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('visible_to_worker', 'integer', (c) => c.notNull())
    /** JSON array of upload ids */
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('rights_request_events_request_idx').on('rights_request_events').columns(['request_id', 'id']).execute()

  await db.schema
    .createTable('uploads')
    // 32 random hex digits: also the file's name under DATA_DIR/uploads.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_user_id', 'integer', (c) => c.references('users.id'))
    /** The case it was attached to; staff of that case's station may read it. */
    .addColumn('request_id', 'integer', (c) => c.references('rights_requests.id'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('uploads_owner_idx').on('uploads').column('owner_user_id').execute()
  await db.schema.createIndex('uploads_request_idx').on('uploads').column('request_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['uploads', 'rights_request_events', 'rights_requests', 'rights_tracking_counters']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
