/** Townships and villages: reference data for the roster, staff accounts and pickers. */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

export async function listVillages(db: Kysely<DB>, township?: string) {
  let q = db.selectFrom('villages').selectAll()
  if (township) q = q.where('township', '=', township)
  // National code order keeps the register's own order; villages admins added come after their township's.
  return q.orderBy('township').orderBy((eb) => eb.fn.coalesce('code', eb.val('~')), 'asc').orderBy('id').execute()
}

export async function findVillage(db: Kysely<DB>, id: number) {
  return db.selectFrom('villages').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findVillageByName(db: Kysely<DB>, township: string, name: string) {
  return db.selectFrom('villages').selectAll().where('township', '=', township).where('name', '=', name).executeTakeFirst()
}

export async function insertVillage(db: Kysely<DB>, v: { township: string; name: string; officialName: string; at: string }) {
  return db
    .insertInto('villages')
    .values({ township: v.township, code: null, name: v.name, official_name: v.officialName, created_at: v.at, updated_at: v.at })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function renameVillage(db: Kysely<DB>, id: number, v: { name: string; officialName: string; at: string }) {
  return db.updateTable('villages').set({ name: v.name, official_name: v.officialName, updated_at: v.at }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}
