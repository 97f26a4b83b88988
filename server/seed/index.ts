/**
 * Sample data for a new database. Idempotent by seed_key: what exists is left alone, what is
 * missing is inserted (insert … on conflict do nothing), so running it twice, or two processes
 * at once, never duplicates. Dates are relative to the clock so samples are current.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { seedBrands } from '../brands/brands-seed'
import { seedJobCards, seedJobs, seedLocalKinds } from '../jobs/jobs-seed'
import { seedPolicies } from '../policies/policies-seed'
import { seedStations } from '../stations/stations-seed'
import { seedCourses } from '../training/training-seed'
import { seedTransport } from '../transport/transport-seed'
import { seedPlaces } from '../roster/places-seed'
import { seedSubsidies } from '../subsidies/subsidies-seed'

export interface SeedCounts {
  stations: number
  brands: number
  jobs: number
  courses: number
}

/** Inserts the missing sample records and the county's places; returns how many sample rows of each were added. */
export async function seed(db: Kysely<DB>, clock: () => Date = () => new Date()): Promise<SeedCounts> {
  const added = await seedSamples(db, clock)
  await db.transaction().execute(async (trx) => {
    await seedJobCards(trx)
    await seedLocalKinds(trx)
  })
  await seedPlaces(db, clock())
  await seedSubsidies(db, clock())
  return added
}

/** The sample records alone (their tables have stood since the first migrations, so a migration test can seed them). */
export async function seedSamples(db: Kysely<DB>, clock: () => Date = () => new Date()): Promise<SeedCounts> {
  const now = clock()
  return db.transaction().execute(async (trx) => {
    // In reference order: postings name stations, courses name brands.
    const added: SeedCounts = {
      stations: await seedStations(trx, now),
      brands: await seedBrands(trx, now),
      jobs: await seedJobs(trx, now),
      courses: await seedCourses(trx, now),
    }
    // Transport batches and policy articles: not in SeedCounts, which other suites compare whole.
    await seedTransport(trx, now)
    await seedPolicies(trx, now)
    return added
  })
}

export async function countRows(db: Kysely<DB>): Promise<SeedCounts> {
  const n = async (table: keyof SeedCounts) =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  return { stations: await n('stations'), brands: await n('brands'), jobs: await n('jobs'), courses: await n('courses') }
}
