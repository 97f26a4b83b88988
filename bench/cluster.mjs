// `npm run bench:cluster`: the real server as 1, 2 and 3 processes on one fresh PostgreSQL database behind nginx
// (deploy/nginx.conf, server/test-support/cluster.ts), driven by autocannon through nginx: a read mix (job list,
// a posting, courses, nearest stations, trades, and a signed-in GET /api/me) and a write mix (keyed course requests
// and rights requests, each with its own Idempotency-Key, from 20 signed-in workers). Prints requests per second,
// p50/p95/p99 and errors for each, with the machine's load average, since on a shared machine the cores are the limit.
// PostgreSQL: DATABASE_URL's server or the local one. BENCH_SECONDS (8), BENCH_CONNECTIONS (20), BENCH_PROCESSES
// (1,2,3), BENCH_ROUNDS (1: on a shared machine, 2 or more alternate the counts so a change of load hits each alike). Without nginx it says so and exits 0 (there is nothing to measure); with errors in a run it exits 1.
import { randomBytes } from 'node:crypto'
import { cpus, loadavg } from 'node:os'
import { tsImport } from 'tsx/esm/api'
import { pct, run } from './support/load.mjs'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const COUNTS = (process.env.BENCH_PROCESSES ?? '1,2,3').split(',').map(Number)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1)
const WORKERS = 20

const { findNginx, startCluster } = await tsImport('../server/test-support/cluster.ts', import.meta.url)
const { rightsCaseBody } = await tsImport('../server/test-support/bodies.ts', import.meta.url)

const nginx = findNginx()
if (!nginx) {
  console.log('bench:cluster: nginx is not installed (apt-get install nginx); nothing measured')
  process.exit(0)
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(', ')
const runId = randomBytes(3).toString('hex')
let keys = 0

async function call(base, method, path, { token, key, body } = {}) {
  const headers = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (token) headers.authorization = `Bearer ${token}`
  if (key) headers['idempotency-key'] = key
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return res.json()
}

/** One cluster of `count` processes: sign workers in, warm up, then the read mix and the write mix. */
async function measure(count) {
  const cluster = await startCluster(nginx, count, { NODE_ENV: 'test', SMS_IP_LIMIT_PER_HOUR: '100000' })
  try {
    const { base } = cluster
    const direct = `http://127.0.0.1:${cluster.processes[0].port}`
    const tokens = []
    for (let w = 0; w < WORKERS; w++) {
      const phone = `1370088${String(w).padStart(4, '0')}`
      await call(base, 'POST', '/api/auth/sms-code', { body: { phone } })
      // The dev outbox answers only on the process's own machine, not through a proxy.
      const { items } = await call(direct, 'GET', `/api/dev/sms-outbox?phone=${phone}`)
      tokens.push((await call(base, 'POST', '/api/auth/login', { body: { phone, code: items[0].code } })).token)
    }
    const jobId = (await call(base, 'GET', '/api/jobs?limit=1')).items[0].id
    const token = (n) => tokens[n % WORKERS]
    const readMix = [
      '/api/jobs',
      `/api/jobs?province=${encodeURIComponent('江苏省')}&minWage=5000`,
      `/api/jobs/${jobId}`,
      '/api/courses',
      '/api/stations?lat=31.49&lng=120.31&limit=10',
      '/api/trades',
    ].map((path) => ({ method: 'GET', path }))
    let n = 0
    readMix.push({ method: 'GET', path: '/api/me', setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${token(n++)}` } }) })
    const keyed = (path, body) => ({
      method: 'POST',
      path,
      body: JSON.stringify(body),
      setupRequest: (req) => {
        const i = ++keys
        return { ...req, headers: { ...req.headers, 'content-type': 'application/json', authorization: `Bearer ${token(i)}`, 'idempotency-key': `bench-${runId}-${i}` } }
      },
    })
    const writeMix = [keyed('/api/course-requests', { trade: '电工', note: '想学电工，压测' }), keyed('/api/rights-requests', rightsCaseBody)]

    const rows = []
    for (const [label, requests] of [
      ['read mix', readMix],
      ['write mix', writeMix],
    ]) {
      await run(base, { path: '', connections: CONNECTIONS, duration: 2, requests }) // warm-up: JIT, pools, caches
      const { result, latencies, statuses } = await run(base, { path: '', connections: CONNECTIONS, duration: SECONDS, requests })
      latencies.sort((a, b) => a - b)
      rows.push({ count, label, rate: result.requests.average, p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), errors: result.non2xx + result.errors + result.timeouts, statuses, load: load() })
    }
    return rows
  } finally {
    await cluster.stop()
  }
}

console.log(`bench:cluster: ${cpus().length} cores, load average ${load()} (1, 5, 15 min); ${CONNECTIONS} connections through nginx, ${SECONDS} s a run`)
const rows = []
for (let round = 1; round <= ROUNDS; round++) {
  for (const count of COUNTS) {
    process.stdout.write(`${ROUNDS > 1 ? `round ${round}, ` : ''}${count} process${count > 1 ? 'es' : ''}… `)
    const measured = await measure(count)
    console.log(measured.map((r) => `${r.label} ${r.rate.toFixed(0)} req/s`).join(', '))
    rows.push(...measured.map((r) => ({ ...r, round })))
  }
}
const first = (r) => rows.find((o) => o.round === r.round && o.count === COUNTS[0] && o.label === r.label).rate
console.log(`\n${ROUNDS > 1 ? 'round  ' : ''}${'processes'.padEnd(10)} ${'mix'.padEnd(10)} ${'req/s'.padStart(7)} ${'× first'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)}  load after`)
for (const r of rows) {
  console.log(
    `${ROUNDS > 1 ? String(r.round).padEnd(7) : ''}${String(r.count).padEnd(10)} ${r.label.padEnd(10)} ${r.rate.toFixed(0).padStart(7)} ${(r.rate / first(r)).toFixed(2).padStart(8)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${String(r.errors).padStart(7)}  ${r.load}${r.errors ? `  ${JSON.stringify(r.statuses)}` : ''}`,
  )
}
console.log(`\nload average at the end: ${load()}`)
process.exitCode = rows.some((r) => r.errors) ? 1 : 0
