/** npm run seed: migrate and seed the configured database (DATABASE_URL or DATA_DIR/app.db). */
import { loadConfig } from '../config'
import { createDatabase } from '../db/database'
import { migrateToLatest } from '../db/migrate'
import { printGeneratedPasswords, seedStaff, staffSeedOptions } from '../staff/staff-seed'
import { countRows, seed } from './index'

async function main() {
  const config = loadConfig(process.env)
  const database = createDatabase(config)
  try {
    await migrateToLatest(database.db)
    const added = await seed(database.db)
    const staff = await seedStaff(database.db, staffSeedOptions(config))
    const total = await countRows(database.db)
    console.log(`seeded ${database.dialect}: added`, { ...added, staff: staff.added }, 'total', total)
    printGeneratedPasswords(staff.generated)
  } finally {
    await database.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
