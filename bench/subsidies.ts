// `npm run bench:subsidies`: the subsidy reads staff make at county scale. 20,000 claims of 交通补助 (a county of
// 300,000 working-age people has about that many 脱贫户 and 监测户 working away) over the 15 townships, then the median
// of 5 runs of: a township officer's review queue page, the county's 公示 list of one township (JSON), the payment
// sheet (.xlsx, every payable claim, accounts decrypted), and the totals. SQLite by default; PostgreSQL with DATABASE_URL.
import { chinaDate, townships } from '../types'
import { TEST_STAFF_PASSWORDS } from '../server/config'
import { bearer, staffSignIn } from '../server/test-support/accounts'
import { buildTestApp } from '../server/test-support/test-app'

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 20_000)
const RUNS = 5

async function main() {
  const t = await buildTestApp()
  const { app, db } = t
  try {
    const now = new Date()
    const at = now.toISOString()
    const scheme = (await db.selectFrom('subsidy_schemes').select(['id', 'year']).executeTakeFirstOrThrow())
    const admin = (await staffSignIn(app, 'admin', TEST_STAFF_PASSWORDS.admin)).token
    const staff = (await db.selectFrom('staff').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id
    const villages = await db.selectFrom('villages').select(['id', 'township']).orderBy('id').execute()
    const household = await db.insertInto('households').values({ township: villages[0].township, village_id: villages[0].id, created_at: at }).returning('id').executeTakeFirstOrThrow()
    const publicity = await db.insertInto('subsidy_publicities').values({ scheme_id: scheme.id, township: null, starts_on: '2000-01-01', ends_on: '2000-01-07', staff_id: staff, created_at: at }).returning('id').executeTakeFirstOrThrow()
    const started = performance.now()
    for (let i = 0; i < CLAIMS; i += 500) {
      const n = Math.min(500, CLAIMS - i)
      const people = await db
        .insertInto('people')
        .values(
          Array.from({ length: n }, (_, j) => {
            const v = villages[(i + j) % villages.length]
            return {
              township: v.township, village_id: v.id, group_name: null, name: `王小${i + j}`, id_number_enc: app.keys.encrypt(`62052419900101${String((i + j) % 10000).padStart(4, '0')}`),
              id_number_hash: null, phone_enc: null, phone_hash: null, sex: null, birth_year: null, household_id: household.id, relation: 'head', poverty: 'alleviated', work_ability: 'full',
              status: 'away_other_province', return_reason: null, destination_province: '江苏省', destination_city: '无锡市', employer: null, trade: null, income_band: null, how_went: null,
              organised_channel: null, station_id: null, batch_id: null, job_id: null, course_id: null, broker_name: null, status_since: null, status_last_year: null, user_id: null, version: 1,
              source: 'staff', created_at: at, updated_at: at, survey_round_id: null,
            }
          }),
        )
        .returning(['id', 'township', 'village_id'])
        .execute()
      const statuses = ['submitted', 'approved', 'publicised', 'paid', 'refused']
      await db
        .insertInto('subsidy_claims')
        .values(
          people.map((p, j) => {
            const status = statuses[(i + j) % statuses.length]
            return {
              scheme_id: scheme.id, year: scheme.year, person_id: p.id, user_id: null, township: p.township, village_id: p.village_id, amount_yuan: 600, band: 'other_province', mode: 'instant',
              status, reason: '您是脱贫户，坐县里的专车去了江苏省无锡市', evidence: '[]', refusal_reason: status === 'refused' ? '核实后未外出' : null, submitted_at: at, decided_at: null,
              decided_by_staff_id: null, publicity_id: status === 'publicised' || status === 'paid' ? publicity.id : null, paid_on: status === 'paid' ? chinaDate(now) : null, updated_at: at,
            }
          }),
        )
        .execute()
    }
    console.log(`${CLAIMS} claims written in ${Math.round(performance.now() - started)} ms (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`)
    const township = townships[1]
    const cases: [string, string][] = [
      ['review queue, one township, first page of 50', `/api/staff/subsidy-claims?scheme=${scheme.id}&township=${encodeURIComponent(township)}&status=submitted&limit=50`],
      ['公示 list of one township (JSON)', `/api/staff/subsidy-publicity?scheme=${scheme.id}&township=${encodeURIComponent(township)}`],
      ['payment sheet, whole county (.xlsx)', `/api/staff/subsidy-payments?scheme=${scheme.id}&format=xlsx`],
      ['totals by scheme, township and month', `/api/staff/figures/subsidies?year=${scheme.year}`],
    ]
    for (const [name, url] of cases) {
      const times: number[] = []
      let size = 0
      for (let r = 0; r < RUNS; r++) {
        const t0 = performance.now()
        const res = await app.inject({ url, headers: bearer(admin) })
        times.push(performance.now() - t0)
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`)
        size = res.rawPayload.length
      }
      times.sort((a, b) => a - b)
      console.log(`${name}: median ${Math.round(times[Math.floor(RUNS / 2)])} ms, ${Math.round(size / 1024)} KB`)
    }
  } finally {
    await t.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
