/**
 * Kysely's SqliteDialect opens transactions with a deferred `begin`, which takes the write
 * lock only at the first write; another process (the seed CLI next to a running server)
 * holding it then makes the upgrade fail with SQLITE_BUSY at once, busy_timeout or not.
 * `begin immediate` takes the write lock up front, where busy_timeout does wait.
 * Inside one process the driver's single connection and mutex already serialise transactions.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Kysely,
  SqliteAdapter,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely'

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'))
    } catch (error) {
      // SQLite has already rolled back after some failures (SQLITE_FULL, SQLITE_IOERR); the error to
      // report is that failure, which "cannot rollback" would otherwise replace.
      if (!/no transaction is active/.test((error as Error).message)) throw error
    }
  }
}

/**
 * better-sqlite3 compiles the SQL again on every prepare(), and Kysely prepares every query it runs:
 * measured, that was a tenth of the server's time on a job list. The app runs a bounded set of
 * statements, so each is compiled once and reused (SQLite recompiles a statement itself after a schema
 * change). Least recently used ones go past `limit`. Nothing here streams (iterate) a statement, which
 * is the one use that cannot share it.
 */
function reusingStatements(database: SqliteDatabase, limit = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>()
  return {
    prepare(sql: string) {
      let statement = cache.get(sql)
      if (statement) cache.delete(sql)
      else statement = database.prepare(sql)
      cache.set(sql, statement)
      if (cache.size > limit) cache.delete(cache.keys().next().value!)
      return statement
    },
    close() {
      cache.clear()
      return database.close()
    },
  }
}

export class ImmediateSqliteDialect implements Dialect {
  private readonly config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    this.config = typeof config.database === 'function' ? config : { ...config, database: reusingStatements(config.database) }
  }
  createDriver() {
    return new ImmediateSqliteDriver(this.config)
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler()
  }
  createAdapter() {
    return new SqliteAdapter()
  }
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db)
  }
}
