// Shared by the roster benchmarks (bench/roster.mjs, bench/survey.mjs, bench/import.mjs): a temporary SQLite database,
// or with DATABASE_URL a fresh PostgreSQL database dropped after, seeded with the roster (seed-roster.ts), the real
// server on BENCH_PORT, signed-in callers, autocannon cases with p50/p95 beside their goals, and the table printed.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { tsImport } from 'tsx/esm/api'
import { createPostgresDatabase, dropPostgresDatabase } from './fresh-postgres.mjs'
import { pct, run, startBenchServer, stopBenchServer } from './load.mjs'

const { keepSeededRisks, seedRosterDatabase } = await tsImport('./seed-roster.ts', import.meta.url)

/** The same SQL on both engines: `?` placeholders, numbered for PostgreSQL. */
export async function openSql(dataDir, databaseUrl) {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    const number = (text) => {
      let n = 0
      return text.replace(/\?/g, () => `$${++n}`)
    }
    return {
      postgres: true,
      all: async (text, params = []) => (await client.query(number(text), params)).rows,
      run: async (text, params = []) => void (await client.query(number(text), params)),
      close: () => client.end(),
    }
  }
  const db = new SQLite(join(dataDir, 'app.db'))
  return {
    postgres: false,
    all: async (text, params = []) => db.prepare(text).all(...params),
    run: async (text, params = []) => void db.prepare(text).run(...params),
    close: async () => db.close(),
  }
}

/**
 * Seeds `people` people (the admin and `bench-township`, the officer of `township`, share one password), lets
 * `prepare({ sql, seeded, now })` add what the bench needs straight through SQL, starts the server with `env` set
 * (the response cache off), and runs `body(ctx)`; everything is removed after, also on a failure (then the server's
 * last warnings are printed).
 */
export async function withSeededRoster({ name, people, port, township = '洛门镇', env = {}, prepare }, body) {
  const pgBase = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : null
  const dataDir = mkdtempSync(join(tmpdir(), `wgt-bench-${name}-`))
  const pgDatabase = pgBase ? `wgt_bench_${name}_${randomBytes(4).toString('hex')}` : null
  const password = `bench-${randomBytes(12).toString('hex')}`
  const now = new Date()
  let server
  try {
    const databaseUrl = pgBase ? await createPostgresDatabase(pgBase, pgDatabase) : null
    const engine = pgBase ? 'PostgreSQL' : 'SQLite'
    process.stdout.write(`seeding ${people.toLocaleString()} people with two years of history into ${engine}… `)
    const seeded = await seedRosterDatabase({ dataDir, databaseUrl, count: people, now, password, township })
    console.log(`${seeded.people.toLocaleString()} people, ${seeded.households.toLocaleString()} households, ${seeded.versions.toLocaleString()} versions in ${seeded.seconds.toFixed(1)} s`)
    let prepared
    const sql = await openSql(dataDir, databaseUrl)
    try {
      if (prepare) prepared = await prepare({ sql, seeded, now })
      // Written straight through SQL, so the kept risk list is counted once here (the app's writes keep it after).
      const keptStarted = performance.now()
      const risks = await keepSeededRisks({ dataDir, databaseUrl })
      console.log(`kept risk list: ${risks.toLocaleString()} rows counted in ${((performance.now() - keptStarted) / 1000).toFixed(1)} s`)
      if (prepare) await sql.run(databaseUrl ? 'vacuum analyze' : 'analyze')
    } finally {
      await sql.close()
    }

    Object.assign(process.env, { RESPONSE_CACHE_MS: '0', ...env })
    const starting = performance.now()
    server = await startBenchServer({ dataDir, port, databaseUrl: databaseUrl ?? '' })
    const base = `http://127.0.0.1:${port}`
    const call = async (path, init = {}) => {
      const res = await fetch(base + path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } })
      if (!res.ok) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 500)}`)
      return res.json()
    }
    const signIn = async (username) => {
      const { token } = await call('/api/staff/login', { method: 'POST', body: JSON.stringify({ username, password }) })
      return { authorization: `Bearer ${token}` }
    }
    return await body({ base, call, signIn, seeded, prepared, engine, now, dataDir, server, starting, listeningMs: performance.now() - starting })
  } catch (error) {
    const log = join(dataDir, 'server.log')
    if (existsSync(log)) console.log(readFileSync(log, 'utf8').split('\n').filter((l) => /"level":(40|50)/.test(l)).slice(-5).join('\n'))
    throw error
  } finally {
    await stopBenchServer(server)
    if (pgDatabase) await dropPostgresDatabase(pgBase, pgDatabase)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '—')

/**
 * Each case `[label, autocannon options (path, headers, connections…; `expect`: the statuses that are no error, 200), goal ms or null]` for `seconds` at
 * `connections`: a row of req/s, p50, p95, goal, errors and a verdict. A request slower than autocannon's 10 s timeout
 * leaves no latency: shown as a dash and a miss.
 */
export async function measureCase(ctx, [label, opts, goal], { connections = 4, seconds = 5 } = {}) {
  const { expect, ...rest } = opts
  const { result, latencies, statuses } = await run(ctx.base, { connections, duration: seconds, ...rest })
  latencies.sort((a, b) => a - b)
  const p95 = latencies.length ? pct(latencies, 95) : Infinity
  const expected = expect ?? [200]
  const unexpected = Object.entries(statuses).filter(([s]) => !expected.includes(Number(s))).reduce((n, [, c]) => n + c, 0)
  const miss = goal !== null && (p95 > goal || unexpected > 0 || result.errors > 0)
  if (unexpected > 0) {
    console.log(`  ${label} statuses: ${JSON.stringify(statuses)}`)
    const errors = readFileSync(join(ctx.dataDir, 'server.log'), 'utf8').split('\n').filter((l) => /"level":(40|50)/.test(l))
    console.log(errors.slice(0, 3).join('\n'))
  }
  const row = [label, result.requests.average.toFixed(0), ms(latencies.length ? pct(latencies, 50) : Infinity), ms(p95), goal ? `≤ ${goal}` : '', String(unexpected + result.errors), miss ? 'MISS' : goal ? 'ok' : '']
  return { row, miss }
}

export function printTable(rows, { first = 'request', width = 46 } = {}) {
  const header = [first, 'req/s', 'p50 ms', 'p95 ms', 'goal', 'errors', '']
  const widths = [width, 8, 8, 8, 7, 7, 5]
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' '))
}

/** The load average now, for the note beside the figures. */
export const loadNow = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
