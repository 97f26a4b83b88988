/**
 * 点对点 transport batches and their seats, policy articles and the FAQ. Brands already exist (0001).
 * transport_batches.seats_taken counts active signups, kept in step in the same transaction (like courses.enrolled_count).
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))

  await db.schema
    .createTable('transport_batches')
    .addColumn('id', 'integer', id)
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('depart_at', 'text', (c) => c.notNull())
    .addColumn('meet_at', 'text', (c) => c.notNull())
    .addColumn('departure_township', 'text', (c) => c.notNull())
    .addColumn('meeting_point', 'text', (c) => c.notNull())
    .addColumn('destination_province', 'text', (c) => c.notNull())
    .addColumn('destination_city', 'text', (c) => c.notNull())
    .addColumn('station_id', 'integer', (c) => c.references('stations.id'))
    .addColumn('employer', 'text')
    .addColumn('vehicle_kind', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    // open | departed | cancelled ('full' is derived)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('what_to_bring', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('departed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_by_staff_id', 'integer')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('transport_batches_depart_idx').on('transport_batches').columns(['status', 'depart_at', 'id']).execute()
  await db.schema.createIndex('transport_batches_departed_idx').on('transport_batches').columns(['departed_at']).execute()

  await db.schema
    .createTable('transport_signups')
    .addColumn('id', 'integer', id)
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('transport_batches.id'))
    // Null once the worker deleted the account: a departed rider still counts as sent out.
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute()
  // One seat per worker and batch; cancelled ones stay as history.
  await db.schema
    .createIndex('transport_signups_live_uq')
    .on('transport_signups')
    .columns(['batch_id', 'user_id'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute()
  await db.schema.createIndex('transport_signups_user_idx').on('transport_signups').columns(['user_id', 'id']).execute()
  await db.schema.createIndex('transport_signups_batch_idx').on('transport_signups').columns(['batch_id', 'status', 'id']).execute()

  await db.schema
    .createTable('policies')
    .addColumn('id', 'integer', id)
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // title, summary, body and category, A–Z lower-cased, joined by U+0001: what q is matched against.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('policies_category_idx').on('policies').columns(['category', 'updated_at', 'id']).execute()
  await db.schema.createIndex('policies_updated_idx').on('policies').columns(['updated_at', 'id']).execute()

  await db.schema
    .createTable('policy_faqs')
    .addColumn('id', 'integer', id)
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'integer', (c) => c.references('policies.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['policy_faqs', 'policies', 'transport_signups', 'transport_batches']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
