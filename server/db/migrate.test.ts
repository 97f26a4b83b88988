import type { Kysely } from 'kysely'
import { createTestDatabase, type TestDatabase } from '../test-support/test-app'
import { migrateTo, migrateToLatest, migrationNames } from './migrate'
import { seedSamples } from '../seed'
import { awayStatuses } from '../../types'
import { computedRisks } from '../test-support/risk-oracle'
import { risksIn } from '../roster/follow-up.service'
import { seedPlaces } from '../roster/places-seed'

const answersMigration = '0011-unanswered-questions-and-place-search'
const answers = ['working_away', 'returned_home', 'willing_to_go_out', 'poverty_alleviated', 'worked_away_last_year'] as const

// Every migration runs, with the seed between two of them: longer than jest's default on a busy machine.
jest.setTimeout(60_000)

let t: TestDatabase
let db: Kysely<any>
beforeAll(async () => {
  t = await createTestDatabase()
  db = t.database.db
})
afterAll(() => t.close())

test('0011: rows never answered (every answer 否, as the old form saved a name alone) become unknown; answered rows keep their answers', async () => {
  const before = migrationNames[migrationNames.indexOf(answersMigration) - 1]
  await migrateTo(db, before)
  await seedSamples(db, () => new Date('2026-03-10T02:00:00.000Z'))
  const created = '2026-03-01T00:00:00.000Z'
  const saved = '2026-03-05T00:00:00.000Z'
  const no = Object.fromEntries(answers.map((c) => [c, 0]))
  const insert = async (name: string, values: Record<string, unknown>) =>
    (await db.insertInto('users').values({ name, created_at: created, updated_at: saved, ...no, ...values }).returning('id').executeTakeFirstOrThrow()).id as number
  const nameOnly = await insert('张三', {})
  const untouched = await insert('李四', { updated_at: created })
  const answered = await insert('王五', { working_away: 1, poverty_alleviated: 1 })
  const deleted = await insert('赵六', { name: null, willing_to_go_out: 1, deleted_at: saved })

  // The search index as it was: no province or city in it.
  const xinjiang = await db.selectFrom('jobs').select('id').where('province', '=', '新疆维吾尔自治区').execute()
  expect(xinjiang.length).toBeGreaterThan(0)
  await db.deleteFrom('job_terms').where('term', '=', '新疆').execute()

  await migrateToLatest(db)

  const row = (id: number) => db.selectFrom('users').select([...answers]).where('id', '=', id).executeTakeFirstOrThrow()
  const unknown = Object.fromEntries(answers.map((c) => [c, null]))
  expect(await row(nameOnly)).toEqual(unknown)
  expect(await row(untouched)).toEqual(unknown)
  expect(await row(deleted)).toEqual(unknown)
  expect(await row(answered)).toEqual({ ...no, working_away: 1, poverty_alleviated: 1 })
  // A new row starts unknown; 0 and 1 are still stored as given.
  const fresh = (await db.insertInto('users').values({ name: '钱七' }).returning('id').executeTakeFirstOrThrow()).id as number
  expect(await row(fresh)).toEqual(unknown)
  await db.updateTable('users').set({ returned_home: 0 }).where('id', '=', fresh).execute()
  expect((await row(fresh)).returned_home).toBe(0)

  // Every posting is indexed again, now with its province and city.
  const indexed = await db.selectFrom('job_terms').select('job_id').where('term', '=', '新疆').execute()
  expect(indexed.map((r) => r.job_id).sort()).toEqual(expect.arrayContaining(xinjiang.map((r) => r.id)))
})

test('0017: tracking numbers lose the WS- prefix, so every case reads out as digits', async () => {
  const fresh = await createTestDatabase()
  try {
    const fdb = fresh.database.db as Kysely<any>
    await migrateTo(fdb, migrationNames[migrationNames.indexOf('0017-case-queue') - 1])
    await seedSamples(fdb, () => new Date('2026-03-10T02:00:00.000Z'))
    const at = '2026-03-10T02:00:00.000Z'
    const row = (tracking_no: string) => ({
      tracking_no,
      category: 'other',
      description: '老板一直不给结工资，说再等等。',
      employer_name: '迁移测试公司',
      work_city: '无锡市',
      work_address: '新吴区',
      worked_from: '2026-01',
      workers_affected: 1,
      contact_time: 'any',
      status: 'submitted',
      submitted_at: at,
      updated_at: at,
    })
    await fdb.insertInto('rights_requests').values([row('WS-2026-000001'), row('WS-2026-000002')]).execute()
    await migrateToLatest(fdb)
    const nos = await fdb.selectFrom('rights_requests').select(['tracking_no', 'contact_phone_last4_hash']).orderBy('id').execute()
    expect(nos).toEqual([
      { tracking_no: '2026-000001', contact_phone_last4_hash: null },
      { tracking_no: '2026-000002', contact_phone_last4_hash: null },
    ])
  } finally {
    await fresh.close()
  }
})

test('0032: postings keep what they said and nothing more; employers are made from their names; hires are counted and a full posting is filled', async () => {
  const fresh = await createTestDatabase()
  try {
    const fdb = fresh.database.db as Kysely<any>
    await migrateTo(fdb, migrationNames[migrationNames.indexOf('0032-job-cards-employers') - 1])
    await seedSamples(fdb, () => new Date('2026-03-10T02:00:00.000Z'))
    const jobs = await fdb.selectFrom('jobs').select(['id', 'employer_name', 'benefits', 'employer_verified', 'verified_at', 'verified_by_station_id', 'headcount', 'status', 'posted_at']).orderBy('id').execute()
    // Two postings of one employer; one of them full after two hires of a headcount of 2.
    const [first, second] = jobs.filter((j) => j.status === 'open')
    await fdb.updateTable('jobs').set({ employer_name: first.employer_name, headcount: 2 }).where('id', '=', second.id).execute()
    const at = '2026-03-10T02:00:00.000Z'
    for (const phone of ['a', 'b', 'c']) {
      const user = (await fdb.insertInto('users').values({ name: `迁移${phone}`, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id
      await fdb
        .insertInto('job_applications')
        .values({ job_id: second.id, user_id: user, status: phone === 'c' ? 'submitted' : 'hired', created_at: at, updated_at: at })
        .execute()
    }
    await migrateToLatest(fdb)

    const after = await fdb
      .selectFrom('jobs')
      .selectAll()
      .orderBy('id')
      .execute()
    const employers = await fdb.selectFrom('employers').selectAll().orderBy('id').execute()
    const nameOf = (j: { id: number; employer_name: string }) => (j.id === second.id ? first.employer_name : j.employer_name)
    const names = new Set(jobs.map(nameOf))
    expect(employers.map((e) => e.name).sort()).toEqual([...names].sort())
    for (const job of after) {
      const employer = employers.find((e) => e.id === job.employer_id)
      expect(employer?.name).toBe(job.employer_name)
      const benefits = JSON.parse(job.benefits) as string[]
      // Only a stated benefit becomes an answer; every other answer is unknown.
      expect(job.meals).toBe(benefits.includes('包吃') ? 'provided' : null)
      expect(job.housing).toBe(benefits.includes('包住') ? 'dorm' : null)
      expect(job.social_insurance).toBe(benefits.includes('社保') ? 'paid' : null)
      expect([job.pay_schedule, job.pay_day, job.days_off, job.overtime_pay, job.probation_months]).toEqual([null, null, null, null, null])
    }
    expect(after.some((j) => j.meals === 'provided')).toBe(true)
    expect(after.find((j) => j.id === second.id)).toMatchObject({ hired_count: 2, status: 'filled' })
    expect(after.find((j) => j.id === first.id)).toMatchObject({ hired_count: 0, status: 'open' })
    // An employer is checked when one of its postings was, by the first check; since is its first posting.
    const verified = jobs.filter((j) => j.employer_verified === 1 && !jobs.some((o) => o.employer_verified === 1 && nameOf(o) === nameOf(j) && o.id !== j.id)).sort((a, b) => a.verified_at.localeCompare(b.verified_at) || a.id - b.id)[0]
    const itsEmployer = employers.find((e) => e.name === nameOf(verified))!
    expect(itsEmployer).toMatchObject({ verified_at: verified.verified_at, verified_by_station_id: verified.verified_by_station_id, credit_code: null, status: 'active' })
    const firstEmployer = employers.find((e) => e.name === first.employer_name)!
    expect(firstEmployer.since).toBe(jobs.filter((j) => nameOf(j) === first.employer_name).map((j) => j.posted_at).sort()[0])
    const unverifiedNames = [...names].filter((n) => !jobs.some((j) => j.employer_verified === 1 && nameOf(j) === n))
    expect(unverifiedNames.length).toBeGreaterThan(0)
    for (const n of unverifiedNames) expect(employers.find((e) => e.name === n)!.verified_at).toBeNull()
  } finally {
    await fresh.close()
  }
})

test('0035: the kept risk list is filled from the roster as it stands, equal to the list computed from nothing', async () => {
  const fresh = await createTestDatabase()
  try {
    const fdb = fresh.database.db as Kysely<any>
    await migrateTo(fdb, migrationNames[migrationNames.indexOf('0035-person-risks') - 1])
    await seedPlaces(fdb, new Date('2026-03-10T02:00:00.000Z'))
    const village = await fdb.selectFrom('villages').select(['id', 'township']).where('township', '=', '洛门镇').orderBy('id').executeTakeFirstOrThrow()
    const at = '2026-01-01T00:00:00.000Z'
    const household = (await fdb.insertInto('households').values({ township: village.township, village_id: village.id, created_at: at }).returning('id').executeTakeFirstOrThrow()).id
    const state = { township: village.township, village_id: village.id, household_id: household, relation: 'member', work_ability: 'full', version: 1, source: 'staff' }
    const person = async (name: string, over: Record<string, unknown>, createdAt = at) =>
      (await fdb.insertInto('people').values({ ...state, name, created_at: createdAt, updated_at: createdAt, ...over }).returning('id').executeTakeFirstOrThrow()).id as number
    const home = await person('迁移甲', { poverty: 'alleviated', status: 'returned', status_since: '2026-01-01' })
    const leftWork = await person('迁移乙', { poverty: 'monitored', status: 'willing' })
    // At work until 15 January, then without work: since then, with no date written.
    await fdb.insertInto('person_versions').values([
      { ...state, name: '迁移乙', poverty: 'monitored', status: 'local_work', person_id: leftWork, valid_from: at, valid_to: '2026-01-15T04:00:00.000Z', created_at: at, changes_json: '{}' },
      { ...state, name: '迁移乙', poverty: 'monitored', status: 'willing', version: 2, person_id: leftWork, valid_from: '2026-01-15T04:00:00.000Z', valid_to: '9999-12-31T23:59:59.999Z', created_at: at, changes_json: '{}' },
    ]).execute()
    const recent = await person('迁移丙', { poverty: 'monitored', status: 'willing' }, '2026-03-01T02:00:00.000Z')
    const general = await person('迁移丁', { poverty: 'general', status: 'returned', status_since: '2026-01-01' })
    const unpaid = await person('迁移戊', { poverty: 'alleviated', status: 'away_other_province', destination_province: '江苏省', destination_city: '苏州市' })
    const answered = await person('迁移己', { poverty: 'monitored', status: 'returned', status_since: '2026-01-01' })
    await fdb.insertInto('person_contacts').values({ person_id: unpaid, staff_id: null, channel: 'call', outcome: 'wages_unpaid', note: '', contacted_on: '2026-03-01', created_at: '2026-03-01T02:00:00.000Z' }).execute()
    await fdb.insertInto('person_risk_actions').values({ person_id: answered, staff_id: null, action: 'assistance', note: '', created_at: '2026-02-01T02:00:00.000Z' }).execute()

    await migrateToLatest(fdb)

    const kept = await fdb.selectFrom('person_risks').select(['person_id', 'jobless_since', 'report_outcome']).orderBy('person_id').execute()
    expect(kept).toEqual([
      { person_id: home, jobless_since: '2026-01-01', report_outcome: null },
      { person_id: leftWork, jobless_since: '2026-01-15', report_outcome: null },
      // Without work for nine days: kept, listed once thirty have passed.
      { person_id: recent, jobless_since: '2026-03-01', report_outcome: null },
      { person_id: unpaid, jobless_since: null, report_outcome: 'wages_unpaid' },
    ])
    expect(kept.map((r) => r.person_id)).not.toContain(general)
    expect(kept.map((r) => r.person_id)).not.toContain(answered)
    for (const now of [new Date('2026-03-10T02:00:00.000Z'), new Date('2026-04-05T02:00:00.000Z')]) {
      const listed = await risksIn(fdb, { awayStatuses }, now)
      expect(listed).toEqual(await computedRisks(fdb, {}, now))
      expect(listed.length).toBe(now.getUTCMonth() === 2 ? 3 : 4)
    }
  } finally {
    await fresh.close()
  }
})
