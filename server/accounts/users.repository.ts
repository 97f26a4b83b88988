/** Workers (table users) and their consent history. Deleted accounts keep a tombstone row. */
import type { Kysely, Updateable } from 'kysely'
import type { DB, UserTable } from '../db/schema'
import { deleteUserSessions } from './sessions.repository'

export async function findUser(db: Kysely<DB>, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
}

/** The name alone (a worker's own 记工 record carries it), deleted accounts included (theirs is already erased). */
export async function findUserName(db: Kysely<DB>, id: number) {
  return db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst()
}

/** Name and encrypted phone, deleted accounts included (their fields are already erased). */
export async function findUserNameAndPhone(db: Kysely<DB>, id: number) {
  return db.selectFrom('users').select(['name', 'phone_enc']).where('id', '=', id).executeTakeFirst()
}

/** What a station sees of the workers who applied to its posting; deleted accounts are left out. */
export async function findApplicantProfiles(db: Kysely<DB>, ids: readonly number[]) {
  if (!ids.length) return []
  return db
    .selectFrom('users')
    .select(['id', 'name', 'phone_enc', 'hometown_township', 'trades'])
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .execute()
}

export async function findUserByWechat(db: Kysely<DB>, openidHash: string) {
  return db.selectFrom('users').selectAll().where('wechat_openid_hash', '=', openidHash).where('deleted_at', 'is', null).executeTakeFirst()
}

/** The account for a phone, created on first sign-in; concurrent first sign-ins end up on one row. */
export async function findOrCreateUserByPhone(db: Kysely<DB>, phoneHash: string, phoneEnc: string, now: Date): Promise<{ id: number; created: boolean }> {
  const existing = await db.selectFrom('users').select('id').where('phone_hash', '=', phoneHash).executeTakeFirst()
  if (existing) return { id: existing.id, created: false }
  await db
    .insertInto('users')
    .values({
      phone_hash: phoneHash,
      phone_enc: phoneEnc,
      trades: '[]',
      skills: '',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('phone_hash').doNothing())
    .execute()
  const row = await db.selectFrom('users').select('id').where('phone_hash', '=', phoneHash).executeTakeFirstOrThrow()
  return { id: row.id, created: true }
}

export async function updateUser(db: Kysely<DB>, id: number, set: Updateable<UserTable>): Promise<void> {
  await db.updateTable('users').set(set).where('id', '=', id).execute()
}

/** One WeChat identity belongs to one account: linking moves it from any other. */
export async function linkWechat(db: Kysely<DB>, userId: number, openidHash: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ wechat_openid_hash: null }).where('wechat_openid_hash', '=', openidHash).where('id', '<>', userId).execute()
  await db.updateTable('users').set({ wechat_openid_hash: openidHash, updated_at: now.toISOString() }).where('id', '=', userId).execute()
}

export async function insertConsent(db: Kysely<DB>, userId: number, c: { kind: string; version: string; granted: boolean }, now: Date): Promise<void> {
  await db
    .insertInto('consents')
    .values({ user_id: userId, kind: c.kind, version: c.version, granted: c.granted ? 1 : 0, at: now.toISOString() })
    .execute()
}

/** The whole history, oldest first. */
export async function listConsents(db: Kysely<DB>, userId: number) {
  return db.selectFrom('consents').select(['kind', 'version', 'granted', 'at']).where('user_id', '=', userId).orderBy('id').execute()
}

export async function latestConsent(db: Kysely<DB>, userId: number, kind: string) {
  return db
    .selectFrom('consents')
    .select(['granted', 'version'])
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/**
 * Deletes an account: every personal field erased, consents and sessions gone, the row kept
 * as a tombstone (deleted_at) so later records can point at it without identity.
 */
export async function eraseUser(db: Kysely<DB>, userId: number, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({
      phone_hash: null,
      phone_enc: null,
      wechat_openid_hash: null,
      name: null,
      hometown_township: null,
      hometown_village: null,
      id_number_enc: null,
      trades: '[]',
      skills: '',
      working_away: null,
      current_city: null,
      returned_home: null,
      willing_to_go_out: null,
      poverty_alleviated: null,
      worked_away_last_year: null,
      updated_at: now.toISOString(),
      deleted_at: now.toISOString(),
    })
    .where('id', '=', userId)
    .execute()
  await db.deleteFrom('consents').where('user_id', '=', userId).execute()
  await deleteUserSessions(db, userId)
  // Stored replies of my idempotent writes hold my (masked) profile.
  await db.deleteFrom('idempotency_keys').where('scope', 'like', `worker:${userId} %`).execute()
}
