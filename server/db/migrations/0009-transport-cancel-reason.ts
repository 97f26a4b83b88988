/**
 * Staff cancel a 点对点 batch with a reason, which the riders read in 我报名的车; the staff list of batches
 * runs newest departure first per station.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('transport_batches').addColumn('cancel_reason', 'text').execute()
  await db.schema.createIndex('transport_batches_station_idx').on('transport_batches').columns(['station_id', 'depart_at', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('transport_batches_station_idx').ifExists().execute()
  await db.schema.alterTable('transport_batches').dropColumn('cancel_reason').execute()
}
