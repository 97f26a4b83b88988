/**
 * Stations, brands, jobs, courses and idempotency keys. The same code runs on SQLite and
 * PostgreSQL: only the id column differs (see ../dialect.ts). 'double precision' is a
 * REAL on SQLite and a float8 on PostgreSQL, so coordinates keep full precision on both.
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))
  const now = sql`CURRENT_TIMESTAMP`

  await db.schema
    .createTable('stations')
    .addColumn('id', 'integer', id)
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('contact_person', 'text', (c) => c.notNull())
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('member_count', 'integer')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('stations_type_idx').on('stations').column('type').execute()

  await db.schema
    .createTable('brands')
    .addColumn('id', 'integer', id)
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('trade', 'text', (c) => c.notNull())
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', id)
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('employer_name', 'text', (c) => c.notNull())
    .addColumn('employer_phone', 'text', (c) => c.notNull())
    .addColumn('employer_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verified_by_station_id', 'integer', (c) => c.references('stations.id'))
    .addColumn('verified_at', 'text')
    .addColumn('source_station_id', 'integer', (c) => c.notNull().references('stations.id'))
    .addColumn('trade', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('wage_min_yuan', 'integer', (c) => c.notNull())
    .addColumn('wage_max_yuan', 'integer', (c) => c.notNull())
    .addColumn('wage_unit', 'text', (c) => c.notNull())
    .addColumn('benefits', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('age_min', 'integer', (c) => c.notNull())
    .addColumn('age_max', 'integer', (c) => c.notNull())
    .addColumn('shifts', 'text', (c) => c.notNull())
    .addColumn('hours_per_day', 'double precision', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  // The list's default order and its keyset cursor; the wage sort; the common filters.
  await db.schema.createIndex('jobs_status_posted_idx').on('jobs').columns(['status', 'posted_at', 'id']).execute()
  await db.schema.createIndex('jobs_status_wage_idx').on('jobs').columns(['status', 'wage_max_yuan', 'id']).execute()
  await db.schema.createIndex('jobs_trade_idx').on('jobs').columns(['trade', 'status']).execute()
  await db.schema.createIndex('jobs_place_idx').on('jobs').columns(['province', 'city']).execute()
  await db.schema.createIndex('jobs_source_station_idx').on('jobs').column('source_station_id').execute()

  await db.schema
    .createTable('courses')
    .addColumn('id', 'integer', id)
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('trade', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('enroll_deadline', 'text', (c) => c.notNull())
    .addColumn('sessions', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('enrolled_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cost_yuan', 'integer', (c) => c.notNull())
    .addColumn('subsidy_yuan', 'integer', (c) => c.notNull())
    .addColumn('certificate', 'text', (c) => c.notNull())
    .addColumn('certificate_level', 'text', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('brand_id', 'integer', (c) => c.references('brands.id'))
    .addColumn('partner_employer', 'text')
    .addColumn('destination_city', 'text')
    .addColumn('expected_wage_yuan', 'integer')
    .addColumn('agreement_text', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('courses_start_idx').on('courses').columns(['start_date', 'id']).execute()
  await db.schema.createIndex('courses_trade_idx').on('courses').column('trade').execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('id', 'integer', id)
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('idempotency_keys_scope_key_uq', ['scope', 'key'])
    .execute()
  // Old keys get pruned by age.
  await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').column('created_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['idempotency_keys', 'courses', 'jobs', 'brands', 'stations']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
