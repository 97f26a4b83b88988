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
  type SqliteDialectConfig,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely'

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

export class ImmediateSqliteDialect implements Dialect {
  constructor(private readonly config: SqliteDialectConfig) {}
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
