/**
 * Several real server processes (`server/main.ts`) on one fresh PostgreSQL database, behind nginx started from the
 * repo's deploy/nginx.conf: the cluster test and `npm run bench:cluster` both use it.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

/** The checkout, found upwards from this file (under tsx's tsImport, the bench's loader, __dirname is not a path). */
function findRoot(): string {
  for (let dir = path.dirname(__filename); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'deploy/nginx.conf')) && fs.existsSync(path.join(dir, 'server/main.ts'))) return dir
  }
  throw new Error(`no checkout above ${__filename}`)
}
const root = findRoot()
export const sampleNginxConf = path.join(root, 'deploy/nginx.conf')

/** The same key in every process: each encrypts what the others read. */
export const CLUSTER_DATA_KEY = 'c1'.repeat(32)

/** The local PostgreSQL of these machines, used when DATABASE_URL does not name one (the SQLite pass of `npm test`). */
export const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The nginx binary, or null when it is not installed (Debian puts it in /usr/sbin, often off a user's PATH). */
export function findNginx(): string | null {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) {
    if (fs.existsSync(candidate)) return candidate
  }
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

export interface ClusterDatabase {
  url: string
  drop(): Promise<void>
}

/** A new database beside the one DATABASE_URL names (or the local one), dropped by drop(). */
export async function createClusterDatabase(prefix = 'wgt_cluster'): Promise<ClusterDatabase> {
  const env = process.env.DATABASE_URL?.trim()
  const base = env && /^postgres(ql)?:\/\//.test(env) ? env : LOCAL_POSTGRES
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  const asAdmin = async (query: string) => {
    const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5000 })
    await admin.connect()
    try {
      await admin.query(query)
    } finally {
      await admin.end()
    }
  }
  try {
    await asAdmin(`create database ${name}`)
  } catch (error) {
    throw new Error(`the cluster needs PostgreSQL at ${new URL(base).host} (${error instanceof Error ? error.message : String(error)})`, { cause: error })
  }
  const url = new URL(base)
  url.pathname = '/' + name
  return { url: url.toString(), drop: () => asAdmin(`drop database if exists ${name} with (force)`) }
}

export interface ServerProcess {
  port: number
  child: ChildProcess
  /** Everything it printed (its request log included). */
  output(): string
  /** kill -9: no shutdown hook runs. Resolves once it is gone. */
  crash(): Promise<void>
  /** SIGTERM (graceful shutdown), SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>
}

/**
 * One server process, node running main.ts itself (not tsx's wrapper, whose SIGKILL would orphan the server);
 * resolves once /api/health answers 200.
 */
export async function startServerProcess(port: number, env: Record<string, string>, logFile: string): Promise<ServerProcess> {
  const log = fs.openSync(logFile, 'a')
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const output = () => fs.readFileSync(logFile, 'utf8')
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server on ${port} exited at start:\n${output().slice(-3000)}`)
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)
    if (ok) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server on ${port} did not start in 120 s:\n${output().slice(-3000)}`)
    }
    await sleep(250)
  }
  const gone = () => child.exitCode !== null || child.signalCode !== null
  return {
    port,
    child,
    output,
    crash: async () => {
      if (!gone()) child.kill('SIGKILL')
      await exited
    },
    stop: async () => {
      if (gone()) return
      child.kill('SIGTERM')
      let timer: NodeJS.Timeout | undefined
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))])
      clearTimeout(timer)
      if (!gone()) {
        child.kill('SIGKILL')
        await exited
      }
    },
  }
}

/** The parts of deploy/nginx.conf a cluster runs on: the log format, the upstream (ports replaced) and the proxy lines. */
export function nginxConfFromSample(options: { dir: string; listenPort: number; upstreamPorts: number[] }): string {
  const sample = fs.readFileSync(sampleNginxConf, 'utf8')
  const logFormat = /^log_format [^;]+;/m.exec(sample)?.[0]
  const upstream = /^upstream wugongtong \{[\s\S]*?^\}/m.exec(sample)?.[0]
  const proxy = /# --- proxy: begin\n([\s\S]*?)\n\s*# --- proxy: end/.exec(sample)?.[1]
  if (!logFormat || !upstream || !proxy) throw new Error(`${sampleNginxConf} lacks its log_format, upstream wugongtong or proxy: begin/end lines`)
  const servers = [...upstream.matchAll(/^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;$/gm)]
  if (!servers.length) throw new Error(`${sampleNginxConf}: the upstream has no "server 127.0.0.1:PORT …;" lines`)
  // The sample's first server line, with its passive-health settings, once for each process here.
  const [, indent, params = ''] = servers[0]
  const lines = options.upstreamPorts.map((port) => `${indent}server 127.0.0.1:${port}${params};`).join('\n')
  const ownUpstream = upstream.replace(/^\s*server 127\.0\.0\.1:\d+( [^;]*)?;$(\n)?/gm, '').replace(/\{\n/, `{\n${lines}\n`)
  const dir = options.dir
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `    ${k}_temp_path ${dir}/temp-${k};`).join('\n')
  return `# Generated from deploy/nginx.conf for a test cluster.
${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
${temp}
    ${logFormat}
    access_log ${dir}/access.log wgt_nopii;
${ownUpstream}
    server {
        listen 127.0.0.1:${options.listenPort};
${proxy}
    }
}
`
}

export interface Nginx {
  port: number
  dir: string
  /** Every upstream address nginx's access log shows, line by line (the sample's format ends with $upstream_addr). */
  accessLog(): string[]
  errorLog(): string
  stop(): Promise<void>
}

/** nginx in the foreground (daemon off), a child of this process, in its own temp dir. */
export async function startNginx(nginx: string, upstreamPorts: number[]): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-nginx-'))
  const port = await freePort()
  const conf = path.join(dir, 'nginx.conf')
  fs.writeFileSync(conf, nginxConfFromSample({ dir, listenPort: port, upstreamPorts }))
  const errorLog = () => (fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '')
  let output = ''
  const child = spawn(nginx, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (c) => (output += c))
  child.stderr!.on('data', (c) => (output += c))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start:\n${output}\n${errorLog()}`)
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)))
      socket.on('error', () => resolve(false))
    })
    if (up) break
    if (i > 100) {
      child.kill('SIGKILL')
      throw new Error(`nginx did not listen on ${port}:\n${output}\n${errorLog()}`)
    }
    await sleep(100)
  }
  return {
    port,
    dir,
    accessLog: () => fs.readFileSync(path.join(dir, 'access.log'), 'utf8').split('\n').filter(Boolean),
    errorLog,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Cluster {
  /** nginx's address: http://127.0.0.1:PORT */
  base: string
  /** The processes' database, for reading it beside them. */
  databaseUrl: string
  nginx: Nginx
  processes: ServerProcess[]
  /** Starts process i again on its port (after a crash), resolving once it is healthy. */
  restart(i: number): Promise<ServerProcess>
  stop(): Promise<void>
}

/**
 * `count` server processes on a fresh PostgreSQL database behind nginx. The first migrates and seeds alone; the
 * others start together once it is up. `env` adds to the processes' environment (NODE_ENV=test unless given).
 */
export async function startCluster(nginxBinary: string, count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const database = await createClusterDatabase()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-cluster-'))
  const ports = await Promise.all(Array.from({ length: count }, freePort))
  const processEnv = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    APP_DATA_KEY: CLUSTER_DATA_KEY,
    WEB_ROOT: path.join(dataDir, 'no-web'),
    ...env,
  }
  const start = (i: number) => startServerProcess(ports[i], processEnv, path.join(dataDir, `server-${i}.log`))
  const processes: ServerProcess[] = []
  let nginx: Nginx | undefined
  const stop = async () => {
    await nginx?.stop()
    await Promise.all(processes.map((p) => p.stop()))
    await database.drop().catch(() => undefined)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    processes.push(await start(0))
    processes.push(...(await Promise.all(ports.slice(1).map((_, i) => start(i + 1)))))
    nginx = await startNginx(nginxBinary, ports)
  } catch (error) {
    await stop()
    throw error
  }
  return {
    base: `http://127.0.0.1:${nginx.port}`,
    databaseUrl: database.url,
    nginx,
    processes,
    restart: async (i) => {
      processes[i] = await start(i)
      return processes[i]
    },
    stop,
  }
}
