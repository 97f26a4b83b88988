/**
 * Durability: the real server process is killed with SIGKILL in the middle of 200 keyed writes and
 * restarted on the same data. Resending every write with its original Idempotency-Key (what the app's
 * offline outbox does) must leave exactly one row per key, and every write acknowledged before the
 * kill must still be there under the id it was acknowledged with.
 * SQLite: a file in a kept DATA_DIR. With DATABASE_URL: a fresh PostgreSQL database, dropped after.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { trades } from '../../types'
import { loadConfig } from '../../server/config'
import { createDatabase } from '../../server/db/database'
import { type RunningServer, startServer } from '../e2e/support/server'

jest.setTimeout(120_000)

const WRITES = 200
const KILL_AFTER = 100
const IN_FLIGHT = 8
const PHONE = '13700000042'

const baseUrl = process.env.DATABASE_URL?.trim()
const usesPostgres = !!baseUrl && /^postgres(ql)?:\/\//.test(baseUrl)

let dataDir: string
let databaseUrl = ''
let server: RunningServer | undefined

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wgt-crash-'))
  if (usesPostgres) {
    const name = 'wgt_crash_' + randomBytes(5).toString('hex')
    const admin = new pg.Client({ connectionString: baseUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(baseUrl!)
    url.pathname = '/' + name
    databaseUrl = url.toString()
  }
})

afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: baseUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`)
    await admin.end()
  }
})

const start = () => startServer({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl })

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server!.baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as any, replayed: res.headers.get('idempotent-replayed') === 'true' }
}

async function signIn(): Promise<string> {
  expect((await post('/api/auth/sms-code', { phone: PHONE })).status).toBe(200)
  const outbox = (await (await fetch(`${server!.baseUrl}/api/dev/sms-outbox?phone=${PHONE}`)).json()) as { items: { code: string }[] }
  const login = await post('/api/auth/login', { phone: PHONE, code: outbox.items[0].code })
  expect(login.status).toBe(200)
  return login.body.token
}

const keyOf = (i: number) => `crash-test-${String(i).padStart(4, '0')}`
const bodyOf = (i: number) => ({ trade: trades[i % trades.length], note: `第${i}次点单` })

test(`${WRITES} keyed writes survive a kill -9 midway: none lost once acknowledged, none duplicated`, async () => {
  server = await start()
  const token = await signIn()
  const headers = (i: number) => ({ authorization: `Bearer ${token}`, 'idempotency-key': keyOf(i) })

  // Phase 1: writes go out IN_FLIGHT at a time; the server is killed as soon as KILL_AFTER are acknowledged,
  // with others still in flight (committed or not, unacknowledged either way).
  const acknowledged = new Map<number, number>()
  let next = 0
  let killing: Promise<void> | null = null
  const sender = async () => {
    while (next < WRITES && !killing) {
      const i = next++
      try {
        const res = await post('/api/course-requests', bodyOf(i), headers(i))
        if (res.status !== 201) throw new Error(`write ${i}: ${res.status} ${JSON.stringify(res.body)}`)
        if (!killing) acknowledged.set(i, res.body.id)
        if (acknowledged.size >= KILL_AFTER && !killing) killing = server!.crash()
      } catch (error) {
        // Only a write cut off by the kill may fail.
        if (!killing) throw error
      }
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender))
  await killing
  // Really gone: nothing answers on its port any more.
  await expect(fetch(`${server.baseUrl}/api/health`)).rejects.toThrow()
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER)
  expect(acknowledged.size).toBeLessThan(WRITES)

  // Phase 2: the same data, a new process; the session survived, so the same token is used. Every write is sent again.
  server = await start()
  const results: { status: number; id: number; replayed: boolean }[] = []
  for (let from = 0; from < WRITES; from += IN_FLIGHT) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(IN_FLIGHT, WRITES - from) }, (_, k) => post('/api/course-requests', bodyOf(from + k), headers(from + k))),
    )
    results.push(...batch.map((r) => ({ status: r.status, id: r.body.id, replayed: r.replayed })))
  }
  expect(results.filter((r) => r.status !== 201)).toEqual([])
  for (const [i, id] of acknowledged) {
    expect({ i, id: results[i].id, replayed: results[i].replayed }).toEqual({ i, id, replayed: true })
  }
  expect(new Set(results.map((r) => r.id)).size).toBe(WRITES)

  // The database itself, read beside the running server: exactly one row per key, with its own note.
  const database = createDatabase(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl }))
  try {
    const rows = await database.db.selectFrom('course_requests').select(['id', 'note']).orderBy('id').execute()
    expect(rows).toHaveLength(WRITES)
    const noteById = new Map(rows.map((r) => [r.id, r.note]))
    results.forEach((r, i) => expect(noteById.get(r.id)).toBe(bodyOf(i).note))
    const keys = await database.db.selectFrom('idempotency_keys').select(['key', 'status_code']).where('key', 'like', 'crash-test-%').execute()
    expect(keys).toHaveLength(WRITES)
    expect(keys.every((k) => k.status_code === 201)).toBe(true)
  } finally {
    await database.close()
  }
})
