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

const unavailableNetworkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])
/** What pg and pg-pool say, without a code, when a connection dies, times out or was already broken. */
const unavailableMessages = /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error)/

/**
 * The database is away, busy or cannot write just now (not a bug in the request): a restart or failover,
 * a network cut, a full disk, a lock or a statement that timed out. Worth a 503 and a retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  if (typeof code === 'string') {
    // PostgreSQL: 08 connection exception, 53 insufficient resources (disk full, too many connections),
    // 57P01–03 shutdown / cannot connect now, 57014 statement timeout, 25006 read-only (a replica after failover).
    if (/^(08|53)/.test(code) || /^57P0[1-3]$/.test(code) || code === '57014' || code === '25006') return true
    if (unavailableNetworkCodes.has(code)) return true
    // SQLite: another process holds the write lock past busy_timeout, the disk is full or failing.
    if (/^SQLITE_(BUSY|FULL|IOERR|CANTOPEN)/.test(code)) return true
  }
  return typeof message === 'string' && unavailableMessages.test(message)
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
