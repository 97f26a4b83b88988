/**
 * Postings answer a worker's real questions in fields (pay schedule, days off, meals, housing, social insurance,
 * overtime, probation), count their hires so they close when filled, and name their employer (用工单位) as a record
 * of its own. Postings from before: unknown stays null (shown 未说明); only what a posting already stated as a
 * benefit tag is carried over (包吃 → meals provided, 包住 → a dorm, 社保 → insurance paid).
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))

  await db.schema
    .createTable('employers')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    // 统一社会信用代码 (GB 32100), checked by its check character; null until staff record it.
    .addColumn('credit_code', 'text', (c) => c.unique())
    // active | suspended (its postings closed)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    // When the county first worked with it: its first posting.
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('verified_by_station_id', 'integer', (c) => c.references('stations.id'))
    .addColumn('verified_by_staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('suspended_at', 'text')
    .addColumn('suspended_by_staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('suspended_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  for (const [name, type] of [
    ['employer_id', 'integer'],
    ['pay_schedule', 'text'],
    ['pay_day', 'integer'],
    ['days_off', 'text'],
    ['meals', 'text'],
    ['housing', 'text'],
    ['social_insurance', 'text'],
    ['overtime_pay', 'text'],
    ['probation_months', 'integer'],
  ] as const) {
    // Plain columns, as 0007 added its own: SQLite cannot drop a column that carries a reference.
    await db.schema.alterTable('jobs').addColumn(name, type).execute()
  }
  await db.schema.alterTable('jobs').addColumn('hired_count', 'integer', (c) => c.notNull().defaultTo(0)).execute()

  // One employer per distinct name, verified when any of its postings was (by the first such check).
  await sql`insert into employers (name, since, created_at)
    select employer_name, min(posted_at), min(created_at) from jobs group by employer_name`.execute(db)
  await sql`update employers set
      verified_at = (select j.verified_at from jobs j where j.employer_name = employers.name and j.employer_verified = 1 order by j.verified_at, j.id limit 1),
      verified_by_station_id = (select j.verified_by_station_id from jobs j where j.employer_name = employers.name and j.employer_verified = 1 order by j.verified_at, j.id limit 1),
      verified_by_staff_id = (select j.verified_by_staff_id from jobs j where j.employer_name = employers.name and j.employer_verified = 1 order by j.verified_at, j.id limit 1)
    where exists (select 1 from jobs j where j.employer_name = employers.name and j.employer_verified = 1)`.execute(db)
  await sql`update jobs set employer_id = (select e.id from employers e where e.name = jobs.employer_name)`.execute(db)

  await sql`update jobs set hired_count = (select count(*) from job_applications a where a.job_id = jobs.id and a.status = 'hired')`.execute(db)
  // Filled before the rule existed: closed as filled now, as a new hire would have done.
  await sql`update jobs set status = 'filled' where status = 'open' and hired_count > 0 and hired_count >= headcount`.execute(db)

  await sql`update jobs set meals = 'provided' where benefits like '%"包吃"%'`.execute(db)
  await sql`update jobs set housing = 'dorm' where benefits like '%"包住"%'`.execute(db)
  await sql`update jobs set social_insurance = 'paid' where benefits like '%"社保"%'`.execute(db)

  // payType= is the card filter that narrows most (日结 and 计件 are a few percent of postings): walked in list
  // order from its own value, a rare mix (计件 + 夫妻房 + 58 岁) reads a few hundred rows, not the whole list.
  await db.schema.createIndex('jobs_wage_unit_posted_idx').on('jobs').columns(['wage_unit', 'status', 'posted_at', 'id']).execute()
  await db.schema.createIndex('jobs_employer_idx').on('jobs').columns(['employer_id', 'status']).execute()
  // The trust line counts 欠薪 cases naming the employer.
  await db.schema.createIndex('rights_requests_employer_idx').on('rights_requests').columns(['employer_name', 'category']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('rights_requests_employer_idx').ifExists().execute()
  await db.schema.dropIndex('jobs_employer_idx').ifExists().execute()
  await db.schema.dropIndex('jobs_wage_unit_posted_idx').ifExists().execute()
  for (const name of ['hired_count', 'probation_months', 'overtime_pay', 'social_insurance', 'housing', 'meals', 'days_off', 'pay_day', 'pay_schedule', 'employer_id']) {
    await db.schema.alterTable('jobs').dropColumn(name).execute()
  }
  await db.schema.dropTable('employers').execute()
}
