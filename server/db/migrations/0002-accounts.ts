/**
 * Accounts: workers (users), consents, SMS codes and their dev outbox, WeChat tickets, staff
 * and sessions. Phone and ID numbers are stored encrypted (…_enc) with an HMAC column for
 * lookups (…_hash); the ledger fields are plain columns so staff ledgers can filter them.
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))
  const now = sql`CURRENT_TIMESTAMP`

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    // Null once the account is deleted: the row stays as a tombstone without identity.
    .addColumn('phone_hash', 'text', (c) => c.unique())
    .addColumn('phone_enc', 'text')
    .addColumn('wechat_openid_hash', 'text', (c) => c.unique())
    .addColumn('name', 'text')
    .addColumn('hometown_township', 'text')
    .addColumn('hometown_village', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('trades', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('working_away', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_city', 'text')
    .addColumn('returned_home', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('willing_to_go_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('poverty_alleviated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('deleted_at', 'text')
    .execute()
  await db.schema.createIndex('users_township_idx').on('users').column('hometown_township').execute()

  await db.schema
    .createTable('consents')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('consents_user_idx').on('consents').columns(['user_id', 'kind', 'id']).execute()

  await db.schema
    .createTable('sms_codes')
    .addColumn('id', 'integer', id)
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    /** China date it was sent, for the daily limit. */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute()
  await db.schema.createIndex('sms_codes_phone_idx').on('sms_codes').columns(['phone_hash', 'id']).execute()
  await db.schema.createIndex('sms_codes_ip_idx').on('sms_codes').columns(['ip_hash', 'created_at']).execute()

  // Only the console provider (never in production) writes here.
  await db.schema
    .createTable('dev_sms_outbox')
    .addColumn('id', 'integer', id)
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('dev_sms_outbox_phone_idx').on('dev_sms_outbox').columns(['phone_hash', 'id']).execute()

  await db.schema
    .createTable('wechat_tickets')
    .addColumn('ticket_hash', 'text', (c) => c.primaryKey())
    .addColumn('openid_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('staff')
    .addColumn('id', 'integer', id)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('station_id', 'integer', (c) => c.references('stations.id'))
    /** scrypt$N$r$p$salt$hash (base64url) */
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', id)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute()
  await db.schema.createIndex('sessions_staff_idx').on('sessions').column('staff_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sessions', 'staff', 'wechat_tickets', 'dev_sms_outbox', 'sms_codes', 'consents', 'users']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
