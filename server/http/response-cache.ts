/**
 * A few seconds' memory of public answers (job lists, courses, stations, policies): most workers open the
 * same first pages, and serving those from memory spares the database the same query hundreds of times a
 * second. Any successful write through this server forgets everything, so a change is visible on the very
 * next read here; on PostgreSQL it also sends a NOTIFY, and every other server process on the database forgets
 * too, within a moment (a dedicated LISTEN connection; `ttlMs` still bounds staleness while it reconnects).
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { LRUCache } from 'lru-cache'
import { listenPg, notifyPg } from '../db/pg-listener'
import { REPLAYED_HEADER } from './idempotency'

export interface ResponseCacheOptions {
  /** How long an answer may be reused; 0 turns the cache off. */
  ttlMs: number
  /** Upper bound on memory, counted in characters of JSON. */
  maxChars?: number
  /** PostgreSQL: tell the other processes on this database to forget when this one writes. */
  shared?: { connectionString: string; scope: string | null } | null
}

export class ResponseCache {
  private readonly entries: LRUCache<string, string> | null
  /**
   * Counts clears. A read that started before a write and finishes after it holds the old data:
   * it may store its answer only if no clear happened in between.
   */
  generation = 0

  constructor({ ttlMs, maxChars = 8_000_000 }: ResponseCacheOptions) {
    this.entries = ttlMs > 0 ? new LRUCache<string, string>({ ttl: ttlMs, maxSize: maxChars, sizeCalculation: (body) => Math.max(1, body.length) }) : null
  }

  /** Lookups answered from memory and not, since start (for /metrics). */
  hits = 0
  misses = 0

  get(key: string): string | undefined {
    const found = this.entries?.get(key)
    if (found === undefined) this.misses++
    else this.hits++
    return found
  }

  set(key: string, body: string, generationAtStart: number): void {
    if (generationAtStart === this.generation) this.entries?.set(key, body)
  }

  clear(): void {
    this.generation++
    this.entries?.clear()
  }

  /** Set by installResponseCache on PostgreSQL: tells the other processes on the database to forget too. */
  tellOthers: (() => void) | null = null

  /**
   * For a write made outside a request (the scheduler's sweep): what a successful write through a route does, this
   * process forgets and the others are told.
   */
  clearEverywhere(): void {
    this.clear()
    this.tellOthers?.()
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    responseCache: ResponseCache
  }
}

const reads = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Decorates the app with the cache and empties it after every successful write, whichever route made it. */
export function installResponseCache(app: FastifyInstance, options: ResponseCacheOptions): void {
  const cache = new ResponseCache(options)
  app.decorate('responseCache', cache)
  cache.tellOthers = options.shared && options.ttlMs > 0 ? shareClears(app, cache, options.shared) : null
  // onSend runs before the answer leaves, so the writer's own next read can never see the old answer.
  app.addHook('onSend', async (req, reply) => {
    // A replayed idempotent answer wrote nothing.
    if (!reads.has(req.method) && reply.statusCode < 400 && reply.getHeader(REPLAYED_HEADER) === undefined) cache.clearEverywhere()
  })
}

/** LISTEN for other processes' writes; returns the NOTIFY this process sends after its own. */
function shareClears(app: FastifyInstance, cache: ResponseCache, target: { connectionString: string; scope: string | null }): () => void {
  const channel = target.scope ? `response_cache_${target.scope}` : 'response_cache'
  // Our own NOTIFY comes back to us too; this process has already cleared.
  const self = randomBytes(8).toString('hex')
  let listener: ReturnType<typeof listenPg> | null = null
  app.addHook('onReady', async () => {
    listener = listenPg({
      connectionString: target.connectionString,
      channel,
      applicationName: target.scope ? `wugongtong cache ${target.scope}` : 'wugongtong cache',
      log: app.log,
      onMessage: (from) => {
        if (from !== self) cache.clear()
      },
      // Writes elsewhere may have gone unheard while the connection was down.
      onReconnect: () => cache.clear(),
    })
    await listener.ready
  })
  app.addHook('onClose', async () => {
    await listener?.close()
  })
  return () => {
    // Not awaited: the writer's answer does not wait for the others; a failed NOTIFY leaves them the TTL.
    notifyPg(app.db, channel, self).catch((error: unknown) => app.log.warn({ error: (error as Error).message }, 'cache clear not sent to other processes'))
  }
}

/**
 * The key of a cacheable answer: the exact URL, and the minute on the app's clock, so that answers that
 * depend on the date (expired postings, past departures) are never served across a change of day.
 */
export function responseCacheKey(url: string, now: Date): string {
  return `${Math.floor(now.getTime() / 60_000)} ${url}`
}
