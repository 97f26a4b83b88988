/**
 * Staff passwords of their own: a flag that forces a change at the next sign-in (seeded and reset
 * passwords are one-time), and failed sign-ins per client address, so one address guessing at many
 * accounts is slowed down, whichever server process it reaches.
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))
  await db.schema.alterTable('staff').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema
    .createTable('staff_login_failures')
    .addColumn('id', 'integer', id)
    // HMAC of the client address, as for SMS codes: the address itself is not kept.
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('staff_login_failures_ip_idx').on('staff_login_failures').columns(['ip_hash', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_login_failures').ifExists().execute()
  await db.schema.alterTable('staff').dropColumn('must_change_password').execute()
}
