// `npm run bench:roster`: the labour roster through the real server, 300,000 people (BENCH_PEOPLE) in households with
// two years of history, seeded straight through SQL into a temporary SQLite database, or, with DATABASE_URL, into a
// fresh PostgreSQL database that is dropped after. Signed in as a township officer and as the county admin, it
// measures a filtered list page, a person page, a county count, the month's figures, an "as of" list page, and a bare
// Fastify route in the same server as the reference, and prints p50/p95 beside the goals.
// Single requests: autocannon at 4 connections for BENCH_SECONDS (5) each, p50/p95 from every response's latency.
// The month's figures: GET /api/staff/figures/labour as of the last month's end (admin: the county; officer: the
// township) and as of today, with its very first request timed alone (after the keeper's first round, which counts
// the month-ends the reports read from the moment the server listens; its time is printed); and the same made of list totals (working away by township and by
// destination province, 45 with limit=1, 4 at a time, timed whole).
// The risk list (防返贫, GET /api/staff/risks): the county's (admin) and the township's (officer) first page, with
// contacts seeded beside the people: 1 in 40 脱贫户 / 监测户 reported unpaid wages or an injury, and a risk action
// recorded for 1 in 3 of those and for 1 in 5 of the people without work.
// Seeding, the server and the table: bench/support/roster-bench.mjs (shared with bench:survey and bench:import).
// Goals: lists and person page p95 ≤ 50 ms, figures ≤ 500 ms. Port 3800 unless BENCH_PORT. Exits 1 on a miss.
// BENCH_ROWS=risk (any part of a row's label, case ignored) measures only the rows it names: `BENCH_ROWS=risk` the
// risk list's two, `BENCH_ROWS=figures` the figures' rows.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pct } from './support/load.mjs'
import { loadNow, measureCase, printTable, withSeededRoster } from './support/roster-bench.mjs'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 300_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const FIGURE_RUNS = Number(process.env.BENCH_FIGURE_RUNS ?? 30)
const CONNECTIONS = 4
const PORT = Number(process.env.BENCH_PORT ?? 3800)
const ROWS = (process.env.BENCH_ROWS ?? '').toLowerCase()
const wanted = (label) => !ROWS || label.toLowerCase().includes(ROWS)
const LIST_GOAL_MS = 50
const FIGURES_GOAL_MS = 500
const TOWNSHIP = '洛门镇'

/** Contacts and risk actions beside the seeded people, so the risk list has reports and answered risks to weigh. */
async function seedRiskRecords({ sql, now }) {
  const at = new Date(now.getTime() - 20 * 86_400_000).toISOString()
  const day = at.slice(0, 10)
  await sql.run(
    `insert into person_contacts (person_id, staff_id, channel, outcome, note, contacted_on, created_at)
     select id, null, 'call', case when id % 80 = 0 then 'injured' else 'wages_unpaid' end, '', ?, ? from people
     where poverty in ('alleviated', 'monitored') and id % 40 = 0`,
    [day, at],
  )
  const later = new Date(now.getTime() - 10 * 86_400_000).toISOString()
  await sql.run(
    `insert into person_risk_actions (person_id, staff_id, action, note, created_at)
     select id, null, 'visited', '', ? from people
     where poverty in ('alleviated', 'monitored') and ((id % 120 = 0) or (status in ('returned', 'willing', 'unwilling', 'other') and id % 5 = 1))`,
    [later],
  )
  const [{ n: contacts }] = await sql.all(`select count(*) as n from person_contacts`)
  const [{ n: actions }] = await sql.all(`select count(*) as n from person_risk_actions`)
  return { contacts: Number(contacts), actions: Number(actions) }
}

// The figures' keeper runs as in production (off under NODE_ENV=test by default): from the moment the server listens
// it counts the month-ends the reports read. Its first round is waited for and timed from the start.
await withSeededRoster({ name: 'roster', people: PEOPLE, port: PORT, township: TOWNSHIP, env: { ROSTER_FIGURES_KEEP: '1' }, prepare: seedRiskRecords }, async (ctx) => {
  const { call, signIn, seeded, prepared, engine, now, dataDir, starting, listeningMs: listening } = ctx
  const kept = await (async () => {
    for (;;) {
      const line = readFileSync(join(dataDir, 'server.log'), 'utf8').split('\n').find((l) => /"msg":"(roster figures kept|keeping the roster figures failed)"/.test(l))
      if (line) return JSON.parse(line)
      if (performance.now() - starting > 600_000) throw new Error('the figures keeper did not finish its first round in 10 minutes')
      await new Promise((r) => setTimeout(r, 100))
    }
  })()
  if (kept.msg !== 'roster figures kept') throw new Error(`the figures keeper failed: ${JSON.stringify(kept)}`)
  const warmed = `server listening ${(listening / 1000).toFixed(1)} s after start; figures kept ${((performance.now() - starting) / 1000).toFixed(1)} s after start (first round: ${kept.counted} month-ends and the groups now counted in ${(kept.ms / 1000).toFixed(1)} s)`
  console.log(warmed)
  const officer = await signIn('bench-township')
  const admin = await signIn('admin')

  // The end of the last whole month (China time), and the same a year earlier: what the monthly report reads.
  const china = new Date(now.getTime() + 8 * 3_600_000)
  const monthEnd = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), 0)).toISOString().slice(0, 10)
  const yearEarlier = new Date(Date.UTC(china.getUTCFullYear() - 1, china.getUTCMonth(), 0)).toISOString().slice(0, 10)
  // A day no report reads (the middle of the last month): nothing is kept for it.
  const midMonth = `${monthEnd.slice(0, 8)}15`
  const q = (params) => '/api/staff/people?' + new URLSearchParams(params).toString()

  const listPath = q({ township: TOWNSHIP, status: 'away_other_province' })
  const asOfPath = q({ township: TOWNSHIP, status: 'away_other_province', asOf: yearEarlier })
  const countPath = q({ status: 'away_other_province', limit: '1' })
  const checks = await Promise.all([call(listPath, { headers: officer }), call(asOfPath, { headers: officer }), call(countPath, { headers: admin })])
  console.log(
    `${TOWNSHIP} 外出务工（省外）: ${checks[0].total.toLocaleString()} now, ${checks[1].total.toLocaleString()} as of ${yearEarlier}; county: ${checks[2].total.toLocaleString()}`,
  )
  if (checks.some((c) => c.total === 0 || c.items.length === 0)) throw new Error('a measured list is empty')
  const riskStarted = performance.now()
  const risks = await call('/api/staff/risks?limit=20', { headers: admin })
  const riskMs = performance.now() - riskStarted
  const townshipRisks = await call('/api/staff/risks?limit=20', { headers: officer })
  console.log(
    `risk list: ${risks.total.toLocaleString()} people county-wide (first request ${riskMs.toFixed(0)} ms), ${townshipRisks.total.toLocaleString()} in ${TOWNSHIP}; ` +
      `${prepared.contacts.toLocaleString()} contacts and ${prepared.actions.toLocaleString()} risk actions seeded`,
  )
  if (risks.total === 0 || risks.items.length === 0) throw new Error('the risk list is empty')

  // Person pages: a different person each request, from the officer's township.
  let next = 0
  const personRequest = (ids, headers) => ({
    headers,
    requests: [{ setupRequest: (req) => ({ ...req, path: `/api/staff/people/${ids[next++ % ids.length]}` }) }],
  })

  const allCases = [
    ['bare Fastify route', { path: '/bench/bare' }, null],
    ['list page: township + status (officer)', { path: listPath, headers: officer }, LIST_GOAL_MS],
    ['list page: township + status (admin)', { path: listPath, headers: admin }, LIST_GOAL_MS],
    ['person page (officer)', { path: '/', ...personRequest(seeded.townshipPeople, officer) }, LIST_GOAL_MS],
    ['person page (admin)', { path: '/', ...personRequest(seeded.allPeople, admin) }, LIST_GOAL_MS],
    ['county count by status (admin)', { path: countPath, headers: admin }, LIST_GOAL_MS],
    [`"as of" list page ${yearEarlier} (officer)`, { path: asOfPath, headers: officer }, LIST_GOAL_MS],
    [`figures/labour as of ${monthEnd} (admin)`, { path: `/api/staff/figures/labour?asOf=${monthEnd}`, headers: admin }, FIGURES_GOAL_MS],
    [`figures/labour as of ${monthEnd} (officer)`, { path: `/api/staff/figures/labour?asOf=${monthEnd}&township=${encodeURIComponent(TOWNSHIP)}`, headers: officer }, FIGURES_GOAL_MS],
    ['figures/labour today (admin)', { path: '/api/staff/figures/labour', headers: admin }, FIGURES_GOAL_MS],
    [`"as of" county count ${monthEnd} (admin)`, { path: q({ status: 'away_other_province', limit: '1', asOf: monthEnd }), headers: admin }, LIST_GOAL_MS],
    [`"as of" county count ${midMonth}, a day not kept`, { path: q({ status: 'away_other_province', limit: '1', asOf: midMonth }), headers: admin }, LIST_GOAL_MS],
    // The same once the figures have counted that month: what a figure's row opens.
    [`"as of" county count ${monthEnd}, month counted`, { path: q({ status: 'away_other_province', limit: '1', asOf: monthEnd }), headers: admin }, LIST_GOAL_MS, 'after'],
    // The risk list last, one at a time for at least 10 s: county-wide it takes seconds, and requests still queued in
    // the server when a run ends would hold up the rows after it.
    ...[
      ['risk list: the county, first page (admin)', admin],
      [`risk list: ${TOWNSHIP}, first page (officer)`, officer],
    ].map(([label, headers]) => [label, { path: '/api/staff/risks?limit=20', headers, connections: 1, duration: Math.max(SECONDS, 10) }, LIST_GOAL_MS, 'last']),
  ]
  const cases = allCases.filter(([label]) => wanted(label))
  const options = { connections: CONNECTIONS, seconds: SECONDS }
  // Warm-up: JIT and the database's page cache, not measured. The figures endpoint goes last: its first request is
  // timed alone (a row of its own); the keeper has counted the month-ends it reads, unless a report reads more.
  for (const c of cases) if (c[2] !== FIGURES_GOAL_MS && !c[3]) await measureCase(ctx, c, { ...options, seconds: 1 })
  const order = ([, , goal, when]) => (when === 'last' ? 3 : when === 'after' ? 2 : goal === FIGURES_GOAL_MS ? 1 : 0)
  cases.sort((a, b) => order(a) - order(b))

  let failed = false
  const rows = []
  let cold = false
  for (const c of cases) {
    const goal = c[2]
    if (goal === FIGURES_GOAL_MS && !cold) {
      cold = true
      const started = performance.now()
      await call(`/api/staff/figures/labour?asOf=${monthEnd}`, { headers: admin })
      const ms = performance.now() - started
      if (ms > FIGURES_GOAL_MS) failed = true
      rows.push([`figures/labour ${monthEnd}, first request (kept)`, '1', ms.toFixed(1), ms.toFixed(1), `≤ ${FIGURES_GOAL_MS}`, '0', ms > FIGURES_GOAL_MS ? 'MISS' : 'ok'])
    }
    const { row, miss } = await measureCase(ctx, c, options)
    rows.push(row)
    failed ||= miss
  }

  // The month's figures: working away as of the month's end, by township (admin) and by destination province.
  const totalsLabel = `list totals as of ${monthEnd}`
  if (!wanted(totalsLabel) && !wanted(`figures/labour`)) {
    console.log(`\n${warmed}`)
    console.log(`${PEOPLE.toLocaleString()} people, ${seeded.versions.toLocaleString()} versions, ${engine}; rows matching "${ROWS}"; load average ${loadNow()}`)
    printTable(rows)
    process.exitCode = failed ? 1 : 0
    return
  }
  const townships = [...new Set((await call('/api/staff/villages', { headers: admin })).items.map((v) => v.township))]
  const destinations = ['江苏省', '天津市', '浙江省', '广东省', '新疆维吾尔自治区', '山东省', '山西省', '内蒙古自治区', '北京市', '上海市', '陕西省', '四川省', '青海省', '甘肃省', '河南省']
  const figureCounts = [
    ...townships.flatMap((township) => ['away_other_province', 'away_in_province'].map((status) => q({ township, status, limit: '1', asOf: monthEnd }))),
    ...destinations.map((destinationProvince) => q({ destinationProvince, limit: '1', asOf: monthEnd })),
  ]
  const figures = async () => {
    const started = performance.now()
    const queue = [...figureCounts]
    let away = 0
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let path = queue.shift(); path; path = queue.shift()) {
          const body = await call(path, { headers: admin })
          if (!path.includes('destinationProvince')) away += body.total
        }
      }),
    )
    return { ms: performance.now() - started, away }
  }
  const first = await figures()
  const times = []
  // At most FIGURE_RUNS, and no more than a minute of them once 5 are in: a slow report should not hold the run up.
  const figuresStarted = performance.now()
  for (let i = 0; i < FIGURE_RUNS && (i < 5 || performance.now() - figuresStarted < 60_000); i++) times.push((await figures()).ms)
  times.sort((a, b) => a - b)
  const figuresP95 = pct(times, 95)
  if (figuresP95 > FIGURES_GOAL_MS) failed = true
  rows.push([
    `${figureCounts.length} list totals as of ${monthEnd}`,
    (1000 / (times.reduce((a, b) => a + b, 0) / times.length)).toFixed(1),
    pct(times, 50).toFixed(1),
    figuresP95.toFixed(1),
    `≤ ${FIGURES_GOAL_MS}`,
    '0',
    figuresP95 > FIGURES_GOAL_MS ? 'MISS' : 'ok',
  ])

  console.log(`\n${warmed}`)
  console.log(`${PEOPLE.toLocaleString()} people, ${seeded.versions.toLocaleString()} versions, ${engine}; ${CONNECTIONS} connections, ${SECONDS} s each (figures: ${times.length} runs); load average ${loadNow()}`)
  printTable(rows)
  console.log(`\n(working away county-wide at ${monthEnd}: ${first.away.toLocaleString()}; the figures row's req/s is reports per second.
 The last row is the month's figures made of ${figureCounts.length} list totals (limit=1, asOf) by township × away status and by
 destination province, 4 at a time, beside GET /api/staff/figures/labour.)`)
  process.exitCode = failed ? 1 : 0
})
