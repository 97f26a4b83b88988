/**
 * The case queue: tracking numbers a worker can read out (2026-000123; the old WS- prefix is dropped from stored
 * numbers, and lookups still accept it), and a keyed hash of the contact phone's last four digits so an officer
 * can find a case by them without decrypting every row. The hash needs the data key, so existing rows get it when
 * the server starts (rights routes, onReady), not here.
 */
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`update rights_requests set tracking_no = substr(tracking_no, 4) where tracking_no like 'WS-%'`.execute(db)
  await db.schema.alterTable('rights_requests').addColumn('contact_phone_last4_hash', 'text').execute()
  await db.schema.createIndex('rights_requests_phone_last4_idx').on('rights_requests').columns(['contact_phone_last4_hash']).execute()
  // My cases (我负责的), in queue order.
  await db.schema.createIndex('rights_requests_first_responsible_idx').on('rights_requests').columns(['first_responsible_staff_id', 'submitted_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('rights_requests_first_responsible_idx').ifExists().execute()
  await db.schema.dropIndex('rights_requests_phone_last4_idx').ifExists().execute()
  await db.schema.alterTable('rights_requests').dropColumn('contact_phone_last4_hash').execute()
  await sql`update rights_requests set tracking_no = 'WS-' || tracking_no where tracking_no not like 'WS-%'`.execute(db)
}
