/**
 * A fresh, migrated, seeded database and app per call. SQLite in a new temp dir by default;
 * when DATABASE_URL is postgres://, a new schema with a random name (dropped in close()),
 * so the same tests run on both databases.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { buildApp, type BuildAppOptions } from '../app'
import { type Config, loadConfig } from '../config'
import { createDatabase, type Database } from '../db/database'
import { migrateToLatest } from '../db/migrate'
import type { DB } from '../db/schema'
import { seed } from '../seed'
import { seedStaff, staffSeedOptions } from '../staff/staff-seed'

/** A fixed key, so every app built on one test database (two instances) agrees. */
export const TEST_DATA_KEY = '0123456789abcdef'.repeat(4)

export const usesPostgres = () => /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')

export interface TestDatabase {
  config: Config
  database: Database
  /** Another connection (pool) to the same database: a second server process, as far as the app can tell. */
  connect(): Database
  /** Drops the schema or removes the temp dir. */
  close(): Promise<void>
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-test-'))
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL,
    WEB_ROOT: path.join(dataDir, 'no-web'),
    NODE_ENV: 'test',
    APP_DATA_KEY: TEST_DATA_KEY,
  })
  if (!config.databaseUrl) {
    const database = createDatabase(config)
    return {
      config,
      database,
      connect: () => createDatabase(config),
      close: async () => {
        await database.close()
        fs.rmSync(dataDir, { recursive: true, force: true })
      },
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
  const schema = 't_' + randomBytes(6).toString('hex')
  const admin = new pg.Client({ connectionString: config.databaseUrl })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const database = createDatabase(config, { schema })
  return {
    config,
    database,
    connect: () => createDatabase(config, { schema }),
    close: async () => {
      await database.close()
      const client = new pg.Client({ connectionString: config.databaseUrl! })
      await client.connect()
      await client.query(`drop schema if exists ${schema} cascade`)
      await client.end()
    },
  }
}

export interface TestApp {
  app: FastifyInstance
  db: Kysely<DB>
  config: Config
  /** Another app on its own connection to the same database (closed with this one). */
  /** Another server on the same database; `change` alters its config (a setting one process has and another not). */
  secondInstance(change?: (config: Config) => Config): Promise<FastifyInstance>
  close(): Promise<void>
}

export interface TestAppOptions extends Partial<Pick<BuildAppOptions, 'clock' | 'logger' | 'routes'>> {
  webRoot?: string
  seed?: boolean
  /** Changes to the test config (SMS provider, WeChat, limits). */
  config?: (config: Config) => Config
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await createTestDatabase()
  const { database } = testDb
  const base = { ...testDb.config, ...(options.webRoot ? { webRoot: options.webRoot } : {}) }
  const config = options.config ? options.config(base) : base
  try {
    await migrateToLatest(database.db)
    if (options.seed !== false) {
      await seed(database.db, options.clock)
      await seedStaff(database.db, staffSeedOptions(config), options.clock)
    }
    const app = await buildApp({ config, database, clock: options.clock, logger: options.logger ?? false, routes: options.routes })
    await app.ready()
    const others: { app: FastifyInstance; database: Database }[] = []
    return {
      app,
      db: database.db,
      config,
      secondInstance: async (change) => {
        const other = testDb.connect()
        const otherApp = await buildApp({ config: change ? change(config) : config, database: other, clock: options.clock, logger: false })
        await otherApp.ready()
        others.push({ app: otherApp, database: other })
        return otherApp
      },
      close: async () => {
        for (const o of others) {
          await o.app.close()
          await o.database.close()
        }
        await app.close()
        await testDb.close()
      },
    }
  } catch (error) {
    await testDb.close()
    throw error
  }
}
