/**
 * 摸排: survey rounds opened by admins, and one check per person and round (the latest check wins the row; every
 * change it made is in person_versions, every check in the audit log).
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))

  await db.schema
    .createTable('survey_rounds')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    // China date
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('opened_by_staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('survey_checks')
    .addColumn('id', 'integer', id)
    .addColumn('round_id', 'integer', (c) => c.notNull().references('survey_rounds.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    // The version the checker saw, and the person's version after the check.
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // Someone else wrote the person between base_version and this check; kept until an officer checks them afresh.
    .addColumn('conflict', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('survey_checks_round_person_uq').on('survey_checks').columns(['round_id', 'person_id']).unique().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_checks').ifExists().execute()
  await db.schema.dropTable('survey_rounds').ifExists().execute()
}
