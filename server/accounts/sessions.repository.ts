/**
 * Sessions for workers and staff. Only the SHA-256 of a token is stored; nothing about a
 * session lives in memory, so every server process sharing the database accepts it.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { newToken, sha256 } from './crypto'

const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000
/** Sliding expiry writes at most this often per session. */
export const SESSION_TOUCH_MS = 60 * 60 * 1000

export type SessionOwner = { kind: 'worker'; userId: number } | { kind: 'staff'; staffId: number }

export async function createSession(db: Kysely<DB>, owner: SessionOwner, now: Date): Promise<string> {
  const token = newToken()
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      kind: owner.kind,
      user_id: owner.kind === 'worker' ? owner.userId : null,
      staff_id: owner.kind === 'staff' ? owner.staffId : null,
      created_at: now.toISOString(),
      last_used_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    })
    .execute()
  return token
}

/** The live session for a token, with what the caller needs; null when unknown or expired. */
export async function findLiveSession(db: Kysely<DB>, token: string, now: Date) {
  return db
    .selectFrom('sessions')
    .leftJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('staff', 'staff.id', 'sessions.staff_id')
    .select([
      'sessions.id',
      'sessions.kind',
      'sessions.user_id',
      'sessions.staff_id',
      'sessions.last_used_at',
      'users.deleted_at as user_deleted_at',
      'staff.role as staff_role',
      'staff.station_id as staff_station_id',
      'staff.township as staff_township',
      'staff.village_id as staff_village_id',
      'staff.must_change_password as staff_must_change_password',
    ])
    .where('sessions.token_hash', '=', sha256(token))
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst()
}

/** Slides the expiry forward; the where clause keeps it to one write per hour even when requests race. */
export async function touchSession(db: Kysely<DB>, id: number, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_used_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
    .where('id', '=', id)
    .where('last_used_at', '<=', new Date(now.getTime() - SESSION_TOUCH_MS).toISOString())
    .execute()
}

export async function deleteSession(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

export async function deleteUserSessions(db: Kysely<DB>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

export async function listUserSessions(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('sessions')
    .select(['created_at', 'last_used_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute()
}
