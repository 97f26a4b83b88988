/**
 * GET /metrics in Prometheus text format: requests, latency and errors per route pattern (never the raw URL, so a
 * crawler cannot grow the label set), the database pool on PostgreSQL, the response cache's hits, the tab pages
 * assembled or reused, and Node's own process metrics. Open only to METRICS_ALLOW addresses (loopback by default) or
 * to a METRICS_TOKEN bearer.
 */
import { timingSafeEqual } from 'node:crypto'
import { BlockList, isIP } from 'node:net'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { Database } from '../db/database'
import { AppError } from './app-error'

export interface MetricsConfig {
  /** Addresses and CIDRs that may read /metrics without a token. */
  allow: string[]
  /** A bearer token that opens /metrics from anywhere (a Prometheus on another machine). */
  token: string | null
}

function allowList(entries: string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4')
      list.addAddress('::1', 'ipv6')
      continue
    }
    const [address, bits] = entry.split('/')
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(bits), type)
  }
  return list
}

const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')
const inList = (list: BlockList, address: string) => {
  const plain = plainAddress(address.trim())
  const family = isIP(plain)
  return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4')
}

/**
 * The direct peer and every address named in X-Forwarded-For must be allowed: a request that came through nginx from
 * outside names an outside client and is refused, whatever TRUST_PROXY says.
 */
function mayRead(req: FastifyRequest, list: BlockList, token: string | null): boolean {
  const auth = req.headers.authorization
  if (token && auth?.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice('Bearer '.length))
    const wanted = Buffer.from(token)
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) return true
  }
  const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').filter((a) => a.trim())
  return [req.socket.remoteAddress ?? '', ...forwarded].every((a) => inList(list, a))
}

export function installMetrics(app: FastifyInstance, database: Pick<Database, 'poolStats'>, config: MetricsConfig): void {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({ name: 'wgt_http_requests_total', help: 'Requests answered, by route pattern and status', labelNames: ['method', 'route', 'status'], registers: [registry] })
  const errors = new Counter({ name: 'wgt_http_request_errors_total', help: 'Requests answered with a 5xx, by route pattern', labelNames: ['method', 'route'], registers: [registry] })
  const latency = new Histogram({
    name: 'wgt_http_request_duration_seconds',
    help: 'Time to answer, by route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  })
  const cache = app.responseCache
  new Counter({
    name: 'wgt_response_cache_lookups_total',
    help: 'Response cache lookups, answered from memory (hit) or not (miss)',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      this.reset()
      this.inc({ result: 'hit' }, cache.hits)
      this.inc({ result: 'miss' }, cache.misses)
    },
  })
  /** A count by result kept on the app, read at each scrape (its owner may be registered after the metrics). */
  const countedBy = (name: string, help: string, read: () => Record<string, number>) =>
    new Counter({
      name,
      help,
      labelNames: ['result'],
      registers: [registry],
      collect() {
        this.reset()
        for (const [result, n] of Object.entries(read())) this.inc({ result }, n)
      },
    })
  countedBy('wgt_first_screen_pages_total', 'Tab pages sent with their first screen: assembled, or reused while their reads were unchanged', () => ({
    assembled: app.firstScreenPages?.assembled ?? 0,
    reused: app.firstScreenPages?.reused ?? 0,
  }))
  countedBy('wgt_job_cards_total', 'Job cards in list answers: built from their rows, or reused while nothing they are made of changed', () => ({
    built: app.jobCards?.built ?? 0,
    reused: app.jobCards?.reused ?? 0,
  }))
  const pool = database.poolStats
  if (pool) {
    new Gauge({
      name: 'wgt_db_pool_connections',
      help: 'PostgreSQL pool: connections open, idle, in use, requests waiting for one, and the limit',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const s = pool()
        this.set({ state: 'open' }, s.total)
        this.set({ state: 'idle' }, s.idle)
        this.set({ state: 'in_use' }, s.total - s.idle)
        this.set({ state: 'waiting' }, s.waiting)
        this.set({ state: 'max' }, s.max)
      },
    })
  }

  app.addHook('onResponse', async (req, reply) => {
    // The pattern (/api/jobs/:id), never the URL; anything unrouted shares one label.
    const route = req.routeOptions.url ?? 'unmatched'
    const method = req.method
    requests.inc({ method, route, status: String(reply.statusCode) })
    if (reply.statusCode >= 500) errors.inc({ method, route })
    latency.observe({ method, route }, reply.elapsedTime / 1000)
  })

  const list = allowList(config.allow)
  app.get('/metrics', async (req, reply) => {
    if (!mayRead(req, list, config.token)) throw new AppError('FORBIDDEN', '没有权限查看')
    return reply.header('Cache-Control', 'no-store').type(registry.contentType).send(await registry.metrics())
  })
}
