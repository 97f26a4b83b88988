import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Config, DbTimeoutConfig } from '../config'
import type { DialectName } from './dialect'
import type { DB } from './schema'
import { ImmediateSqliteDialect } from './sqlite-dialect'

/** Where lost connections are reported: the app's logger once it exists, stderr before. */
export interface DatabaseLog {
  warn(details: object, message: string): void
}

export interface Database {
  db: Kysely<DB>
  dialect: DialectName
  /** Sends connection failures (PostgreSQL ending a connection) to this log. */
  logTo(log: DatabaseLog): void
  /** PostgreSQL: where a dedicated LISTEN connection goes, and the schema that scopes its channels (tests share one database). */
  listenTarget: { connectionString: string; scope: string | null } | null
  /** PostgreSQL: the pool's connections now (for /metrics); null on SQLite (one connection). */
  poolStats: (() => { total: number; idle: number; waiting: number; max: number }) | null
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** PostgreSQL only: the schema every connection uses (tests get a fresh one per file). */
  schema?: string
}

/** Connections per server process: several processes on one PostgreSQL stay well under its max_connections (100). */
const POOL_MAX = 10

const defaultDbTimeouts: DbTimeoutConfig = { connectMs: 5_000, statementMs: 30_000, idleInTransactionMs: 60_000 }

const stderrLog: DatabaseLog = {
  warn: (details, message) => console.error(JSON.stringify({ level: 40, msg: message, ...details })),
}

export function createDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl'> & Partial<Pick<Config, 'dbTimeouts'>>,
  options: DatabaseOptions = {},
): Database {
  let log = stderrLog
  const logTo = (next: DatabaseLog) => {
    log = next
  }
  if (config.databaseUrl) {
    if (options.schema && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`bad schema name ${options.schema}`)
    const timeouts = config.dbTimeouts ?? defaultDbTimeouts
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: POOL_MAX,
      // Named, so an operator (or a test) can find this server's connections in pg_stat_activity.
      application_name: options.schema ? `wugongtong ${options.schema}` : 'wugongtong',
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      // A database that stops answering mid-query (a network cut) fails the query here too.
      query_timeout: timeouts.statementMs + timeouts.connectMs,
      keepAlive: true,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    })
    // A connection the server ends (restart, failover, pg_terminate_backend) emits 'error': unheard, it ends
    // the process. Idle ones reach the pool's listener; one held by a request reaches its own. The pool
    // drops the broken connection and opens a new one for the next request. Only code and message are
    // logged: a connection error carries no personal data.
    const reported = new WeakSet<Error>()
    const report = (error: Error) => {
      if (reported.has(error)) return
      reported.add(error)
      log.warn({ code: (error as { code?: string }).code, error: error.message }, 'database connection lost')
    }
    pool.on('error', report)
    pool.on('connect', (client) => client.on('error', report))
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    return { db, dialect: 'postgres', logTo, listenTarget: { connectionString: config.databaseUrl, scope: options.schema ?? null }, poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: POOL_MAX }), close: () => db.destroy() }
  }

  fs.mkdirSync(config.dataDir, { recursive: true })
  const file = new SQLite(path.join(config.dataDir, 'app.db'))
  // WAL lets readers (a backup, the seed CLI) work while the server writes.
  file.pragma('journal_mode = WAL')
  file.pragma('foreign_keys = ON')
  file.pragma('busy_timeout = 5000')
  file.pragma('synchronous = NORMAL')
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: file }) })
  return { db, dialect: 'sqlite', logTo, listenTarget: null, poolStats: null, close: () => db.destroy() }
}

/**
 * Start-up's first query, with a clear reason when it fails: a database that accepts connections but never
 * answers would otherwise hang start-up without a word. The address is named; the password never is.
 */
export async function checkDatabaseReachable(database: Database, config: Pick<Config, 'databaseUrl'> & Partial<Pick<Config, 'dbTimeouts'>>): Promise<void> {
  try {
    await sql`select 1`.execute(database.db)
  } catch (error) {
    if (!config.databaseUrl) throw error
    const { host } = new URL(config.databaseUrl)
    const seconds = (config.dbTimeouts ?? defaultDbTimeouts).connectMs / 1000
    const reason = /timeout/i.test((error as Error).message)
      ? `did not answer within ${seconds} s (DB_CONNECT_TIMEOUT_MS)`
      : `could not be reached: ${(error as Error).message}`
    throw new Error(`the database at ${host} ${reason}`, { cause: error })
  }
}
