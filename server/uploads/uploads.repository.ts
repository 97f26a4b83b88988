/** All SQL for uploaded photos. */
import type { Insertable, Kysely } from 'kysely'
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
