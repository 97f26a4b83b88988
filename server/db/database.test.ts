/**
 * The database going away: PostgreSQL ending the app's connections (a restart, a failover) must not end the
 * process; while it is away requests get 503 in plain words, and they work again once it is back. A database
 * that accepts connections but never answers fails start-up clearly instead of hanging it.
 */
import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { z } from 'zod/mini'
import { endpoint } from '../../types'
import { buildApp } from '../app'
import { route } from '../http/route'
import { buildTestApp, createTestDatabase, type TestApp, usesPostgres } from '../test-support/test-app'
import { createDatabase } from './database'
import { migrateToLatest } from './migrate'

jest.setTimeout(30_000)

/** A server that accepts connections and never says a word. */
async function silentServer() {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const s of sockets) s.destroy()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

describe('start-up against a database that never answers', () => {
  test('exits non-zero with a clear message within the connect timeout', async () => {
    const silent = await silentServer()
    try {
      const port = await new Promise<number>((resolve) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
          const { port: free } = probe.address() as net.AddressInfo
          probe.close(() => resolve(free))
        })
      })
      const started = Date.now()
      const child = spawn(path.join(__dirname, '../../node_modules/.bin/tsx'), ['server/main.ts'], {
        cwd: path.join(__dirname, '../..'),
        env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: `postgres://app@127.0.0.1:${silent.port}/wgt`, DB_CONNECT_TIMEOUT_MS: '1000' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      child.stderr.on('data', (d) => (out += d))
      const code = await new Promise<number | null>((resolve) => {
        const giveUp = setTimeout(() => {
          child.kill('SIGKILL')
          resolve(null)
        }, 15_000)
        child.on('exit', (c) => {
          clearTimeout(giveUp)
          resolve(c)
        })
      })
      expect(code).not.toBeNull()
      expect(code).not.toBe(0)
      expect(out).toMatch(new RegExp(`database at 127\\.0\\.0\\.1:${silent.port} did not answer within 1 s`))
      // tsx itself takes a few seconds to start on a busy machine; the wait for the database is the 1 s.
      expect(Date.now() - started).toBeLessThan(15_000)
    } finally {
      await silent.close()
    }
  })
})

const slow = endpoint({ method: 'GET', path: '/test/slow', access: 'public', summary: 'test only', response: z.object({ ok: z.boolean() }) })

;(usesPostgres() ? describe : describe.skip)('PostgreSQL ending the connections', () => {
  let t: TestApp
  let admin: pg.Client
  let appName = ''
  beforeAll(async () => {
    t = await buildTestApp({
      seed: false,
      routes: (app) =>
        route(app, slow, async () => {
          await sql`select pg_sleep(2)`.execute(app.db)
          return { ok: true }
        }),
    })
    appName = (await sql<{ name: string }>`select current_setting('application_name') as name`.execute(t.db)).rows[0].name
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
  })
  afterAll(async () => {
    await admin.end()
    await t.close()
  })
  const terminate = async () =>
    (await admin.query('select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = $1', [appName])).rowCount ?? 0

  test("each app's pool names itself, so its connections can be told apart", () => {
    expect(appName).toMatch(/^wugongtong/)
    expect(appName).toContain('t_')
  })

  test('idle connections ended by the server: the process lives on and the next request succeeds', async () => {
    await Promise.all(Array.from({ length: 4 }, () => t.app.inject({ url: '/api/health' })))
    expect(await terminate()).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, 300))
    const res = await t.app.inject({ url: '/api/health' })
    expect(res.statusCode).toBe(200)
  })

  test('a connection ended mid-query: 503 in plain words, then the next request succeeds', async () => {
    const pending = t.app.inject({ url: '/api/test/slow' })
    await new Promise((r) => setTimeout(r, 500))
    expect(await terminate()).toBeGreaterThan(0)
    const res = await pending
    expect(res.statusCode).toBe(503)
    expect(res.json().error).toEqual({ code: 'UNAVAILABLE', message: '服务暂时忙，请稍后再试' })
    await new Promise((r) => setTimeout(r, 100))
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200)
  })
})

;(usesPostgres() ? describe : describe.skip)('PostgreSQL away and back', () => {
  test('503 while nothing answers at its address, 200 once it is back', async () => {
    const testDb = await createTestDatabase()
    await migrateToLatest(testDb.database.db)
    // A relay in front of the database that can be cut and restored, as a network or a restart would.
    const target = new URL(process.env.DATABASE_URL!)
    const links = new Set<net.Socket>()
    const relay = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname)
      for (const s of [client, upstream]) {
        links.add(s)
        s.on('error', () => {})
        s.on('close', () => links.delete(s))
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve))
    const port = (relay.address() as net.AddressInfo).port
    const relayed = new URL(target)
    relayed.hostname = '127.0.0.1'
    relayed.port = String(port)
    const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(testDb.database.db)).rows[0].schema
    const database = createDatabase({ ...testDb.config, databaseUrl: relayed.toString(), dbTimeouts: { ...testDb.config.dbTimeouts, connectMs: 1000 } }, { schema })
    const app = await buildApp({ config: testDb.config, database, logger: false })
    try {
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200)
      // Away: the relay stops listening and every open link is cut.
      await new Promise<void>((resolve) => {
        relay.close(() => resolve())
        for (const s of links) s.destroy()
      })
      const away = await app.inject({ url: '/api/health' })
      expect(away.statusCode).toBe(503)
      expect(away.json().error.message).toBe('服务暂时忙，请稍后再试')
      const awayList = await app.inject({ url: '/api/stations' })
      expect(awayList.statusCode).toBe(503)
      // Back on the same address.
      await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve))
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200)
      expect((await app.inject({ url: '/api/stations' })).statusCode).toBe(200)
    } finally {
      await app.close()
      await database.close()
      relay.close()
      for (const s of links) s.destroy()
      await testDb.close()
    }
  })
})
