// `npm run bench:api`: the real server on a temporary database with 100,000 postings, 20,000 workers and
// 200 organisations, driven by autocannon on loopback at 20 and 100 connections: the reads a worker makes most,
// a signed-in read and a keyed write, beside a bare Fastify route in the same process as the anchor.
// Goals (SQLite): every read p95 ≤ 20 ms at 20 connections; no errors at 100; the job list ≥ 40 % of the bare
// route's throughput. With DATABASE_URL the same data is copied into a fresh PostgreSQL database and measured there.
// Port 3700 unless BENCH_PORT. Exits 1 when a goal is missed.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tsImport } from 'tsx/esm/api'
import { pct, run, startBenchServer, stopBenchServer } from './support/load.mjs'

const POSTINGS = Number(process.env.BENCH_JOBS ?? 100_000)
const WORKERS = Number(process.env.BENCH_WORKERS ?? 20_000)
const ORGANISATIONS = 200
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const PORT = Number(process.env.BENCH_PORT ?? 3700)
const CONNECTIONS = [20, 100]
const TARGET_P95_MS = 20
const TARGET_LIST_RATIO = 0.4
const pgBase = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : null

const { seedBenchDatabase } = await tsImport('./support/seed-jobs.ts', import.meta.url)
const { seedWorkersAndOrganisations, copyToPostgres, dropPostgresDatabase } = await tsImport('./support/seed-api.ts', import.meta.url)

const dataDir = mkdtempSync(join(tmpdir(), 'wgt-bench-api-'))
const pgDatabase = pgBase ? `wgt_bench_${randomBytes(4).toString('hex')}` : null
const now = new Date()
let server
try {
  process.stdout.write(`seeding ${POSTINGS.toLocaleString()} postings… `)
  const jobs = await seedBenchDatabase(dataDir, POSTINGS, now)
  const extra = await seedWorkersAndOrganisations(dataDir, WORKERS, ORGANISATIONS, now)
  console.log(
    `${extra.jobs.toLocaleString()} postings, ${extra.users.toLocaleString()} workers, ${extra.organisations} organisations in ${(jobs.seconds + extra.seconds).toFixed(1)} s`,
  )
  let databaseUrl = ''
  if (pgBase) {
    process.stdout.write('copying into PostgreSQL… ')
    const copied = await copyToPostgres(dataDir, pgBase, pgDatabase)
    databaseUrl = copied.url
    console.log(`${copied.rows.toLocaleString()} rows in ${copied.seconds.toFixed(1)} s`)
  }

  server = await startBenchServer({ dataDir, port: PORT, databaseUrl })
  const base = `http://127.0.0.1:${PORT}`
  const call = async (path, init = {}) => {
    const res = await fetch(base + path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } })
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  // A worker signs in the way the app does.
  const phone = '13912345678'
  await call('/api/auth/sms-code', { method: 'POST', body: JSON.stringify({ phone }) })
  const { items } = await call(`/api/dev/sms-outbox?phone=${phone}`)
  const { token } = await call('/api/auth/login', { method: 'POST', body: JSON.stringify({ phone, code: items[0].code }) })
  const auth = { authorization: `Bearer ${token}` }
  const detailId = (await call('/api/jobs?sort=wage&limit=1')).items[0].id
  const rightsBody = JSON.stringify({
    category: 'unpaid_wages',
    description: '老板拖欠我们三个月的工资，一直说下个月给，到现在也没给。',
    employerName: '无锡某建筑劳务公司',
    workCity: '无锡市',
    workAddress: '无锡市新吴区长江路工地',
    workedFrom: '2025-10',
    amountOwedYuan: 18000,
    workersAffected: 3,
  })
  let keyCounter = 0
  const runId = randomBytes(4).toString('hex')

  const cases = [
    { label: 'bare Fastify route', kind: 'anchor', path: '/bench/bare' },
    { label: 'job list, filtered', kind: 'list', path: `/api/jobs?province=${encodeURIComponent('江苏省')}&minWage=5000&benefits=${encodeURIComponent('包住')}` },
    { label: 'job search 电工', kind: 'read', path: `/api/jobs?q=${encodeURIComponent('电工')}` },
    { label: 'job detail', kind: 'read', path: `/api/jobs/${detailId}` },
    { label: 'nearest stations', kind: 'read', path: '/api/stations?lat=31.49&lng=120.31&limit=10' },
    { label: 'course list', kind: 'read', path: '/api/courses' },
    { label: 'GET /api/me (signed in)', kind: 'read', path: '/api/me', headers: auth },
    {
      label: 'POST rights request (keyed)',
      kind: 'write',
      path: '/api/rights-requests',
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: rightsBody,
      // Every request its own Idempotency-Key, as every tap of 提交 in the app is a new request.
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${runId}-${++keyCounter}` } }) }],
    },
  ]

  // Warm-up: JIT and the database's page cache, not measured.
  for (const { label, kind, ...opts } of cases) await run(base, { ...opts, connections: 20, duration: 1 })

  const failures = []
  for (const connections of CONNECTIONS) {
    console.log(`\n${pgBase ? 'PostgreSQL' : 'SQLite'}, ${connections} connections, ${SECONDS} s each`)
    console.log(`${'request'.padEnd(30)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)}`)
    let anchor = 0
    for (const { label, kind, ...opts } of cases) {
      const { result, latencies, statuses } = await run(base, { ...opts, connections, duration: SECONDS })
      latencies.sort((a, b) => a - b)
      const rate = result.requests.average
      const p95 = pct(latencies, 95)
      const errors = result.non2xx + result.errors + result.timeouts
      if (kind === 'anchor') anchor = rate
      const misses = []
      if (kind !== 'anchor' && errors > 0) misses.push(`errors ${JSON.stringify(statuses)}`)
      if (connections === 20 && (kind === 'read' || kind === 'list') && p95 > TARGET_P95_MS) misses.push(`p95 > ${TARGET_P95_MS} ms`)
      if (connections === 20 && kind === 'list' && rate < TARGET_LIST_RATIO * anchor) misses.push(`${((100 * rate) / anchor).toFixed(0)} % of the bare route`)
      failures.push(...misses.map((m) => `${label} at ${connections}: ${m}`))
      console.log(
        `${label.padEnd(30)} ${rate.toFixed(0).padStart(8)} ${pct(latencies, 50).toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)} ${pct(latencies, 99).toFixed(1).padStart(7)} ${String(errors).padStart(7)}${kind === 'list' ? `  (${((100 * rate) / anchor).toFixed(0)} % of bare)` : ''}${misses.length ? `  MISSES: ${misses.join('; ')}` : ''}`,
      )
    }
  }
  if (failures.some((f) => f.includes('errors'))) {
    const log = readFileSync(join(dataDir, 'server.log'), 'utf8').split('\n').filter((l) => /"level":(40|50)/.test(l))
    console.log(log.slice(0, 3).join('\n'))
  }
  console.log(`\nGoals: reads p95 ≤ ${TARGET_P95_MS} ms at 20 connections; no errors at 100; job list ≥ ${TARGET_LIST_RATIO * 100} % of the bare route.`)
  console.log(failures.length ? `missed:\n  ${failures.join('\n  ')}` : 'all goals met')
  process.exitCode = failures.length ? 1 : 0
} finally {
  await stopBenchServer(server)
  rmSync(dataDir, { recursive: true, force: true })
  if (pgDatabase) await dropPostgresDatabase(pgBase, pgDatabase).catch(() => undefined)
}
