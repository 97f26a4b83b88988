/** All SQL for 劳务品牌. Every function takes the database or a transaction first. */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

export async function findBrands(db: Kysely<DB>) {
  return db.selectFrom('brands').select(['id', 'name', 'level', 'trade', 'story']).orderBy('id').execute()
}
