/** Sign-in codes (hashed), counted here for every rate limit so all server processes agree. */
import type { Kysely } from 'kysely'
import { toCount } from '../db/dialect'
import type { DB } from '../db/schema'

export async function latestCode(db: Kysely<DB>, phoneHash: string) {
  return db.selectFrom('sms_codes').selectAll().where('phone_hash', '=', phoneHash).orderBy('id', 'desc').limit(1).executeTakeFirst()
}

export async function countCodesOnDay(db: Kysely<DB>, phoneHash: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('sms_codes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('phone_hash', '=', phoneHash)
    .where('day', '=', day)
    .executeTakeFirstOrThrow()
  return toCount(row.n as number)
}

/** How many codes an IP asked for since `since`, and when the oldest of them was. */
export async function codesFromIpSince(db: Kysely<DB>, ipHash: string, since: Date) {
  const row = await db
    .selectFrom('sms_codes')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('ip_hash', '=', ipHash)
    .where('created_at', '>', since.toISOString())
    .executeTakeFirstOrThrow()
  return { count: toCount(row.n as number), oldest: (row.oldest as string | null) ?? null }
}

export async function insertCode(
  db: Kysely<DB>,
  values: { phoneHash: string; ipHash: string; codeHash: string; day: string; now: Date; expiresAt: Date },
): Promise<number> {
  const row = await db
    .insertInto('sms_codes')
    .values({
      phone_hash: values.phoneHash,
      ip_hash: values.ipHash,
      code_hash: values.codeHash,
      day: values.day,
      attempts: 0,
      created_at: values.now.toISOString(),
      expires_at: values.expiresAt.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function deleteCode(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('sms_codes').where('id', '=', id).execute()
}

export async function recordWrongAttempt(db: Kysely<DB>, id: number): Promise<void> {
  await db.updateTable('sms_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute()
}

export async function markCodeUsed(db: Kysely<DB>, id: number, now: Date): Promise<void> {
  await db.updateTable('sms_codes').set({ used_at: now.toISOString() }).where('id', '=', id).execute()
}

/** Old rows serve no limit any more (the longest window is one day). */
export async function pruneCodes(db: Kysely<DB>, now: Date): Promise<void> {
  const before = new Date(now.getTime() - 3 * 24 * 60 * 60 * 1000).toISOString()
  await db.deleteFrom('sms_codes').where('created_at', '<', before).execute()
  await db.deleteFrom('dev_sms_outbox').where('sent_at', '<', before).execute()
  await db.deleteFrom('wechat_tickets').where('expires_at', '<', now.toISOString()).execute()
}

export async function deleteCodesForPhone(db: Kysely<DB>, phoneHash: string): Promise<void> {
  await db.deleteFrom('sms_codes').where('phone_hash', '=', phoneHash).execute()
  await db.deleteFrom('dev_sms_outbox').where('phone_hash', '=', phoneHash).execute()
}

export async function insertDevSms(db: Kysely<DB>, row: { phoneHash: string; code: string; at: Date }): Promise<void> {
  await db.insertInto('dev_sms_outbox').values({ phone_hash: row.phoneHash, code: row.code, sent_at: row.at.toISOString() }).execute()
}

export async function outboxFor(db: Kysely<DB>, phoneHash: string) {
  return db.selectFrom('dev_sms_outbox').select(['code', 'sent_at']).where('phone_hash', '=', phoneHash).orderBy('id', 'desc').limit(20).execute()
}
