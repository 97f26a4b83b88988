/** All SQL for stations (party branches, labour stations, recruitment points, the county centre). */
import type { Kysely } from 'kysely'
import type { DB, StationRow } from '../db/schema'

/**
 * Stations of a type (or all), by id. Callers sort in JS: a few dozen rows, and PostgreSQL would
 * order Chinese text by its locale where SQLite orders by code point.
 */
export async function findStations(db: Kysely<DB>, type: string | undefined): Promise<StationRow[]> {
  let query = db.selectFrom('stations').selectAll()
  if (type) query = query.where('type', '=', type)
  return query.orderBy('id').execute()
}

export async function findStationById(db: Kysely<DB>, id: number): Promise<StationRow | undefined> {
  return db.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function countStations(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('stations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Station names by id, for labelling rows that carry only the id. */
export async function findStationNames(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map()
  const rows = await db.selectFrom('stations').select(['id', 'name']).where('id', 'in', [...ids]).execute()
  return new Map(rows.map((s) => [s.id, s.name]))
}
