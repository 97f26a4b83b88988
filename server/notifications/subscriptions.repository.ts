/** WeChat subscribe-message allowances (wechat_subscriptions); `db` or a transaction first. */
import type { Kysely } from 'kysely'
import { dialectOf } from '../db/dialect'
import type { DB } from '../db/schema'

export async function insertSubscriptions(trx: Kysely<DB>, userId: number, templates: readonly string[], openidEnc: string, at: string): Promise<void> {
  if (!templates.length) return
  await trx
    .insertInto('wechat_subscriptions')
    .values(templates.map((template) => ({ user_id: userId, template, openid_enc: openidEnc, granted_at: at, used_at: null, notification_id: null })))
    .execute()
}

export async function countUnusedSubscriptions(db: Kysely<DB>, userId: number, template: string): Promise<number> {
  const row = await db
    .selectFrom('wechat_subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('template', '=', template)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Takes the oldest unused allowance for this send, in one statement; on PostgreSQL a row another dispatcher is taking
 * is skipped, so two sends never share one allowance.
 */
export async function takeSubscription(db: Kysely<DB>, userId: number, template: string, notificationId: number, at: string) {
  let oldest = db
    .selectFrom('wechat_subscriptions')
    .select('id')
    .where('user_id', '=', userId)
    .where('template', '=', template)
    .where('used_at', 'is', null)
    .orderBy('id')
    .limit(1)
  if (dialectOf(db) === 'postgres') oldest = oldest.forUpdate().skipLocked()
  return db
    .updateTable('wechat_subscriptions')
    .set({ used_at: at, notification_id: notificationId })
    .where('id', 'in', oldest)
    .where('used_at', 'is', null)
    .returning(['id', 'openid_enc'])
    .executeTakeFirst()
}

/** WeChat did not use it (a network failure, a refused token, bad data): another send may. */
export async function releaseSubscription(db: Kysely<DB>, id: number): Promise<void> {
  await db.updateTable('wechat_subscriptions').set({ used_at: null, notification_id: null }).where('id', '=', id).execute()
}

export async function deleteUserSubscriptions(trx: Kysely<DB>, userId: number): Promise<void> {
  await trx.deleteFrom('wechat_subscriptions').where('user_id', '=', userId).execute()
}
