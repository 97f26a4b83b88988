/**
 * The access log: each staff read of a worker's personal data (an unmasked phone, a ledger export).
 * Written with the read itself, so a read that answered is a read that was logged; admins list it.
 */
import type { Kysely } from 'kysely'
import type { AccessLogAction } from '../../types'
import type { DB } from '../db/schema'

export interface AccessEntry {
  staffId: number
  action: AccessLogAction
  userId: number | null
  /** A roster person whose record was read (they may have no app account). */
  personId?: number | null
  detail: string
  at: Date
}

export async function writeAccess(db: Kysely<DB>, entries: readonly AccessEntry[]): Promise<void> {
  if (!entries.length) return
  await db
    .insertInto('access_log')
    .values(entries.map((e) => ({ staff_id: e.staffId, at: e.at.toISOString(), action: e.action, user_id: e.userId, person_id: e.personId ?? null, detail: e.detail })))
    .execute()
}

export async function listAccess(db: Kysely<DB>, filter: { staffId?: number; userId?: number; beforeId?: number }, limit: number) {
  let query = db
    .selectFrom('access_log')
    .innerJoin('staff', 'staff.id', 'access_log.staff_id')
    .select(['access_log.id', 'access_log.at', 'access_log.action', 'access_log.user_id', 'access_log.detail', 'staff.id as staff_id', 'staff.username', 'staff.display_name'])
  if (filter.staffId !== undefined) query = query.where('access_log.staff_id', '=', filter.staffId)
  if (filter.userId !== undefined) query = query.where('access_log.user_id', '=', filter.userId)
  if (filter.beforeId !== undefined) query = query.where('access_log.id', '<', filter.beforeId)
  return query.orderBy('access_log.id', 'desc').limit(limit).execute()
}

/** Every read of one worker's data, oldest first, with who read it: for the worker's own export. */
export async function listAccessAbout(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('access_log')
    .innerJoin('staff', 'staff.id', 'access_log.staff_id')
    .select(['access_log.at', 'access_log.action', 'access_log.detail', 'staff.display_name'])
    .where('access_log.user_id', '=', userId)
    .orderBy('access_log.id')
    .execute()
}
