/**
 * Migrations are imported statically (not read from a folder) so they work the same under
 * tsx, jest and any bundle. Add each new file to the list, in order; never edit a shipped one.
 */
import { type Kysely, type Migration, Migrator } from 'kysely'
import * as m0001 from './migrations/0001-initial'

const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`, {
      cause: error,
    })
  }
}
