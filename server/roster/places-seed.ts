/** Wushan's townships and villages: reference data every database needs, samples or not (run on every start). */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { wushanTownships } from './wushan-places'

/**
 * Inserts the townships and villages the generated list has and the database lacks (by code); a village an admin
 * renamed keeps its new name, and one an admin added under a name the list later brings is left as it is.
 */
export async function seedPlaces(db: Kysely<DB>, now: Date): Promise<number> {
  const at = now.toISOString()
  await db
    .insertInto('townships')
    .values(wushanTownships.map((t, i) => ({ code: t.code, name: t.name, official_name: t.officialName, sort_order: i + 1 })))
    .onConflict((oc) => oc.doNothing())
    .execute()
  const rows = wushanTownships.flatMap((t) => t.villages.map((v) => ({ township: t.name, code: v.code, name: v.name, official_name: v.officialName, created_at: at, updated_at: at })))
  let added = 0
  // SQLite allows at most 32766 bound values a statement: 357 rows × 6 fit, chunked all the same for a larger list.
  for (let i = 0; i < rows.length; i += 500) {
    const r = await db.insertInto('villages').values(rows.slice(i, i + 500)).onConflict((oc) => oc.doNothing()).executeTakeFirst()
    added += Number(r.numInsertedOrUpdatedRows ?? 0)
  }
  return added
}
