/** What an organised move reads of the record that made it: the batch and its riders, the posting, the course. */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

export async function batchForMove(db: Kysely<DB>, id: number) {
  return db.selectFrom('transport_batches').select(['id', 'destination_province', 'destination_city', 'employer', 'station_id']).where('id', '=', id).executeTakeFirst()
}

/** The accounts on a batch's seats (a deleted account's seat has none). */
export async function riderUserIds(db: Kysely<DB>, batchId: number): Promise<number[]> {
  const rows = await db.selectFrom('transport_signups').select('user_id').where('batch_id', '=', batchId).where('status', '=', 'active').where('user_id', 'is not', null).execute()
  return rows.map((r) => r.user_id as number)
}

export async function jobForMove(db: Kysely<DB>, id: number) {
  return db.selectFrom('jobs').select(['id', 'province', 'city', 'employer_name', 'source_station_id']).where('id', '=', id).executeTakeFirst()
}

export async function courseForMove(db: Kysely<DB>, id: number) {
  return db.selectFrom('courses').select(['id', 'partner_employer', 'destination_city']).where('id', '=', id).executeTakeFirst()
}
