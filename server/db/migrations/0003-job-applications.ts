/**
 * Applications, reports and the search index for job postings.
 *
 * - job_applications: one per worker per posting (unique), kept without identity when the account goes.
 * - job_reports: one per worker per posting; three open reports hide the posting (jobs.review_status).
 * - job_terms + job_search: every 2-character gram of a posting's title, employer, trade and description,
 *   and the same four fields as one normalised text. A search is then an indexed lookup instead of a
 *   LIKE '%…%' scan over every posting (see server/jobs/job-search.ts). Existing postings are indexed here.
 * - Indexes that let the filtered list walk postings already in "newest" order.
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf, idColumn } from '../dialect'
import { indexMissingJobs } from '../../jobs/job-search.repository'

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db)
  const id = idColumn(dialect)

  // ok: listed; pending: hidden until staff review it; cleared: staff found nothing wrong; removed: staff closed it.
  await db.schema.alterTable('jobs').addColumn('review_status', 'text', (c) => c.notNull().defaultTo('ok')).execute()

  await db.schema
    .createTable('job_applications')
    .addColumn('id', 'integer', id)
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id'))
    // Null once the worker deleted the account: the station's count stays, the person does not.
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('job_applications_job_user_uq', ['job_id', 'user_id'])
    .execute()
  await db.schema.createIndex('job_applications_user_idx').on('job_applications').columns(['user_id', 'id']).execute()

  await db.schema
    .createTable('job_reports')
    .addColumn('id', 'integer', id)
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set when staff have dealt with it; only unreviewed reports count towards hiding.
    .addColumn('reviewed_at', 'text')
    .addUniqueConstraint('job_reports_job_user_uq', ['job_id', 'user_id'])
    .execute()
  await db.schema.createIndex('job_reports_user_idx').on('job_reports').column('user_id').execute()

  // (term, job_id) is the whole row: on SQLite a WITHOUT ROWID table is that index and nothing else.
  await db.schema
    .createTable('job_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id'))
    .addPrimaryKeyConstraint('job_terms_pk', ['term', 'job_id'])
    .$call((b) => (dialect === 'sqlite' ? b.modifyEnd(sql`without rowid`) : b))
    .execute()
  await db.schema.createIndex('job_terms_job_idx').on('job_terms').column('job_id').execute()

  await db.schema
    .createTable('job_search')
    .addColumn('job_id', 'integer', (c) => c.primaryKey().references('jobs.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .execute()

  // Equality filters first, then the list order, so the first page stops after `limit` rows.
  await db.schema.createIndex('jobs_trade_posted_idx').on('jobs').columns(['trade', 'status', 'posted_at', 'id']).execute()
  await db.schema.createIndex('jobs_province_posted_idx').on('jobs').columns(['province', 'status', 'posted_at', 'id']).execute()
  await db.schema.createIndex('jobs_station_posted_idx').on('jobs').columns(['source_station_id', 'status', 'posted_at', 'id']).execute()

  await indexMissingJobs(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['jobs_trade_posted_idx', 'jobs_province_posted_idx', 'jobs_station_posted_idx']) {
    await db.schema.dropIndex(index).ifExists().execute()
  }
  for (const table of ['job_search', 'job_terms', 'job_reports', 'job_applications']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
  await db.schema.alterTable('jobs').dropColumn('review_status').execute()
}
