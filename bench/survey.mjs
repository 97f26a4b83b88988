// `npm run bench:survey`: 摸排 progress and a village's list through the real server, at 300,000 people (BENCH_PEOPLE)
// seeded as `bench:roster` seeds them (bench/support/roster-bench.mjs: temporary SQLite, or with DATABASE_URL a fresh
// PostgreSQL database dropped after), with a round in which about 40% of people are checked (1 in 100 of those
// flagged as a conflict).
// Measured: GET /api/staff/survey-rounds/:id/progress for the county admin (the whole county) and a township officer
// (their township), and GET …/village for the officer's largest village, read whole and read again with the ETag of
// the copy the phone keeps (If-None-Match: 304, nothing sent); autocannon at 4 connections for BENCH_SECONDS (5) each
// (the village list also one at a time), p50/p95 from every response's latency.
// Goals: county progress p95 ≤ 500 ms, township progress ≤ 500 ms, a village's list ≤ 50 ms. Port 3801 unless BENCH_PORT.
// Exits 1 on a miss.
import { loadNow, measureCase, printTable, withSeededRoster } from './support/roster-bench.mjs'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 300_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = 4
const PORT = Number(process.env.BENCH_PORT ?? 3801)
const PROGRESS_GOAL_MS = 500
const VILLAGE_GOAL_MS = 50
const TOWNSHIP = '洛门镇'

/** A round opened an hour ago; 2 in 5 people checked since, 1 in 100 of all people flagged as a conflict. */
async function openRound({ sql, now }) {
  const started = performance.now()
  const opened = new Date(now.getTime() - 3_600_000).toISOString()
  const [admin] = await sql.all(`select id from staff where username = 'admin'`)
  await sql.run(`insert into survey_rounds (name, due_date, opened_by_staff_id, opened_at) values (?, ?, ?, ?)`, ['2026年12月摸排', '2099-12-31', admin.id, opened])
  const [round] = await sql.all(`select max(id) as id from survey_rounds`)
  await sql.run(
    `insert into survey_checks (round_id, person_id, staff_id, unchanged, base_version, version, conflict, note, checked_at)
     select ?, id, ?, 1, version, version, case when id % 100 = 0 then 1 else 0 end, null, ? from people where id % 5 < 2`,
    [round.id, admin.id, now.toISOString()],
  )
  // What each check does to its person too: the mark the current round's progress reads (migration 0030).
  await sql.run(`update people set survey_round_id = ?, survey_conflict = case when id % 100 = 0 then 1 else 0 end where id % 5 < 2`, [round.id])
  const [{ n: checks }] = await sql.all(`select count(*) as n from survey_checks where round_id = ?`, [round.id])
  // The officer's largest village: the longest list a phone keeps.
  const [village] = await sql.all(`select village_id as id, count(*) as n from people where township = ? group by village_id order by count(*) desc limit 1`, [TOWNSHIP])
  console.log(`round ${round.id}: ${Number(checks).toLocaleString()} checks in ${((performance.now() - started) / 1000).toFixed(1)} s; largest ${TOWNSHIP} village ${village.id}: ${Number(village.n)} people`)
  return { roundId: round.id, villageId: village.id, checks: Number(checks) }
}

await withSeededRoster({ name: 'survey', people: PEOPLE, port: PORT, township: TOWNSHIP, prepare: openRound }, async (ctx) => {
  const { call, signIn, prepared, engine, base } = ctx
  const officer = await signIn('bench-township')
  const adminAuth = await signIn('admin')

  const progressPath = `/api/staff/survey-rounds/${prepared.roundId}/progress`
  const villagePath = `/api/staff/survey-rounds/${prepared.roundId}/village?villageId=${prepared.villageId}`
  const county = await call(progressPath, { headers: adminAuth })
  const township = await call(progressPath, { headers: officer })
  const first = await fetch(base + villagePath, { headers: officer })
  const list = await first.json()
  const etag = first.headers.get('etag')
  const bytes = JSON.stringify(list).length
  console.log(
    `county: ${county.checked.toLocaleString()} / ${county.total.toLocaleString()} checked, ${county.villages.length} villages; ` +
      `${TOWNSHIP}: ${township.checked.toLocaleString()} / ${township.total.toLocaleString()}; village list: ${list.total} people in ${list.households.length} households, ${(bytes / 1024).toFixed(0)} KB, ETag ${etag}`,
  )
  if (county.total !== PEOPLE || county.checked === 0 || list.total === 0 || !etag) throw new Error('the round is not as seeded')
  const again = await fetch(base + villagePath, { headers: { ...officer, 'if-none-match': etag } })
  if (again.status !== 304) throw new Error(`a repeat read with its ETag answered ${again.status}`)

  const repeat = { ...officer, 'if-none-match': etag }
  const cases = [
    ['bare Fastify route', { path: '/bench/bare' }, null],
    ['progress: the county (admin)', { path: progressPath, headers: adminAuth }, PROGRESS_GOAL_MS],
    [`progress: ${TOWNSHIP} (officer)`, { path: progressPath, headers: officer }, PROGRESS_GOAL_MS],
    [`village list: ${list.total} people (officer)`, { path: villagePath, headers: officer }, VILLAGE_GOAL_MS],
    // What one phone waits for: its village's list, read alone (the rows above are 4 at a time).
    [`village list, one at a time`, { path: villagePath, headers: officer, connections: 1 }, VILLAGE_GOAL_MS],
    // The phone's repeat read: its saved copy's ETag, nothing changed, 304 and no body.
    [`village list again, If-None-Match (304)`, { path: villagePath, headers: repeat, expect: [304] }, VILLAGE_GOAL_MS],
    [`village list again, 304, one at a time`, { path: villagePath, headers: repeat, expect: [304], connections: 1 }, VILLAGE_GOAL_MS],
  ]
  const options = { connections: CONNECTIONS, seconds: SECONDS }
  // Warm-up: JIT and the database's page cache, not measured.
  for (const c of cases) await measureCase(ctx, c, { ...options, seconds: 1 })

  let failed = false
  const rows = []
  for (const c of cases) {
    const { row, miss } = await measureCase(ctx, c, options)
    rows.push(row)
    failed ||= miss
  }
  console.log(`\n${PEOPLE.toLocaleString()} people, ${prepared.checks.toLocaleString()} checked, ${engine}; ${CONNECTIONS} connections (unless said), ${SECONDS} s each; load average ${loadNow()}`)
  printTable(rows, { width: 42 })
  process.exitCode = failed ? 1 : 0
})
