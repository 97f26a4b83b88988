/** All SQL for uploaded photos. */
import type { Insertable, Kysely } from 'kysely'
import { toCount } from '../db/dialect'
import type { DB, UploadTable } from '../db/schema'

export async function insertUpload(db: Kysely<DB>, row: Insertable<UploadTable>): Promise<void> {
  await db.insertInto('uploads').values(row).execute()
}

export async function findUpload(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('uploads')
    .leftJoin('rights_requests', 'rights_requests.id', 'uploads.request_id')
    .select(['uploads.id', 'uploads.owner_user_id', 'uploads.request_id', 'uploads.content_type', 'uploads.size_bytes', 'rights_requests.station_id'])
    .where('uploads.id', '=', id)
    .executeTakeFirst()
}

/** The caller's uploads among `ids` that are free to attach to `requestId` (not yet attached, or attached to it already). */
export async function findAttachable(db: Kysely<DB>, userId: number, ids: string[], requestId: number | null) {
  if (!ids.length) return []
  return db
    .selectFrom('uploads')
    .select(['id', 'content_type'])
    .where('id', 'in', ids)
    .where('owner_user_id', '=', userId)
    .where('worklog_payment_id', 'is', null)
    .where('subsidy_claim_id', 'is', null)
    .where((eb) => (requestId === null ? eb('request_id', 'is', null) : eb.or([eb('request_id', 'is', null), eb('request_id', '=', requestId)])))
    .execute()
}

export async function attachUploads(db: Kysely<DB>, ids: string[], requestId: number): Promise<void> {
  if (!ids.length) return
  await db.updateTable('uploads').set({ request_id: requestId }).where('id', 'in', ids).execute()
}

export async function listRequestUploads(db: Kysely<DB>, requestIds: number[]) {
  if (!requestIds.length) return []
  return db.selectFrom('uploads').select(['id', 'content_type', 'request_id']).where('request_id', 'in', requestIds).execute()
}

/**
 * On account deletion: photos of open cases stay (the station still needs the evidence) without an owner;
 * every other photo of the worker is deleted. Returns the deleted ids, whose files go after commit.
 */
export async function forgetOwner(db: Kysely<DB>, userId: number, openRequestIds: number[]): Promise<string[]> {
  const owned = await db.selectFrom('uploads').select(['id', 'request_id']).where('owner_user_id', '=', userId).execute()
  const keep = new Set(openRequestIds)
  const doomed = owned.filter((u) => u.request_id === null || !keep.has(u.request_id)).map((u) => u.id)
  if (doomed.length) await db.deleteFrom('uploads').where('id', 'in', doomed).execute()
  await db.updateTable('uploads').set({ owner_user_id: null }).where('owner_user_id', '=', userId).execute()
  return doomed
}

/** What one worker uploaded since `sinceIso`: how many photos and their bytes together. */
export async function uploadsSince(db: Kysely<DB>, userId: number, sinceIso: string): Promise<{ count: number; bytes: number }> {
  const row = await db
    .selectFrom('uploads')
    .select((eb) => [eb.fn.countAll<string | number>().as('count'), eb.fn.sum<string | number | null>('size_bytes').as('bytes')])
    .where('owner_user_id', '=', userId)
    .where('created_at', '>=', sinceIso)
    .executeTakeFirst()
  return { count: toCount(row?.count), bytes: toCount(row?.bytes) }
}

/** Photos never attached to a case, a 记工 payment or a subsidy claim and older than `beforeIso`: deleted, their ids returned for the files. */
export async function deleteUnusedBefore(db: Kysely<DB>, beforeIso: string): Promise<string[]> {
  const rows = await db
    .deleteFrom('uploads')
    .where('request_id', 'is', null)
    .where('worklog_payment_id', 'is', null)
    .where('subsidy_claim_id', 'is', null)
    .where('created_at', '<', beforeIso)
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

/** Which of these ids have a row. */
export async function existingUploadIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const rows = await db.selectFrom('uploads').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

/** A worker's photos not attached to any case, payment or subsidy claim, oldest first. */
export async function listUnusedUploadsOf(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('uploads')
    .select(['id', 'content_type', 'size_bytes', 'created_at'])
    .where('owner_user_id', '=', userId)
    .where('request_id', 'is', null)
    .where('worklog_payment_id', 'is', null)
    .where('subsidy_claim_id', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}
