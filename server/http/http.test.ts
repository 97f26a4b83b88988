import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { z } from 'zod/mini'
import { api, defaultMessage, endpoint, errorBody } from '../../types'
import { buildTestApp, type TestApp, usesPostgres } from '../test-support/test-app'
import { route } from './route'

const echo = endpoint({
  method: 'POST',
  path: '/test/echo',
  access: 'public',
  summary: 'test only',
  body: z.object({ text: z.string().check(z.maxLength(200_000)) }),
  response: z.object({ length: z.number() }),
})
const boom = endpoint({
  method: 'GET',
  path: '/test/boom',
  access: 'public',
  summary: 'test only',
  response: z.object({ ok: z.boolean() }),
})
const leaky = endpoint({
  method: 'GET',
  path: '/test/leaky',
  access: 'public',
  summary: 'test only',
  response: z.object({ name: z.string() }),
})

describe('http basics', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp({
      routes: (app) => {
        route(app, echo, ({ body }) => ({ length: body.text.length }))
        route(app, boom, async () => {
          throw new Error('relation "secret_table" does not exist: select * from secret_table')
        })
        route(app, leaky, () => ({ name: 'x', employer_phone: '13900000002' }) as never)
      },
    })
  })
  afterAll(() => t.close())

  test('health does a real query and names the dialect', async () => {
    const res = await t.app.inject({ url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(z.parse(api.health.response, res.json())).toEqual({ status: 'ok', db: usesPostgres() ? 'postgres' : 'sqlite' })
  })

  test('unknown /api path is a JSON 404 in the error shape', async () => {
    const res = await t.app.inject({ url: '/api/nope' })
    expect(res.statusCode).toBe(404)
    expect(z.parse(errorBody, res.json())).toEqual({ error: { code: 'NOT_FOUND', message: defaultMessage.NOT_FOUND } })
  })

  test('missing record is a 404 with a Chinese message', async () => {
    const res = await t.app.inject({ url: '/api/jobs/999999' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('NOT_FOUND')
    expect(res.json().error.message).toMatch(/没有找到/)
  })

  test('malformed JSON is a 400 VALIDATION_FAILED', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/json' }, payload: '{"text": ' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  test('JSON nested thousands deep is a 400 in plain words, not a 500', async () => {
    for (const [open, close] of [['[', ']'], ['{"a":', '}']]) {
      const payload = `{"text":"x","extra":${open.repeat(5000)}1${close.repeat(5000)}}`
      const res = await t.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/json' }, payload })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION_FAILED')
      expect(res.json().error.message).toMatch(/层/)
    }
    // An ordinary nested body is still read.
    const fine = await t.app.inject({ method: 'POST', url: '/api/test/echo', payload: { text: 'ok', extra: [[{ a: [1] }]] } })
    expect(fine.json()).toEqual({ length: 2 })
  })

  test('a body that fails the schema names the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/test/echo', payload: { text: 5 } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual({ text: '格式不对，请重新填写' })
  })

  test('unsupported media type is a 400 VALIDATION_FAILED', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/x-foo' }, payload: 'x' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })

  test('a body over the limit is a 413', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/test/echo', payload: { text: 'x'.repeat(100_000) } })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: defaultMessage.PAYLOAD_TOO_LARGE } })
  })

  test('an internal error is a 500 with nothing internal in the body', async () => {
    const res = await t.app.inject({ url: '/api/test/boom' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: defaultMessage.INTERNAL } })
    expect(res.body).not.toMatch(/secret_table|select|at |\.ts/)
  })

  test('the response schema strips what the contract does not list', async () => {
    const res = await t.app.inject({ url: '/api/test/leaky' })
    expect(res.json()).toEqual({ name: 'x' })
  })

  test('responses are compressed when large and asked for', async () => {
    const res = await t.app.inject({ url: '/api/stations', headers: { 'accept-encoding': 'gzip' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
  })
})

describe('static portal', () => {
  let t: TestApp
  let webRoot: string
  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-web-'))
    fs.mkdirSync(path.join(webRoot, 'js'))
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>务工通</title>')
    fs.writeFileSync(path.join(webRoot, 'js', 'app.3f2a9c1b.js'), 'console.log(1)')
    t = await buildTestApp({ webRoot, seed: false })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(webRoot, { recursive: true, force: true })
  })

  test('/ serves index.html, not cached', async () => {
    const res = await t.app.inject({ url: '/' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<title>务工通</title>')
    expect(res.headers['cache-control']).toBe('no-cache')
  })

  test('a browser-history deep link gets index.html', async () => {
    const res = await t.app.inject({ url: '/packages/jobs/pages/detail/index?id=1', headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.body).toContain('<title>务工通</title>')
    expect(res.headers['cache-control']).toBe('no-cache')
  })

  test('hashed assets are immutable', async () => {
    const res = await t.app.inject({ url: '/js/app.3f2a9c1b.js' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  test('a missing asset is a 404, not index.html', async () => {
    const res = await t.app.inject({ url: '/js/gone.12345678.js', headers: { accept: '*/*' } })
    expect(res.statusCode).toBe(404)
  })

  test('/api/nope stays a JSON 404', async () => {
    const res = await t.app.inject({ url: '/api/nope', headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('NOT_FOUND')
  })
})

describe('portal not built', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp({ seed: false })
  })
  afterAll(() => t.close())

  test('says so in Chinese', async () => {
    const res = await t.app.inject({ url: '/', headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('npm run build:h5')
    expect(res.body).toContain('还没有构建')
  })
})

describe('logging', () => {
  test('phone and ID numbers in URLs are masked; tokens are not logged', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const t = await buildTestApp({ logger: { level: 'debug', stream }, seed: false })
    try {
      await t.app.inject({ url: '/api/jobs?q=13900000002', headers: { authorization: 'Bearer sekrit-token' } })
      await t.app.inject({ url: '/api/jobs?q=620524199001011234' })
      await t.app.inject({ url: '/api/jobs?q=%31%33%39%30%30%30%30%30%30%30%32' })
    } finally {
      await t.close()
    }
    const log = lines.join('')
    expect(log).toContain('139****0002')
    expect(log).not.toContain('13900000002')
    expect(log).toContain('620524********1234')
    expect(log).not.toContain('620524199001011234')
    expect(log).not.toContain('%31%33%39%30%30%30%30%30%30%30%32')
    expect(log).not.toContain('sekrit-token')
  })
})
