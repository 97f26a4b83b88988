import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(__dirname, '../../..')

export interface RunningServer {
  baseUrl: string
  dataDir: string
  process: ChildProcess
  /** Everything the server printed: tests read it to check what is (not) logged. */
  output: () => string
  stop: () => Promise<void>
  /**
   * kill -9 of the server itself (tsx runs it in a child process, which a SIGKILL of tsx would
   * orphan): no shutdown hook runs, as in a power cut of the process. Resolves once both are gone.
   */
  crash: () => Promise<void>
}

/** Direct children of a process (Linux /proc), so a test can signal the node process tsx started. */
function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
  } catch {
    return []
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Starts the real server (`server/main.ts`) on a fresh SQLite data dir, as `npm start` does.
 * `env` overrides the defaults: `DATA_DIR` to keep (and reuse) the data, `DATABASE_URL` to run on PostgreSQL, `PORT` to
 * come back on the same address (a service worker belongs to its origin).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort()
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'wgt-e2e-'))
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (out += d))
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 45000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`)
    try {
      const res = await fetch(`${baseUrl}/api/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not start in time:\n${out}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    baseUrl,
    dataDir,
    process: child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        let timer: NodeJS.Timeout | undefined
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))])
        clearTimeout(timer)
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      child.stdout?.destroy()
      child.stderr?.destroy()
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true })
    },
    crash: async () => {
      const pids = [...childPids(child.pid!), child.pid!]
      const exited = child.exitCode === null ? new Promise((r) => child.once('exit', r)) : Promise.resolve()
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }
      await exited
      for (let i = 0; i < 50 && pids.some(isAlive); i++) await new Promise((r) => setTimeout(r, 100))
      child.stdout?.destroy()
      child.stderr?.destroy()
    },
  }
}
