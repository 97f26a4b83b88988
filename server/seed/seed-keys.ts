/** What every area's seeder shares: records point at each other by stable `key`, stored as `seed_key`. */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

export async function idsByKey(db: Kysely<DB>, table: 'stations' | 'brands'): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['id', 'seed_key']).where('seed_key', 'is not', null).execute()
  return new Map(rows.map((r) => [r.seed_key as string, r.id]))
}

export function resolveKey(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key)
  if (id === undefined) throw new Error(`seed: unknown ${what} key "${key}"`)
  return id
}

/** Rows an `insert … on conflict do nothing` added. */
export const insertedCount = (r: { numInsertedOrUpdatedRows?: bigint }[]) => r.reduce((n, x) => n + Number(x.numInsertedOrUpdatedRows ?? 0), 0)
