/**
 * Telling people what happened: the inbox (`messages`, one row a worker or staff member reads), the outbox of
 * external sends (`notifications`, written in the same transaction as the change that causes it, then claimed and
 * sent by the dispatcher) and each worker's channel choices per kind (`notification_settings`).
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))

  await db.schema
    .createTable('messages')
    .addColumn('id', 'integer', id)
    // Exactly one of user_id (a worker) and staff_id is set.
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute()
  await db.schema.createIndex('messages_user_idx').on('messages').columns(['user_id', 'id']).execute()
  await db.schema.createIndex('messages_staff_idx').on('messages').columns(['staff_id', 'id']).execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', id)
    .addColumn('message_id', 'integer', (c) => c.references('messages.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // inapp | wechat | sms
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    // What an external channel sends: JSON { title, body } (no phone: read from the account when sending).
    .addColumn('payload', 'text', (c) => c.notNull())
    // pending | sent | failed | skipped
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    // When a pending row may next be tried; a claim moves it on by the claim time, so a crashed sender's row returns.
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    // Keyed hash of the phone an SMS went to: the per-phone daily limit counts these.
    .addColumn('phone_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('sent_day', 'text')
    .execute()
  await db.schema.createIndex('notifications_due_idx').on('notifications').columns(['state', 'next_attempt_at']).execute()
  await db.schema.createIndex('notifications_phone_day_idx').on('notifications').columns(['phone_hash', 'sent_day']).execute()
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id']).execute()

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('wechat', 'integer', (c) => c.notNull())
    .addColumn('sms', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_settings_pk', ['user_id', 'kind'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_settings').ifExists().execute()
  await db.schema.dropTable('notifications').ifExists().execute()
  await db.schema.dropTable('messages').ifExists().execute()
}
