/** npm run server: migrate, seed a new database, serve until SIGINT/SIGTERM. */
import { buildApp } from './app'
import { loadConfig } from './config'
import { checkDatabaseReachable, createDatabase } from './db/database'
import { migrateToLatest } from './db/migrate'
import { drainAndClose } from './http/draining'
import { seed } from './seed'
import { printGeneratedPasswords, seedStaff, staffSeedOptions } from './staff/staff-seed'
import { seedPlaces } from './roster/places-seed'
import { countStations } from './stations/stations.repository'

async function main() {
  const config = loadConfig(process.env)
  const database = createDatabase(config)
  await checkDatabaseReachable(database, config)
  await migrateToLatest(database.db)
  // A brand-new database gets the samples so the portal is never empty on first start.
  if ((await countStations(database.db)) === 0) await seed(database.db)
  // Townships and villages are reference data, not samples: the missing ones are added on every start.
  await seedPlaces(database.db, new Date())
  // Missing staff accounts are created on every start; existing ones (and changed passwords) are left alone.
  const staff = await seedStaff(database.db, staffSeedOptions(config))
  printGeneratedPasswords(staff.generated)

  const app = await buildApp({ config, database })
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    try {
      await drainAndClose(app, () => database.close(), config.shutdown)
      process.exit(0)
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed')
      process.exit(1)
    }
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  await app.listen({ port: config.port, host: config.host })
  console.log(`务工通 running at http://localhost:${config.port} (${database.dialect === 'postgres' ? 'PostgreSQL' : `SQLite ${config.dataDir}/app.db`})`)
}

main().catch((error) => {
  console.error(`务工通 could not start: ${error instanceof Error ? error.message : String(error)}`)
  console.error(error)
  process.exit(1)
})
