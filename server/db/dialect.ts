/**
 * The few places SQLite and PostgreSQL differ, kept together so migrations,
 * repositories and tests stay dialect-free.
 */
import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter, sql } from 'kysely'

export type DialectName = 'sqlite' | 'postgres'

export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres'
}

/** Integer primary key that the database numbers: autoincrement on SQLite, identity on PostgreSQL. */
export function idColumn(dialect: DialectName) {
  return (col: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity()
}

/** A unique-constraint violation, whichever driver raised it. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/** PostgreSQL returns count(*) as a bigint string; SQLite as a number. */
export function toCount(value: string | number | bigint | null | undefined): number {
  return Number(value ?? 0)
}

/**
 * Serialises transactions that share `key` (e.g. one phone number's rate limit) until commit.
 * PostgreSQL: a transaction-level advisory lock. SQLite: every transaction already begins
 * immediate, holding the one write lock, so nothing more is needed.
 */
export async function lockKey(trx: Kysely<any>, key: string): Promise<void> {
  if (dialectOf(trx) === 'sqlite') return
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx)
}
