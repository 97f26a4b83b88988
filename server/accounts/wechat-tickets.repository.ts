/**
 * A WeChat sign-in waiting for its phone: the ticket (stored as its SHA-256) names the WeChat identity until the
 * worker confirms a phone with an SMS code. Every function takes the database or a transaction first.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

export async function insertWechatTicket(db: Kysely<DB>, values: { ticketHash: string; openidHash: string; now: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('wechat_tickets')
    .values({
      ticket_hash: values.ticketHash,
      openid_hash: values.openidHash,
      created_at: values.now.toISOString(),
      expires_at: values.expiresAt.toISOString(),
    })
    .execute()
}

/** The ticket's WeChat identity, while it has not expired. */
export async function findLiveWechatTicket(db: Kysely<DB>, ticketHash: string, now: Date) {
  return db
    .selectFrom('wechat_tickets')
    .select(['openid_hash'])
    .where('ticket_hash', '=', ticketHash)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst()
}

export async function deleteWechatTicket(db: Kysely<DB>, ticketHash: string): Promise<void> {
  await db.deleteFrom('wechat_tickets').where('ticket_hash', '=', ticketHash).execute()
}
