/**
 * Migrations are imported statically (not read from a folder) so they work the same under
 * tsx, jest and any bundle. Add each new file to the list, in order; never edit a shipped one.
 */
import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely'
import { dialectOf } from './dialect'
import * as m0001 from './migrations/0001-initial'
import * as m0002 from './migrations/0002-accounts'
import * as m0003 from './migrations/0003-job-applications'
import * as m0004 from './migrations/0004-enrollments'
import * as m0005 from './migrations/0005-rights-requests'
import * as m0006 from './migrations/0006-party-members'
import * as m0007 from './migrations/0007-staff-workbench'
import * as m0008 from './migrations/0008-transport-policies-brands'
import * as m0009 from './migrations/0009-transport-cancel-reason'
import * as m0010 from './migrations/0010-staff-passwords'
import * as m0011 from './migrations/0011-unanswered-questions-and-place-search'
import * as m0013 from './migrations/0013-health-checks'
import * as m0014 from './migrations/0014-labour-roster'
import * as m0016 from './migrations/0016-worklog'
import * as m0017 from './migrations/0017-case-queue'
import * as m0018 from './migrations/0018-roster-links-and-follow-up'
import * as m0019 from './migrations/0019-roster-figures'
import * as m0020 from './migrations/0020-roster-imports'
import * as m0021 from './migrations/0021-village-survey'
import * as m0023 from './migrations/0023-rights-callback'
import * as m0024 from './migrations/0024-notifications'
import * as m0026 from './migrations/0026-roster-figures-between'
import * as m0027 from './migrations/0027-wechat-subscriptions'
import * as m0028 from './migrations/0028-scheduled-notices'
import * as m0029 from './migrations/0029-worklog-evidence'
import * as m0030 from './migrations/0030-survey-progress'
import * as m0031 from './migrations/0031-subsidies'
import * as m0032 from './migrations/0032-job-cards-employers'
import * as m0033 from './migrations/0033-local-jobs-and-hiring-events'
import * as m0034 from './migrations/0034-worklog-sites'
import * as m0035 from './migrations/0035-person-risks'
import * as m0036 from './migrations/0036-job-expiry-and-site-lookups'
import * as m0037 from './migrations/0037-survey-check-stamp-index'
import * as m0038 from './migrations/0038-row-versions'
import * as m0039 from './migrations/0039-job-terms-in-posted-order'

const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-accounts': m0002,
  '0003-job-applications': m0003,
  '0004-enrollments': m0004,
  '0005-rights-requests': m0005,
  '0006-party-members': m0006,
  '0007-staff-workbench': m0007,
  '0008-transport-policies-brands': m0008,
  '0009-transport-cancel-reason': m0009,
  '0010-staff-passwords': m0010,
  '0011-unanswered-questions-and-place-search': m0011,
  '0013-health-checks': m0013,
  '0014-labour-roster': m0014,
  '0016-worklog': m0016,
  '0017-case-queue': m0017,
  '0018-roster-links-and-follow-up': m0018,
  '0019-roster-figures': m0019,
  '0020-roster-imports': m0020,
  '0021-village-survey': m0021,
  '0023-rights-callback': m0023,
  '0024-notifications': m0024,
  '0026-roster-figures-between': m0026,
  '0027-wechat-subscriptions': m0027,
  '0028-scheduled-notices': m0028,
  '0029-worklog-evidence': m0029,
  '0030-survey-progress': m0030,
  '0031-subsidies': m0031,
  '0032-job-cards-employers': m0032,
  '0033-local-jobs-and-hiring-events': m0033,
  '0034-worklog-sites': m0034,
  '0035-person-risks': m0035,
  '0036-job-expiry-and-site-lookups': m0036,
  '0037-survey-check-stamp-index': m0037,
  '0038-row-versions': m0038,
  '0039-job-terms-in-posted-order': m0039,
}

/** In the order they run. */
export const migrationNames = Object.keys(migrations).sort()

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  await migrate(db, (migrator) => migrator.migrateToLatest())
}

/** Up (or down) to the named migration: for a test that needs rows written before a later migration runs. */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  await migrate(db, (migrator) => migrator.migrateTo(name))
}

async function migrate(db: Kysely<any>, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<void> {
  // Kysely looks for its own tables in every schema it can see unless told which one; with
  // several schemas in one PostgreSQL database (tests) it would find another schema's.
  const migrationTableSchema =
    dialectOf(db) === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(migrationTableSchema ? { migrationTableSchema } : {}) })
  const { error, results } = await run(migrator)
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`, {
      cause: error,
    })
  }
}
