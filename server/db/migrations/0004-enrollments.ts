/**
 * Enrolments in courses (seat or waitlist, placement terms, completion, certificate), 点单 course
 * requests, and the staff audit log (reused by the staff workbench).
 * courses.enrolled_count (from 0001) counts the seats held: enrolled, completed and certified.
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))
  const now = sql`CURRENT_TIMESTAMP`

  await db.schema
    .createTable('enrollments')
    .addColumn('id', 'integer', id)
    .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // The placement terms as the worker agreed to them: the course text may change later.
    .addColumn('agreed_terms_at', 'text')
    .addColumn('agreement_text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('promoted_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('certificate_number', 'text')
    .addColumn('certificate_level', 'text')
    .addColumn('certificate_issued_on', 'text')
    .execute()
  // One live enrolment per worker and course; cancelled ones stay as history, so re-enrolling inserts anew.
  await db.schema
    .createIndex('enrollments_live_uq')
    .on('enrollments')
    .columns(['course_id', 'user_id'])
    .unique()
    .where(sql.ref('status'), '<>', 'cancelled')
    .execute()
  // The waitlist in arrival order (id) and the seat lists per course.
  await db.schema.createIndex('enrollments_course_status_idx').on('enrollments').columns(['course_id', 'status', 'id']).execute()
  await db.schema.createIndex('enrollments_user_idx').on('enrollments').columns(['user_id', 'id']).execute()

  await db.schema
    .createTable('course_requests')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('trade', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('course_requests_trade_idx').on('course_requests').columns(['trade', 'created_at']).execute()
  await db.schema.createIndex('course_requests_user_idx').on('course_requests').column('user_id').execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    /** 'staff' (a staff id), 'worker' (a user id) or 'system' (no id) */
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute()
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id', 'id']).execute()
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_kind', 'actor_id', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'course_requests', 'enrollments']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
