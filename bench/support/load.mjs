// Shared by the API benchmarks: the bench server in a child process, and autocannon runs that keep every
// response's latency (autocannon's summary has no p95) and count statuses.
import { fork } from 'node:child_process'
import { openSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import nodeFlags from '../../scripts/server-node-flags.cjs'

const { serverNodeFlags } = nodeFlags

const root = new URL('../..', import.meta.url).pathname

/** The real app (bench/support/bench-server.ts) on loopback; its request log goes to DATA_DIR/server.log. */
export async function startBenchServer({ dataDir, port, databaseUrl = '' }) {
  const server = fork(join(root, 'bench/support/bench-server.ts'), [], {
    cwd: root,
    // BENCH_CPU_PROF=dir writes a V8 CPU profile of the server there (node --cpu-prof) when it stops.
    execArgv: [...serverNodeFlags, '--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: databaseUrl },
    // The request log goes to a file, as it would to a log collector; read when something failed.
    stdio: ['ignore', openSync(join(dataDir, 'server.log'), 'w'), 'inherit', 'ipc'],
  })
  await new Promise((resolve, reject) => {
    server.once('message', resolve)
    server.once('exit', (code) => reject(new Error(`bench server exited (${code})`)))
  })
  return server
}

export async function stopBenchServer(server) {
  if (!server || server.exitCode !== null) return
  const exited = new Promise((r) => server.once('exit', r))
  server.kill('SIGTERM')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
  if (server.exitCode === null) server.kill('SIGKILL')
}

/** One autocannon run against base + opts.path; resolves with autocannon's result, every latency and the statuses. */
export function run(base, opts) {
  return new Promise((resolve, reject) => {
    const latencies = []
    const statuses = {}
    const { path, ...rest } = opts
    // autocannon has no `path` option: the path goes in the url.
    const instance = autocannon({ url: base + path, ...rest }, (err, result) => (err ? reject(err) : resolve({ result, latencies, statuses })))
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms)
      statuses[status] = (statuses[status] ?? 0) + 1
    })
  })
}

/** Percentile of an ascending array. */
export const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
