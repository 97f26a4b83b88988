// `npm run bench:survey`: 摸排 progress and a village's list through the real server, at 300,000 people (BENCH_PEOPLE)
// seeded as `bench:roster` seeds them (temporary SQLite, or with DATABASE_URL a fresh PostgreSQL database dropped
// after), with a round in which about 40% of people are checked (1 in 100 of those flagged as a conflict).
// Measured: GET /api/staff/survey-rounds/:id/progress for the county admin (the whole county) and a township officer
// (their township), and GET …/village for the officer's largest village; autocannon at 4 connections for
// BENCH_SECONDS (5) each (the last row, a village's list, also one at a time), p50/p95 from every response's latency.
// Goals: county progress p95 ≤ 500 ms, township progress ≤ 500 ms, a village's list ≤ 50 ms. Port 3801 unless BENCH_PORT.
// Exits 1 on a miss.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { tsImport } from 'tsx/esm/api'
import { createPostgresDatabase, dropPostgresDatabase } from './support/fresh-postgres.mjs'
import { pct, run, startBenchServer, stopBenchServer } from './support/load.mjs'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 300_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = 4
const PORT = Number(process.env.BENCH_PORT ?? 3801)
const PROGRESS_GOAL_MS = 500
const VILLAGE_GOAL_MS = 50
const TOWNSHIP = '洛门镇'
const pgBase = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : null

const { seedRosterDatabase } = await tsImport('./support/seed-roster.ts', import.meta.url)

/** The same SQL on both engines: `?` placeholders, numbered for PostgreSQL. */
async function openSql(dataDir, databaseUrl) {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    const number = (text) => {
      let n = 0
      return text.replace(/\?/g, () => `$${++n}`)
    }
    return {
      all: async (text, params = []) => (await client.query(number(text), params)).rows,
      run: async (text, params = []) => void (await client.query(number(text), params)),
      close: () => client.end(),
    }
  }
  const db = new SQLite(join(dataDir, 'app.db'))
  return {
    all: async (text, params = []) => db.prepare(text).all(...params),
    run: async (text, params = []) => void db.prepare(text).run(...params),
    close: async () => db.close(),
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'wgt-bench-survey-'))
const pgDatabase = pgBase ? `wgt_bench_survey_${randomBytes(4).toString('hex')}` : null
const password = `bench-${randomBytes(12).toString('hex')}`
const now = new Date()
let server
try {
  let databaseUrl = null
  if (pgBase) databaseUrl = await createPostgresDatabase(pgBase, pgDatabase)
  const engine = pgBase ? 'PostgreSQL' : 'SQLite'
  process.stdout.write(`seeding ${PEOPLE.toLocaleString()} people into ${engine}… `)
  const seeded = await seedRosterDatabase({ dataDir, databaseUrl, count: PEOPLE, now, password, township: TOWNSHIP })
  console.log(`${seeded.people.toLocaleString()} people, ${seeded.households.toLocaleString()} households in ${seeded.seconds.toFixed(1)} s`)

  // A round opened an hour ago; 2 in 5 people checked since, 1 in 100 of all people flagged as a conflict.
  const sqlDb = await openSql(dataDir, databaseUrl)
  const startedChecks = performance.now()
  const opened = new Date(now.getTime() - 3_600_000).toISOString()
  const [admin] = await sqlDb.all(`select id from staff where username = 'admin'`)
  await sqlDb.run(`insert into survey_rounds (name, due_date, opened_by_staff_id, opened_at) values (?, ?, ?, ?)`, ['2026年12月摸排', '2099-12-31', admin.id, opened])
  const [round] = await sqlDb.all(`select max(id) as id from survey_rounds`)
  await sqlDb.run(
    `insert into survey_checks (round_id, person_id, staff_id, unchanged, base_version, version, conflict, note, checked_at)
     select ?, id, ?, 1, version, version, case when id % 100 = 0 then 1 else 0 end, null, ? from people where id % 5 < 2`,
    [round.id, admin.id, now.toISOString()],
  )
  // What each check does to its person too: the mark the current round's progress reads (migration 0030).
  await sqlDb.run(`update people set survey_round_id = ?, survey_conflict = case when id % 100 = 0 then 1 else 0 end where id % 5 < 2`, [round.id])
  await sqlDb.run(databaseUrl ? 'vacuum analyze' : 'analyze')
  const [{ n: checkCount }] = await sqlDb.all(`select count(*) as n from survey_checks where round_id = ?`, [round.id])
  // The officer's largest village: the longest list a phone keeps.
  const [village] = await sqlDb.all(`select village_id as id, count(*) as n from people where township = ? group by village_id order by count(*) desc limit 1`, [TOWNSHIP])
  await sqlDb.close()
  console.log(`round ${round.id}: ${Number(checkCount).toLocaleString()} checks in ${((performance.now() - startedChecks) / 1000).toFixed(1)} s; largest ${TOWNSHIP} village ${village.id}: ${Number(village.n)} people`)

  process.env.RESPONSE_CACHE_MS = '0'
  server = await startBenchServer({ dataDir, port: PORT, databaseUrl: databaseUrl ?? '' })
  const base = `http://127.0.0.1:${PORT}`
  const call = async (path, init = {}) => {
    const res = await fetch(base + path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } })
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  const signIn = async (username) => {
    const { token } = await call('/api/staff/login', { method: 'POST', body: JSON.stringify({ username, password }) })
    return { authorization: `Bearer ${token}` }
  }
  const officer = await signIn('bench-township')
  const adminAuth = await signIn('admin')

  const progressPath = `/api/staff/survey-rounds/${round.id}/progress`
  const villagePath = `/api/staff/survey-rounds/${round.id}/village?villageId=${village.id}`
  const county = await call(progressPath, { headers: adminAuth })
  const township = await call(progressPath, { headers: officer })
  const list = await call(villagePath, { headers: officer })
  console.log(
    `county: ${county.checked.toLocaleString()} / ${county.total.toLocaleString()} checked, ${county.villages.length} villages; ` +
      `${TOWNSHIP}: ${township.checked.toLocaleString()} / ${township.total.toLocaleString()}; village list: ${list.total} people in ${list.households.length} households`,
  )
  if (county.total !== PEOPLE || county.checked === 0 || list.total === 0) throw new Error('the round is not as seeded')

  const cases = [
    ['bare Fastify route', { path: '/bench/bare' }, null],
    ['progress: the county (admin)', { path: progressPath, headers: adminAuth }, PROGRESS_GOAL_MS],
    [`progress: ${TOWNSHIP} (officer)`, { path: progressPath, headers: officer }, PROGRESS_GOAL_MS],
    [`village list: ${list.total} people (officer)`, { path: villagePath, headers: officer }, VILLAGE_GOAL_MS],
    // What one phone waits for: its village's list, read alone (the rows above are 4 at a time).
    [`village list, one at a time`, { path: villagePath, headers: officer, connections: 1 }, VILLAGE_GOAL_MS],
  ]
  const measure = (opts) => run(base, { connections: CONNECTIONS, duration: SECONDS, ...opts })
  // Warm-up: JIT and the database's page cache, not measured.
  for (const [, opts] of cases) await measure({ ...opts, duration: 1 })

  let failed = false
  const rows = []
  for (const [label, opts, goal] of cases) {
    const { result, latencies, statuses } = await measure(opts)
    latencies.sort((a, b) => a - b)
    // A request slower than autocannon's 10 s timeout leaves no latency: shown as a dash and a miss.
    const p95 = latencies.length ? pct(latencies, 95) : Infinity
    const miss = goal !== null && (p95 > goal || result.non2xx > 0 || result.errors > 0)
    if (miss) failed = true
    const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '—')
    rows.push([label, result.requests.average.toFixed(0), ms(latencies.length ? pct(latencies, 50) : Infinity), ms(p95), goal ? `≤ ${goal}` : '', String(result.non2xx + result.errors), miss ? 'MISS' : goal ? 'ok' : ''])
    if (result.non2xx > 0) {
      console.log(`  ${label} statuses: ${JSON.stringify(statuses)}`)
      const errors = readFileSync(join(dataDir, 'server.log'), 'utf8').split('\n').filter((l) => /"level":(40|50)/.test(l))
      console.log(errors.slice(0, 3).join('\n'))
    }
  }

  console.log(`\n${PEOPLE.toLocaleString()} people, ${Number(checkCount).toLocaleString()} checked, ${engine}; ${CONNECTIONS} connections (unless said), ${SECONDS} s each`)
  const header = ['request', 'req/s', 'p50 ms', 'p95 ms', 'goal', 'errors', '']
  const width = [40, 8, 8, 8, 7, 7, 5]
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(width[i]) : cell.padStart(width[i]))).join(' '))
  process.exitCode = failed ? 1 : 0
} finally {
  await stopBenchServer(server)
  if (pgDatabase) await dropPostgresDatabase(pgBase, pgDatabase)
  rmSync(dataDir, { recursive: true, force: true })
}
