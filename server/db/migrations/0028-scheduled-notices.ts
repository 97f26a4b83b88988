/**
 * Reminders and staff alerts made by the scheduler (the evening before a bus, the day before a course, the quarterly
 * roster check, an overdue case, a batch under half full, a person newly at risk). One row per reminder, keyed by
 * what it is, about whom and for which occasion (a day, a quarter): the row is inserted in the transaction that writes
 * the messages, so however many server processes sweep at once, only the one whose insert wins sends it.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scheduled_notices')
    .addColumn('kind', 'text', (c) => c.notNull())
    // A signup, an enrolment, a user, a case, a batch or a person, by kind.
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    // Which time it is for: a China date (2026-03-13), a quarter (2026-Q2), or a risk's start (no_work:2026-02-01).
    .addColumn('occasion', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scheduled_notices_pk', ['kind', 'subject_id', 'occasion'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scheduled_notices').ifExists().execute()
}
