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

/** People living in each village now: one grouped read over `people (village_id, …)`. */
export async function peoplePerVillage(db: Kysely<DB>) {
  return db.selectFrom('people').select(['village_id', (eb) => eb.fn.countAll().as('n')]).groupBy('village_id').execute()
}

/** Every village rename in the audit trail with who made it, oldest first (a village's latest wins). */
export async function villageRenames(db: Kysely<DB>) {
  return db
    .selectFrom('audit_log')
    .leftJoin('staff', (join) => join.onRef('staff.id', '=', 'audit_log.actor_id').on('audit_log.actor_kind', '=', 'staff'))
    .select(['audit_log.entity_id', 'audit_log.at', 'audit_log.before_json', 'staff.display_name'])
    .where('audit_log.entity', '=', 'village')
    .where('audit_log.action', '=', 'village.rename')
    .orderBy('audit_log.id')
    .execute()
}
