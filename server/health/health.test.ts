/** /api/health proves the database takes a write; when it cannot, 503, with the database's own error in the log. */
import { Writable } from 'node:stream'
import { sql } from 'kysely'
import { z } from 'zod/mini'
import { endpoint } from '../../types'
import { route } from '../http/route'
import { buildTestApp, type TestApp, usesPostgres } from '../test-support/test-app'

const writeNote = endpoint({
  method: 'POST',
  path: '/test/health-notes',
  access: 'public',
  summary: 'test only',
  body: z.object({ text: z.string() }),
  response: z.object({ ok: z.boolean() }),
  status: 201,
  idempotent: true,
})

let t: TestApp
const lines: string[] = []
beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  t = await buildTestApp({
    seed: false,
    logger: { level: 'info', stream },
    routes: (app) =>
      route(app, writeNote, async ({ trx, body }) => {
        await trx.insertInto('brands').values({ name: body.text, level: '县级', trade: '电工', story: 'x'.repeat(20_000), is_sample: 0, created_at: new Date().toISOString() }).execute()
        return { ok: true }
      }),
  })
})
afterAll(() => t.close())

/** SQLite: the file may not grow by a page. PostgreSQL: the database refuses every write as a full disk would. */
async function failWrites() {
  if (usesPostgres()) {
    await sql`create function refuse_write() returns trigger language plpgsql as $$ begin raise exception 'could not extend file: No space left on device' using errcode = '53100'; end $$`.execute(t.db)
    for (const table of ['health_checks', 'brands', 'idempotency_keys']) {
      await sql`create trigger refuse_write before insert or update on ${sql.table(table)} for each statement execute function refuse_write()`.execute(t.db)
    }
  } else {
    const { page_count } = (await sql<{ page_count: number }>`pragma page_count`.execute(t.db)).rows[0]
    await sql.raw(`pragma max_page_count = ${page_count}`).execute(t.db)
  }
}
async function allowWrites() {
  if (usesPostgres()) {
    await sql`drop function refuse_write cascade`.execute(t.db)
  } else {
    await sql.raw('pragma max_page_count = 1073741823').execute(t.db)
  }
}
const realCause = usesPostgres() ? /No space left on device/ : /SQLITE_FULL|database or disk is full/

test('health answers 503 while writes fail, logs the real cause, and is ok again once they work', async () => {
  expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200)
  await failWrites()
  try {
    lines.length = 0
    const res = await t.app.inject({ url: '/api/health' })
    expect(res.statusCode).toBe(503)
    expect(res.json().error.code).toBe('UNAVAILABLE')
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(lines.join('')).toMatch(realCause)
  } finally {
    await allowWrites()
  }
  expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200)
})

test('a write that fails for want of space logs the database error, not "cannot rollback"', async () => {
  await failWrites()
  try {
    lines.length = 0
    const res = await t.app.inject({ method: 'POST', url: '/api/test/health-notes', headers: { 'idempotency-key': 'health-note-0001' }, payload: { text: 'full' } })
    expect(res.statusCode).toBe(503)
    expect(res.json().error.code).toBe('UNAVAILABLE')
    const log = lines.join('')
    expect(log).toMatch(realCause)
    expect(log).not.toMatch(/cannot rollback/)
  } finally {
    await allowWrites()
  }
})
