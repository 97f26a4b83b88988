/**
 * Two changes that each needed a migration:
 *
 * 1. The profile's yes/no questions (working_away, returned_home, willing_to_go_out, poverty_alleviated,
 *    worked_away_last_year) are unknown (null) until the worker answers: the columns become nullable with no
 *    default. PostgreSQL drops NOT NULL in place; SQLite cannot, so each column is copied into a nullable
 *    twin which then takes the old name (same column names either way).
 *
 *    Which existing rows were never answered: the old form showed every question already set to 否 and sent
 *    all five on every save, so a row whose five answers are all 否 is indistinguishable from one nobody
 *    answered (a name saved alone wrote exactly that). Those rows become null for all five. A row with any 是
 *    was answered on purpose and keeps its answers. Deleted accounts (tombstones) are erased, so null too.
 *
 * 2. Job search also finds a posting by its province and city (server/jobs/job-search.ts): every posting's
 *    search index is written again from its current fields.
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf } from '../dialect'
import { indexMissingJobs } from '../../jobs/job-search.repository'

const answers = ['working_away', 'returned_home', 'willing_to_go_out', 'poverty_alleviated', 'worked_away_last_year'] as const

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const column of answers) {
      await db.schema.alterTable('users').alterColumn(column, (c) => c.dropNotNull()).execute()
      await db.schema.alterTable('users').alterColumn(column, (c) => c.dropDefault()).execute()
    }
  } else {
    for (const column of answers) {
      const twin = `${column}_answer`
      await db.schema.alterTable('users').addColumn(twin, 'integer').execute()
      await sql`update users set ${sql.ref(twin)} = ${sql.ref(column)}`.execute(db)
      await db.schema.alterTable('users').dropColumn(column).execute()
      await db.schema.alterTable('users').renameColumn(twin, column).execute()
    }
  }
  const unanswered = Object.fromEntries(answers.map((c) => [c, null]))
  await db
    .updateTable('users')
    .set(unanswered)
    .where((eb) => eb.or([eb.and(answers.map((c) => eb(c, '=', 0))), eb('deleted_at', 'is not', null)]))
    .execute()

  await db.deleteFrom('job_terms').execute()
  await db.deleteFrom('job_search').execute()
  await indexMissingJobs(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  // Back to 否 for every unanswered question: the old schema has no way to say "not answered".
  for (const column of answers) await db.updateTable('users').set({ [column]: 0 }).where(column, 'is', null).execute()
  if (dialectOf(db) === 'postgres') {
    for (const column of answers) {
      await db.schema.alterTable('users').alterColumn(column, (c) => c.setDefault(0)).execute()
      await db.schema.alterTable('users').alterColumn(column, (c) => c.setNotNull()).execute()
    }
  } else {
    for (const column of answers) {
      const twin = `${column}_flag`
      await db.schema.alterTable('users').addColumn(twin, 'integer', (c) => c.notNull().defaultTo(0)).execute()
      await sql`update users set ${sql.ref(twin)} = ${sql.ref(column)}`.execute(db)
      await db.schema.alterTable('users').dropColumn(column).execute()
      await db.schema.alterTable('users').renameColumn(twin, column).execute()
    }
  }
  await db.deleteFrom('job_terms').execute()
  await db.deleteFrom('job_search').execute()
  await indexMissingJobs(db)
}
