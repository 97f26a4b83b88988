/** GET /metrics: Prometheus text, labels by route pattern, pool and cache figures, open only to allowed addresses or the token. */
import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../config'
import { buildTestApp, type TestApp, usesPostgres } from '../test-support/test-app'

const TOKEN = 'metrics-token-0123456789abcdef'
const failing = (app: FastifyInstance) =>
  app.get('/api/test/broken/:n', async () => {
    throw new Error('broken on purpose')
  })
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ routes: failing, config: (c) => ({ ...c, metrics: { allow: ['loopback'], token: TOKEN } }) })
})
afterAll(() => t.close())

const scrape = async (options: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  t.app.inject({ url: '/metrics', remoteAddress: options.remoteAddress ?? '127.0.0.1', headers: options.headers })
const lineValue = (text: string, prefix: string) => {
  const line = text.split('\n').find((l) => l.startsWith(prefix))
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1))
}

test('requests, errors and latency are counted per route pattern, never per raw URL', async () => {
  const ids = ((await t.app.inject({ url: '/api/jobs?limit=3' })).json().items as { id: number }[]).map((j) => j.id)
  for (const id of ids) expect((await t.app.inject({ url: `/api/jobs/${id}` })).statusCode).toBe(200)
  for (let i = 0; i < 5; i++) await t.app.inject({ url: `/api/no-such-thing-${i}` })
  for (let i = 0; i < 2; i++) expect((await t.app.inject({ url: `/api/test/broken/${i}` })).statusCode).toBe(500)

  const res = await scrape()
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
  const text = res.body
  expect(lineValue(text, 'wgt_http_requests_total{method="GET",route="/api/jobs/:id",status="200"}')).toBe(ids.length)
  expect(lineValue(text, 'wgt_http_request_errors_total{method="GET",route="/api/test/broken/:n"}')).toBe(2)
  expect(lineValue(text, 'wgt_http_request_duration_seconds_count{method="GET",route="/api/jobs/:id"}')).toBe(ids.length)
  expect(text).toMatch(/wgt_http_request_duration_seconds_bucket\{le="0\.05",method="GET",route="\/api\/jobs\/:id"\} \d+/)
  // Bounded labels: no id, no unrouted path.
  for (const id of ids) expect(text).not.toContain(`/api/jobs/${id}"`)
  expect(text).not.toContain('no-such-thing')
  expect(text).toContain('process_cpu_user_seconds_total')
})

test('the response cache hit rate is there', async () => {
  const before = await scrape()
  const hits = (text: string) => lineValue(text, 'wgt_response_cache_lookups_total{result="hit"}') ?? 0
  await t.app.inject({ url: '/api/jobs?limit=7' })
  await t.app.inject({ url: '/api/jobs?limit=7' })
  await t.app.inject({ url: '/api/jobs?limit=7' })
  const after = await scrape()
  expect(hits(after.body) - hits(before.body)).toBe(2)
  expect(lineValue(after.body, 'wgt_response_cache_lookups_total{result="miss"}')).toBeGreaterThanOrEqual(1)
})

;(usesPostgres() ? test : test.skip)('PostgreSQL: the pool’s connections', async () => {
  const text = (await scrape()).body
  expect(lineValue(text, 'wgt_db_pool_connections{state="max"}')).toBe(10)
  expect(lineValue(text, 'wgt_db_pool_connections{state="open"}')).toBeGreaterThanOrEqual(1)
  expect(lineValue(text, 'wgt_db_pool_connections{state="waiting"}')).toBe(0)
})

test('only loopback by default, or with the token; a request through a proxy from outside is refused', async () => {
  expect((await scrape({ remoteAddress: '::1' })).statusCode).toBe(200)
  expect((await scrape({ remoteAddress: '::ffff:127.0.0.1' })).statusCode).toBe(200)
  const outside = await scrape({ remoteAddress: '203.0.113.5' })
  expect(outside.statusCode).toBe(403)
  expect(outside.body).not.toContain('wgt_')
  expect((await scrape({ remoteAddress: '203.0.113.5', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200)
  expect((await scrape({ remoteAddress: '203.0.113.5', headers: { authorization: `Bearer ${TOKEN}x` } })).statusCode).toBe(403)
  // nginx on this machine passing on an outside client (or a client naming loopback itself from outside).
  expect((await scrape({ headers: { 'x-forwarded-for': '198.51.100.7' } })).statusCode).toBe(403)
  expect((await scrape({ remoteAddress: '203.0.113.5', headers: { 'x-forwarded-for': '127.0.0.1' } })).statusCode).toBe(403)
})

test('METRICS_ALLOW names a Prometheus on the private network; a wrong entry stops start-up', async () => {
  const other = await buildTestApp({ seed: false, config: (c) => ({ ...c, metrics: loadConfig({ METRICS_ALLOW: '10.0.0.0/8' }).metrics }) })
  try {
    expect((await other.app.inject({ url: '/metrics', remoteAddress: '10.2.3.4' })).statusCode).toBe(200)
    expect((await other.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(403)
    expect((await other.app.inject({ url: '/metrics', remoteAddress: '10.2.3.4', headers: { authorization: 'Bearer anything' } })).statusCode).toBe(200)
  } finally {
    await other.close()
  }
  expect(loadConfig({}).metrics).toEqual({ allow: ['loopback'], token: null })
  expect(() => loadConfig({ METRICS_ALLOW: 'prometheus.local' })).toThrow(/METRICS_ALLOW/)
})
