import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Config } from '../config'
import type { DialectName } from './dialect'
import type { DB } from './schema'
import { ImmediateSqliteDialect } from './sqlite-dialect'

export interface Database {
  db: Kysely<DB>
  dialect: DialectName
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** PostgreSQL only: the schema every connection uses (tests get a fresh one per file). */
  schema?: string
}

export function createDatabase(config: Pick<Config, 'dataDir' | 'databaseUrl'>, options: DatabaseOptions = {}): Database {
  if (config.databaseUrl) {
    if (options.schema && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`bad schema name ${options.schema}`)
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    })
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    return { db, dialect: 'postgres', close: () => db.destroy() }
  }

  fs.mkdirSync(config.dataDir, { recursive: true })
  const file = new SQLite(path.join(config.dataDir, 'app.db'))
  // WAL lets readers (a backup, the seed CLI) work while the server writes.
  file.pragma('journal_mode = WAL')
  file.pragma('foreign_keys = ON')
  file.pragma('busy_timeout = 5000')
  file.pragma('synchronous = NORMAL')
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: file }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}
