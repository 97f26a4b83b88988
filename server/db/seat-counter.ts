/**
 * Exact seats on a row that counts them (a course's enrolled_count against capacity, a bus's seats_taken against
 * seats). Every change to one row's seats runs after `lock`, and `take` is one conditional UPDATE, so the count can
 * never pass capacity whatever else runs at the same time.
 */
import { type Kysely, type Selectable, sql } from 'kysely'
import { dialectOf } from './dialect'
import type { DB } from './schema'

type Counted = 'courses' | 'transport_batches' | 'day_jobs'

export interface SeatCounterSpec<T extends Counted> {
  table: T
  taken: keyof DB[T] & string
  capacity: keyof DB[T] & string
  /** Seats can be taken only while this column holds this value (a bus that is still open). */
  openWhile?: { column: keyof DB[T] & string; value: string }
}

export function seatCounter<T extends Counted>({ table, taken, capacity, openWhile }: SeatCounterSpec<T>) {
  // Table and columns are chosen at run time from the spec (checked against the schema above), which Kysely's
  // builder cannot type: the queries are written with its sql tag and identifier refs instead.
  const open = openWhile ? sql`and ${sql.ref(openWhile.column)} = ${openWhile.value}` : sql``
  return {
    /** The row, locked until the transaction ends. PostgreSQL: a row lock. SQLite: transactions begin immediate (one writer). */
    async lock(trx: Kysely<DB>, id: number): Promise<Selectable<DB[T]> | undefined> {
      const forUpdate = dialectOf(trx) === 'postgres' ? sql`for update` : sql``
      const { rows } = await sql<Selectable<DB[T]>>`select * from ${sql.table(table)} where id = ${id} ${forUpdate}`.execute(trx)
      return rows[0]
    },
    /** True when a seat was free and is now taken. */
    async take(trx: Kysely<DB>, id: number): Promise<boolean> {
      const result = await sql`update ${sql.table(table)} set ${sql.ref(taken)} = ${sql.ref(taken)} + 1
        where id = ${id} and ${sql.ref(taken)} < ${sql.ref(capacity)} ${open}`.execute(trx)
      return Number(result.numAffectedRows) === 1
    },
    async release(trx: Kysely<DB>, id: number): Promise<void> {
      await sql`update ${sql.table(table)} set ${sql.ref(taken)} = ${sql.ref(taken)} - 1 where id = ${id} and ${sql.ref(taken)} > 0`.execute(trx)
    },
  }
}
