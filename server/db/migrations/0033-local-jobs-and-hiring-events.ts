/**
 * Work near home and livestream hiring: a posting's kind (家门口 kinds: 帮扶车间, 公益性岗位, 零工), 零工 days with their
 * sign-ups and attendance, the county's 直播带岗 events with their featured postings and reminders, the event an
 * application came from, and the 记工 day a county-confirmed attendance wrote.
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))

  // general | workshop (帮扶车间 / 乡村就业工厂) | public_welfare (公益性岗位) | day_work (零工)
  await db.schema.alterTable('jobs').addColumn('kind', 'text', (c) => c.notNull().defaultTo('general')).execute()
  await db.schema.createIndex('jobs_kind_idx').on('jobs').columns(['kind', 'status', 'expires_at']).execute()

  await db.schema
    .createTable('day_jobs')
    .addColumn('id', 'integer', id)
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id'))
    .addColumn('work_date', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('lat', 'real', (c) => c.notNull())
    .addColumn('lng', 'real', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    // Sign-ups holding a place: taken only by the seat counter's conditional update, never above headcount.
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wage_yuan', 'integer', (c) => c.notNull())
    // open | cancelled
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_by_staff_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('day_jobs_job_idx').on('day_jobs').columns(['job_id', 'work_date']).execute()
  await db.schema.createIndex('day_jobs_date_idx').on('day_jobs').columns(['work_date', 'status']).execute()

  await db.schema
    .createTable('day_job_signups')
    .addColumn('id', 'integer', id)
    .addColumn('day_job_id', 'integer', (c) => c.notNull().references('day_jobs.id'))
    // Null once the worker's account is deleted (the count stays the county's).
    .addColumn('user_id', 'integer')
    // null until confirmed; came | absent
    .addColumn('attendance', 'text')
    .addColumn('confirmed_at', 'text')
    // staff:<id> | contact (the employer's contact, through the signed link)
    .addColumn('confirmed_by', 'text')
    .addColumn('worklog_entry_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('day_job_signups_once_idx').on('day_job_signups').columns(['day_job_id', 'user_id']).unique().execute()
  await db.schema.createIndex('day_job_signups_user_idx').on('day_job_signups').columns(['user_id', 'id']).execute()

  await db.schema
    .createTable('hiring_events')
    .addColumn('id', 'integer', id)
    .addColumn('title', 'text', (c) => c.notNull())
    // The station that runs it (staff of other stations do not see its funnel); null: the county centre's.
    .addColumn('station_id', 'integer')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('live_url', 'text', (c) => c.notNull())
    .addColumn('replay_url', 'text')
    // Viewers as staff read them off the platform afterwards.
    .addColumn('viewers', 'integer')
    .addColumn('created_by_staff_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('hiring_events_starts_idx').on('hiring_events').columns(['starts_at']).execute()

  await db.schema
    .createTable('hiring_event_jobs')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('hiring_events.id'))
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('hiring_event_jobs_pk', ['event_id', 'job_id'])
    .execute()

  await db.schema
    .createTable('hiring_event_reminders')
    .addColumn('id', 'integer', id)
    .addColumn('event_id', 'integer', (c) => c.notNull().references('hiring_events.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('hiring_event_reminders_once_idx').on('hiring_event_reminders').columns(['event_id', 'user_id']).unique().execute()

  // The event a sign-up came through (直播带岗): its funnel counts these applications.
  await db.schema.alterTable('job_applications').addColumn('hiring_event_id', 'integer').execute()
  await db.schema.createIndex('job_applications_event_idx').on('job_applications').columns(['hiring_event_id']).execute()

  // A 零工 day the county confirmed: the sign-up it came from (the worker's own entries have none).
  await db.schema.alterTable('worklog_entries').addColumn('day_job_signup_id', 'integer').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('worklog_entries').dropColumn('day_job_signup_id').execute()
  await db.schema.dropIndex('job_applications_event_idx').ifExists().execute()
  await db.schema.alterTable('job_applications').dropColumn('hiring_event_id').execute()
  await db.schema.dropTable('hiring_event_reminders').ifExists().execute()
  await db.schema.dropTable('hiring_event_jobs').ifExists().execute()
  await db.schema.dropTable('hiring_events').ifExists().execute()
  await db.schema.dropTable('day_job_signups').ifExists().execute()
  await db.schema.dropTable('day_jobs').ifExists().execute()
  await db.schema.dropIndex('jobs_kind_idx').ifExists().execute()
  await db.schema.alterTable('jobs').dropColumn('kind').execute()
}
