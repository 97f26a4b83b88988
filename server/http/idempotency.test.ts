import { Writable } from 'node:stream'
import { z } from 'zod/mini'
import { endpoint } from '../../types'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { route } from './route'

/** No product write endpoint exists yet: this one writes a brand row through the handler's transaction. */
const createNote = endpoint({
  method: 'POST',
  path: '/test/notes/:group',
  access: 'public',
  summary: 'test only',
  params: z.object({ group: z.string() }),
  body: z.object({ text: z.string(), fail: z.optional(z.boolean()) }),
  response: z.object({ id: z.number(), text: z.string() }),
  status: 201,
  idempotent: true,
})

describe('idempotent writes', () => {
  let t: TestApp
  let calls = 0
  beforeAll(async () => {
    t = await buildTestApp({
      seed: false,
      routes: (app) =>
        route(app, createNote, async ({ trx, body, params }) => {
          calls++
          const row = await trx
            .insertInto('brands')
            .values({ name: `${params.group}:${body.text}`, level: '县级', trade: '电工', story: '', is_sample: 0, created_at: new Date().toISOString() })
            .returning('id')
            .executeTakeFirstOrThrow()
          // Slow enough that concurrent duplicates overlap.
          await new Promise((r) => setTimeout(r, 20))
          if (body.fail) throw new Error('handler failed after writing')
          return { id: row.id, text: body.text }
        }),
    })
  })
  afterAll(() => t.close())

  const rowsNamed = async (name: string) =>
    Number((await t.db.selectFrom('brands').select((eb) => eb.fn.countAll().as('n')).where('name', '=', name).executeTakeFirstOrThrow()).n)
  const post = (key: string | undefined, body: object, group = 'a', token?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/test/notes/${group}`,
      headers: { ...(key ? { 'idempotency-key': key } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: body,
    })

  test('a repeat replays the first response and writes nothing', async () => {
    const first = await post('key-replay-0001', { text: 'hello' })
    expect(first.statusCode).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    const again = await post('key-replay-0001', { text: 'hello' })
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json()).toEqual(first.json())
    expect(await rowsNamed('a:hello')).toBe(1)
  })

  test('a replay answers from the stored row: the handler does not run again and the response cache is kept', async () => {
    calls = 0
    const first = await post('key-handler-01', { text: 'once' })
    expect(first.statusCode).toBe(201)
    expect(calls).toBe(1)
    const generation = t.app.responseCache.generation
    const again = await post('key-handler-01', { text: 'once' })
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json()).toEqual(first.json())
    expect(calls).toBe(1)
    // Nothing was written, so public answers held in memory stay valid.
    expect(t.app.responseCache.generation).toBe(generation)
  })

  test('the same key with a different body is a 409', async () => {
    await post('key-conflict-01', { text: 'one' })
    const res = await post('key-conflict-01', { text: 'two' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('CONFLICT')
    expect(await rowsNamed('a:two')).toBe(0)
  })

  test('keys are scoped by path params and caller', async () => {
    const a = await post('key-scope-0001', { text: 'same' }, 'a')
    const b = await post('key-scope-0001', { text: 'same' }, 'b')
    const c = await post('key-scope-0001', { text: 'same' }, 'a', 'token-1')
    expect(b.headers['idempotent-replayed']).toBeUndefined()
    expect(c.headers['idempotent-replayed']).toBeUndefined()
    expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(3)
  })

  test('a missing or malformed key is a 400 naming the header', async () => {
    for (const key of [undefined, 'short', 'has spaces in it', 'x'.repeat(101)]) {
      const res = await post(key, { text: 'nokey' })
      expect(res.statusCode).toBe(400)
      expect(Object.keys(res.json().error.fields)).toEqual(['Idempotency-Key'])
      expect(res.json().error.fields['Idempotency-Key']).toMatch(/请求编号/)
    }
    expect(await rowsNamed('a:nokey')).toBe(0)
  })

  test('a failed handler stores nothing, so the key can be retried', async () => {
    const failed = await post('key-failing-01', { text: 'boom', fail: true })
    expect(failed.statusCode).toBe(500)
    expect(await rowsNamed('a:boom')).toBe(0)
    const count = await t.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'key-failing-01').execute()
    expect(count).toHaveLength(0)
  })

  test('concurrent duplicates make one row and all get the same answer', async () => {
    calls = 0
    const responses = await Promise.all(Array.from({ length: 6 }, () => post('key-concurrent1', { text: 'race' })))
    expect(responses.map((r) => r.statusCode)).toEqual(Array(6).fill(201))
    expect(new Set(responses.map((r) => r.body)).size).toBe(1)
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(5)
    expect(await rowsNamed('a:race')).toBe(1)
    const keys = await t.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'key-concurrent1').execute()
    expect(keys).toHaveLength(1)
  })
})

describe('idempotent replays', () => {
  test('log no error: the replay never reaches the unique constraint', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const t = await buildTestApp({
      seed: false,
      logger: { level: 'info', stream },
      routes: (app) => route(app, createNote, async ({ body }) => ({ id: 1, text: body.text })),
    })
    try {
      const send = () => t.app.inject({ method: 'POST', url: '/api/test/notes/a', headers: { 'idempotency-key': 'key-logged-0001' }, payload: { text: 'x' } })
      expect((await send()).statusCode).toBe(201)
      lines.length = 0
      const again = await send()
      expect(again.statusCode).toBe(201)
      expect(again.headers['idempotent-replayed']).toBe('true')
    } finally {
      await t.close()
    }
    const levels = lines.map((line) => JSON.parse(line).level as number)
    expect(levels.filter((level) => level >= 40)).toEqual([])
  })
})
