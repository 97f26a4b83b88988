/** Every query on idempotency_keys: the claim, the stored answer, the replay lookup and the retention sweep. */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

export async function findIdempotencyKey(db: Kysely<DB>, scope: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response_body'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst()
}

/** Inserts the key with an empty answer; a duplicate fails here on the unique (scope, key). */
export async function claimIdempotencyKey(trx: Kysely<DB>, row: { scope: string; key: string; requestHash: string; createdAt: string }) {
  await trx
    .insertInto('idempotency_keys')
    .values({ scope: row.scope, key: row.key, request_hash: row.requestHash, status_code: 0, response_body: '', created_at: row.createdAt })
    .execute()
}

export async function storeIdempotentResponse(trx: Kysely<DB>, scope: string, key: string, status: number, body: string) {
  await trx.updateTable('idempotency_keys').set({ status_code: status, response_body: body }).where('scope', '=', scope).where('key', '=', key).execute()
}

/** Removes keys created before `cutoff`; returns how many went. */
export async function deleteIdempotencyKeysBefore(db: Kysely<DB>, cutoff: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst()
  return Number(result.numDeletedRows)
}
