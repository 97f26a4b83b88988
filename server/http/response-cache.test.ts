import { api } from '../../types'
import { route } from './route'
import { bearer, signIn } from '../test-support/accounts'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildTestApp, type TestApp, usesPostgres } from '../test-support/test-app'
import { ResponseCache } from './response-cache'

let now = new Date('2026-03-10T02:00:00.000Z')
let t: TestApp

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now })
})
afterAll(() => t.close())

const firstPage = async () => {
  const res = await t.app.inject({ url: '/api/jobs?limit=5' })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
  return res.json().items as Array<{ id: number; title: string }>
}

/** Renames the newest posting behind the app's back, as another server process would. */
async function renameNewestDirectly(title: string): Promise<number> {
  const [newest] = await firstPage()
  await t.db.updateTable('jobs').set({ title }).where('id', '=', newest.id).execute()
  return newest.id
}

test('a repeated public read is answered from memory until a write goes through this server', async () => {
  const { token } = await signIn(t.app, '13700000091')
  const firstTitle = (await firstPage())[0].title
  await renameNewestDirectly('改过的标题一')
  expect((await firstPage())[0].title).toBe(firstTitle)

  // A refused write (400) changes nothing, so it forgets nothing.
  const refused = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': 'cache-me-1' }, payload: { name: 'x'.repeat(500) } })
  expect(refused.statusCode).toBe(400)
  expect((await firstPage())[0].title).toBe(firstTitle)

  // Any successful write empties it: the next read sees the database.
  const saved = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': 'cache-me-2' }, payload: { name: '李四' } })
  expect(saved.statusCode).toBe(200)
  expect((await firstPage())[0].title).toBe('改过的标题一')
})

test('a new minute on the clock is a new answer, so date-bound answers never outlive their day', async () => {
  await renameNewestDirectly('改过的标题二')
  expect((await firstPage())[0].title).toBe('改过的标题一')
  now = new Date(now.getTime() + 60_000)
  expect((await firstPage())[0].title).toBe('改过的标题二')
})

test('a different query string is a different answer, and bad input is never cached', async () => {
  const bad = await t.app.inject({ url: '/api/jobs?limit=500' })
  expect(bad.statusCode).toBe(400)
  const again = await t.app.inject({ url: '/api/jobs?limit=500' })
  expect(again.statusCode).toBe(400)
  const five = await firstPage()
  const three = (await t.app.inject({ url: '/api/jobs?limit=3' })).json().items
  expect(three).toHaveLength(3)
  expect(five).toHaveLength(5)
})

test('a posting is cached for callers without a token only: a signed-in worker always gets their own answer', async () => {
  const { token } = await signIn(t.app, '13700000092')
  const [job] = await firstPage()
  const detail = async (headers: Record<string, string> = {}) => (await t.app.inject({ url: `/api/jobs/${job.id}`, headers })).json()
  const before = await detail()
  await t.db.updateTable('jobs').set({ title: '改过的标题三' }).where('id', '=', job.id).execute()
  expect((await detail()).title).toBe(before.title)
  const mine = await detail(bearer(token))
  expect(mine.title).toBe('改过的标题三')
  expect(mine.myApplication).toBeNull()
  // Any token at all (even a stale one, answered as anonymous) skips the cache.
  expect((await detail(bearer('not-a-token'))).title).toBe('改过的标题三')
})

test('a read that began before a write may not store what it read', () => {
  const cache = new ResponseCache({ ttlMs: 5000 })
  const started = cache.generation
  cache.clear()
  cache.set('k', '{"old":true}', started)
  expect(cache.get('k')).toBeUndefined()
  cache.set('k', '{"new":true}', cache.generation)
  expect(cache.get('k')).toBe('{"new":true}')
})

test('RESPONSE_CACHE_MS=0 turns it off', () => {
  const cache = new ResponseCache({ ttlMs: 0 })
  cache.set('k', '{}', cache.generation)
  expect(cache.get('k')).toBeUndefined()
})

test('only public reads may be cached: a signed-in answer differs per caller', async () => {
  const other = await buildTestApp({ seed: false })
  try {
    expect(() => route(other.app, api.getMe, () => ({}) as never, { cache: true })).toThrow('only public GET answers may be cached')
    expect(() => route(other.app, api.applyToJob, () => ({}) as never, { cache: true })).toThrow('only public GET answers may be cached')
    expect(() => route(other.app, api.getMe, () => ({}) as never, { cache: 'anonymous' })).toThrow('only public GET answers may be cached')
  } finally {
    await other.close()
  }
})

// Several server processes share one PostgreSQL database; SQLite is one process by design, so this runs on PostgreSQL.
describe('across processes (PostgreSQL)', () => {
  const pgOnly = usesPostgres() ? test : test.skip
  const pageOf = async (app: FastifyInstance) => (await app.inject({ url: '/api/jobs?limit=5' })).json().items as Array<{ id: number; title: string }>
  /** How long until `app` shows `title` first, polling every 20 ms for up to `withinMs`; -1 if it never does. */
  const shownWithin = async (app: FastifyInstance, title: string, withinMs: number) => {
    const started = Date.now()
    while (Date.now() - started < withinMs) {
      if ((await pageOf(app))[0].title === title) return Date.now() - started
      await new Promise((r) => setTimeout(r, 20))
    }
    return -1
  }

  pgOnly('a write in one process empties the other process’s cache within a second', async () => {
    const { token } = await signIn(t.app, '13700000093')
    const other = await t.secondInstance() // after the sign-in, whose own clear it must not hear
    const [newest] = await pageOf(other)
    await t.db.updateTable('jobs').set({ title: '另一个进程改的标题' }).where('id', '=', newest.id).execute()
    expect((await pageOf(other))[0].title).toBe(newest.title) // from its memory
    const saved = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': 'cache-cross-1' }, payload: { name: '王五' } })
    expect(saved.statusCode).toBe(200)
    const ms = await shownWithin(other, '另一个进程改的标题', 1000)
    expect(ms).toBeGreaterThanOrEqual(0)
  })

  pgOnly('the listening connection comes back after the database ends it', async () => {
    const { token } = await signIn(t.app, '13700000094')
    const other = await t.secondInstance() // after the sign-in, whose own clear it must not hear
    await pageOf(other)
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0].s
    const killed = await sql<{ ok: boolean }>`select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = ${`wugongtong cache ${schema}`}`.execute(t.db)
    expect(killed.rows.length).toBeGreaterThanOrEqual(2) // both processes' listeners
    await new Promise((r) => setTimeout(r, 1500)) // reconnected (first retry after 250 ms)
    const [newest] = await pageOf(other)
    await t.db.updateTable('jobs').set({ title: '断线以后改的标题' }).where('id', '=', newest.id).execute()
    expect((await pageOf(other))[0].title).toBe(newest.title)
    await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': 'cache-cross-2' }, payload: { name: '赵六' } })
    expect(await shownWithin(other, '断线以后改的标题', 1000)).toBeGreaterThanOrEqual(0)
  })
})
