/**
 * Conditional reads through route(): every GET's JSON carries the ETag of the body sent; If-None-Match naming it is a
 * 304 with no body, also when the answer was remembered (the check skipped) and from the public response cache; a
 * changed answer is a 200 with a new ETag; columns the contract strips never reach the ETag's body.
 */
import { z } from 'zod/mini'
import { endpoint } from '../../types'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { etagOf } from './etag'
import { FileAnswer } from './file-answer'
import { route } from './route'

const person = endpoint({ method: 'GET', path: '/test/person', access: 'public', summary: 'test only', response: z.object({ name: z.string() }) })
const cachedList = endpoint({ method: 'GET', path: '/test/cached', access: 'public', summary: 'test only', response: z.object({ n: z.number() }) })
const mine = endpoint({ method: 'GET', path: '/test/mine', access: 'optional', summary: 'test only', response: z.object({ applied: z.boolean() }) })
const mineKeptNowhere = endpoint({ method: 'GET', path: '/test/mine-kept-nowhere', access: 'optional', summary: 'test only', response: z.object({ applied: z.boolean() }) })
const sheetOrList = endpoint({
  method: 'GET',
  path: '/test/sheet-or-list',
  access: 'optional',
  summary: 'test only',
  files: ['csv'],
  response: z.object({ rows: z.number() }),
})
const made = endpoint({ method: 'POST', path: '/test/made', access: 'public', summary: 'test only', response: z.object({ ok: z.boolean() }) })

jest.setTimeout(60000)

let t: TestApp
let name = '张大山'
let handled = 0
let cachedCalls = 0

beforeAll(async () => {
  t = await buildTestApp({
    routes: (app) => {
      // The handler's answer has a column the contract does not list: the check strips it.
      route(app, person, () => {
        handled++
        return { name, phone: '13900000002' } as never
      })
      route(app, cachedList, () => ({ n: ++cachedCalls }), { cache: true })
      route(app, made, () => ({ ok: true }))
      route(app, mine, () => ({ applied: false }))
      route(app, sheetOrList, ({ req }) => (req.url.includes('file=1') ? new FileAnswer('csv', '名单', 'list', 'a,b\n') : { rows: 2 }))
      route(app, mineKeptNowhere, ({ reply }) => {
        reply.header('cache-control', 'no-store')
        return { applied: false }
      })
    },
  })
})
afterAll(() => t.close())

const get = (url: string, etag?: string) => t.app.inject({ url, headers: etag ? { 'if-none-match': etag } : {} })

test('a GET answer carries the ETag of the body sent; naming it again is a 304 with no body, until the answer changes', async () => {
  const first = await get('/api/test/person')
  expect(first.statusCode).toBe(200)
  expect(first.body).toBe('{"name":"张大山"}')
  expect(first.headers.etag).toBe(etagOf('{"name":"张大山"}'))
  const etag = String(first.headers.etag)
  for (let i = 0; i < 3; i++) {
    const again = await get('/api/test/person', etag)
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers.etag).toBe(etag)
  }
  // The handler runs every time: that is how the server knows the answer is the same.
  expect(handled).toBe(4)
  expect((await get('/api/test/person', '"something-else"')).statusCode).toBe(200)
  name = '李春花'
  const changed = await get('/api/test/person', etag)
  expect(changed.statusCode).toBe(200)
  expect(changed.json()).toEqual({ name: '李春花' })
  expect(changed.headers.etag).toBe(etagOf('{"name":"李春花"}'))
  expect(changed.body).not.toContain('139')
})

test('the public response cache answers a repeat with a 304 too; writes carry no ETag', async () => {
  const first = await get('/api/test/cached')
  const etag = String(first.headers.etag)
  const again = await get('/api/test/cached', etag)
  expect(again.statusCode).toBe(304)
  expect(cachedCalls).toBe(1)
  const post = await t.app.inject({ method: 'POST', url: '/api/test/made' })
  expect(post.statusCode).toBe(200)
  expect(post.headers.etag).toBeUndefined()
})

test('an answer that depends on who asks is kept by no shared cache and checked before reuse, its 304 too; a public one says nothing', async () => {
  const first = await get('/api/test/mine')
  expect(first.headers['cache-control']).toBe('private, no-cache')
  expect(String(first.headers.vary)).toMatch(/authorization/i)
  // The second repeat is answered from the route's memory of the first (the check skipped): the same headers.
  for (let i = 0; i < 2; i++) {
    const again = await get('/api/test/mine', String(first.headers.etag))
    expect(again.statusCode).toBe(304)
    expect(again.headers['cache-control']).toBe('private, no-cache')
    expect(String(again.headers.vary)).toMatch(/authorization/i)
  }
  // A handler's own stricter choice stands.
  expect((await get('/api/test/mine-kept-nowhere')).headers['cache-control']).toBe('no-store')
  expect((await get('/api/test/person')).headers['cache-control']).toBeUndefined()
  // A download endpoint's JSON view: no ETag (its URL may answer a file), kept no more than the rest.
  const list = await get('/api/test/sheet-or-list')
  expect(list.headers.etag).toBeUndefined()
  expect(list.headers['cache-control']).toBe('private, no-cache')
  // The file itself: never kept, no ETag, and no 304 whatever the caller names.
  const file = await get('/api/test/sheet-or-list?file=1', '*')
  expect(file.statusCode).toBe(200)
  expect(file.body).toBe('a,b\n')
  expect(file.headers.etag).toBeUndefined()
  expect(file.headers['cache-control']).toBe('no-store')
})
