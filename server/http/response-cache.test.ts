import { api } from '../../types'
import { route } from './route'
import { bearer, signIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'
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
