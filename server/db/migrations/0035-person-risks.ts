/**
 * The risk list (防返贫) kept per person: a row while a 脱贫户 or 监测户 has a risk no action answered, so the county's
 * page is an index range and not a walk of 25,000 candidates a request. Filled here from the roster as it stands, with
 * the list's definition as of this migration (the app's keepRisks moves it from then on, in each write's transaction).
 */
import type { Kysely } from 'kysely'

const WATCHED = ['alleviated', 'monitored']
const JOBLESS = ['returned', 'willing', 'unwilling', 'other']
const REPORTED = ['wages_unpaid', 'injured']
const WORKING = ['away_other_province', 'away_in_province', 'local_work']

const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)

async function fill(db: Kysely<any>, ids: number[]): Promise<void> {
  const people = await db
    .selectFrom('people')
    .select((eb) => [
      'id',
      'township',
      'village_id',
      'status',
      'status_since',
      'created_at',
      eb
        .case()
        .when('people.status_since', 'is', null)
        .then(eb.selectFrom('person_versions as v').select((v) => v.fn.max('v.valid_to').as('t')).whereRef('v.person_id', '=', 'people.id').where('v.status', 'in', WORKING))
        .end()
        .as('last_work_end'),
    ])
    .where('id', 'in', ids)
    .execute()
  const reports = new Map<number, { id: number; outcome: string; contacted_on: string; created_at: string }>()
  for (const c of await db.selectFrom('person_contacts').select(['id', 'person_id', 'outcome', 'contacted_on', 'created_at']).where('person_id', 'in', ids).where('outcome', 'in', REPORTED).orderBy('id').execute()) {
    reports.set(c.person_id, c)
  }
  const actions = new Map<number, string>()
  for (const a of await db.selectFrom('person_risk_actions').select(['person_id', 'created_at']).where('person_id', 'in', ids).orderBy('id').execute()) actions.set(a.person_id, a.created_at)
  const rows = []
  for (const p of people) {
    const action = actions.get(p.id)
    let since: string | null = null
    if (JOBLESS.includes(p.status)) {
      since = p.status_since ?? chinaDay(p.last_work_end ?? p.created_at)
      if (action !== undefined && !(new Date(`${since}T00:00:00+08:00`).toISOString() > action)) since = null
    }
    let report = reports.get(p.id) ?? null
    if (report && action !== undefined && !(report.created_at > action)) report = null
    if (since === null && report === null) continue
    rows.push({
      person_id: p.id,
      township: p.township,
      village_id: p.village_id,
      jobless_since: since,
      report_contact_id: report?.id ?? null,
      report_outcome: report?.outcome ?? null,
      report_on: report?.contacted_on ?? null,
    })
  }
  if (rows.length) await db.insertInto('person_risks').values(rows).execute()
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_risks')
    .addColumn('person_id', 'integer', (c) => c.primaryKey())
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('village_id', 'integer', (c) => c.notNull())
    .addColumn('jobless_since', 'text')
    .addColumn('report_contact_id', 'integer')
    .addColumn('report_outcome', 'text')
    .addColumn('report_on', 'text')
    .execute()
  // A township's or a village's page and total from the index alone; the county's walks the table in id order.
  await db.schema.createIndex('person_risks_township_idx').on('person_risks').columns(['township', 'person_id', 'jobless_since', 'report_contact_id']).execute()
  await db.schema.createIndex('person_risks_village_idx').on('person_risks').columns(['village_id', 'person_id', 'jobless_since', 'report_contact_id']).execute()

  const jobless = await db.selectFrom('people').select('id').where('poverty', 'in', WATCHED).where('status', 'in', JOBLESS).execute()
  const reported = await db
    .selectFrom('person_contacts as c')
    .innerJoin('people', 'people.id', 'c.person_id')
    .select('people.id')
    .distinct()
    .where('c.outcome', 'in', REPORTED)
    .where('people.poverty', 'in', WATCHED)
    .execute()
  const ids = [...new Set([...jobless, ...reported].map((r) => Number(r.id)))].sort((a, b) => a - b)
  for (let i = 0; i < ids.length; i += 500) await fill(db, ids.slice(i, i + 500))
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_risks').ifExists().execute()
}
