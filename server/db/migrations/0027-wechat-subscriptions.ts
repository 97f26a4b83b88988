/**
 * WeChat subscribe messages: one row per template a worker allowed at a tap. Each row lets one message go out (WeChat's
 * one-time subscription); the dispatcher marks it used when it takes it. The WeChat user (openid) the allowance came
 * from is kept encrypted: the send API needs it in the clear, and only the dispatcher decrypts it.
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('wechat_subscriptions')
    .addColumn('id', 'integer', idColumn(dialectOf(db)))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    // Our template name (rights_progress, …), not WeChat's id: the id may change in settings, the allowance stays.
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('openid_enc', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    // The send that used it.
    .addColumn('notification_id', 'integer')
    .execute()
  await db.schema.createIndex('wechat_subscriptions_user_idx').on('wechat_subscriptions').columns(['user_id', 'template', 'used_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wechat_subscriptions').ifExists().execute()
}
