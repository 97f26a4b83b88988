// `npm run bench:import`: a 100,000-row roster sheet (BENCH_IMPORT_ROWS) through the real server: the dry run
// (POST /api/staff/roster-imports), the commit, then the same file again (all unchanged) and its commit (writes
// nothing). The roster starts with 10,000 people (BENCH_PEOPLE) seeded straight through SQL, in a temporary SQLite
// database or, with DATABASE_URL, a fresh PostgreSQL database dropped after. While each step runs, two loops call
// GET /api/jobs (response cache off) and keep every latency: the import must leave the server answering.
// The sheet: households of four (a head and three members naming the head's ID number), every township and
// village, mixed statuses, written with exceljs's streaming writer. Peak RSS is the server process's VmHWM.
// Goals: each step < 60 s, the server's peak RSS < 500 MB, GET /api/jobs p95 < 100 ms during each step. Exits 1 on a miss.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tsImport } from 'tsx/esm/api'
import { pct } from './support/load.mjs'
import { withSeededRoster } from './support/roster-bench.mjs'

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000)
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000)
const PORT = Number(process.env.BENCH_PORT ?? 3810)
const STEP_GOAL_S = 60
const RSS_GOAL_MB = 500
const JOBS_GOAL_MS = 100

const { writeRosterSheet } = await tsImport('./support/import-sheet.ts', import.meta.url)

// Seeding, the server and its removal after: bench/support/roster-bench.mjs (shared with bench:roster and bench:survey).
await withSeededRoster({ name: 'import', people: PEOPLE, port: PORT }, async ({ base, signIn, engine, dataDir, server }) => {
  const call = async (path, init = {}) => {
    const res = await fetch(base + path, init)
    if (!res.ok) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 500)}`)
    return res.json()
  }
  const auth = await signIn('admin')
  const villages = (await call('/api/staff/villages', { headers: auth })).items

  process.stdout.write(`writing a ${ROWS.toLocaleString()}-row sheet… `)
  const file = join(dataDir, 'roster.xlsx')
  const writeStarted = performance.now()
  await writeRosterSheet(file, villages, ROWS)
  const bytes = readFileSync(file)
  console.log(`${(bytes.length / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - writeStarted) / 1000).toFixed(1)} s`)

  /** GET /api/jobs in two loops until `step` settles; the step's time and every job-list latency. */
  const whileRunning = async (step) => {
    let running = true
    const latencies = []
    const cpuBefore = cpuSeconds()
    const loop = async () => {
      while (running) {
        const started = performance.now()
        const res = await fetch(`${base}/api/jobs?limit=20`)
        await res.arrayBuffer()
        if (res.ok) latencies.push(performance.now() - started)
        await new Promise((r) => setTimeout(r, 20))
      }
    }
    const loops = [loop(), loop()]
    const started = performance.now()
    try {
      const result = await step()
      const seconds = (performance.now() - started) / 1000
      running = false
      await Promise.all(loops)
      return { result, seconds, cpu: cpuSeconds() - cpuBefore, latencies: latencies.sort((a, b) => a - b) }
    } finally {
      running = false
    }
  }
  const upload = () => {
    const form = new FormData()
    form.append('file', new Blob([bytes]), 'bench.xlsx')
    return call('/api/staff/roster-imports', { method: 'POST', headers: auth, body: form })
  }
  const commit = (id) => call(`/api/staff/roster-imports/${id}/commit`, { method: 'POST', headers: auth })
  /** The server's CPU seconds so far (user + system): what a step costs, whatever else the machine is doing. */
  const cpuSeconds = () => {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  }
  const peakRssMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024

  const rows = []
  let failed = false
  // The same loops with nothing else running: what this machine gives a job list at the moment.
  const idle = await whileRunning(() => new Promise((r) => setTimeout(r, 5000)))
  rows.push(['no import (reference)', idle.seconds.toFixed(1), idle.cpu.toFixed(1), peakRssMb().toFixed(0), String(idle.latencies.length), pct(idle.latencies, 50).toFixed(1), pct(idle.latencies, 95).toFixed(1), '', ''])
  const record = (label, m, what) => {
    const p95 = m.latencies.length ? pct(m.latencies, 95) : Infinity
    const rss = peakRssMb()
    const miss = m.seconds > STEP_GOAL_S || rss > RSS_GOAL_MB || p95 > JOBS_GOAL_MS
    if (miss) failed = true
    rows.push([label, m.seconds.toFixed(1), m.cpu.toFixed(1), rss.toFixed(0), String(m.latencies.length), m.latencies.length ? pct(m.latencies, 50).toFixed(1) : '—', Number.isFinite(p95) ? p95.toFixed(1) : '—', what, miss ? 'MISS' : 'ok'])
  }

  const first = await whileRunning(upload)
  const s1 = first.result.summary
  record('dry run (all new)', first, `new ${s1.new}, refused ${s1.refused}`)
  const committed = await whileRunning(() => commit(first.result.id))
  const w1 = committed.result.written
  record('commit', committed, `created ${w1.created}, updated ${w1.updated}`)
  const again = await whileRunning(upload)
  const s2 = again.result.summary
  record('same file again: dry run', again, `unchanged ${s2.unchanged}, new ${s2.new}`)
  const noop = await whileRunning(() => commit(again.result.id))
  const w2 = noop.result.written
  record('same file again: commit', noop, `created ${w2.created}, updated ${w2.updated}`)
  if (s1.new !== ROWS || w1.created !== ROWS || s2.unchanged !== ROWS || w2.created + w2.updated !== 0) {
    failed = true
    console.log('unexpected counts', JSON.stringify({ s1, w1, s2, w2 }), JSON.stringify(first.result.problems.slice(0, 5)))
  }

  console.log(`\n${ROWS.toLocaleString()} rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB .xlsx) into a roster of ${PEOPLE.toLocaleString()}, ${engine}; GET /api/jobs in 2 loops during each step`)
  const header = ['step', 'seconds', 'server CPU s', 'peak RSS MB', 'job lists', 'p50 ms', 'p95 ms', 'result', '']
  const width = [26, 8, 13, 12, 10, 8, 8, 30, 5]
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 || i === 7 ? cell.padEnd(width[i]) : cell.padStart(width[i]))).join(' '))
  console.log(`load average during the run: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (${(await import('node:os')).availableParallelism()} CPUs)`)
  console.log(`goals: each step < ${STEP_GOAL_S} s, server peak RSS < ${RSS_GOAL_MB} MB (VmHWM, from start), job list p95 < ${JOBS_GOAL_MS} ms`)
  process.exitCode = failed ? 1 : 0
})
