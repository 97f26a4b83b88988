/**
 * Answers kept by their ETag, for routes whose ETag comes from a validator read before the handler (route()'s
 * `validator`): the JSON as sent and its gzip, so callers holding the same validator share one build, one contract
 * check, one serialising and one compression. Four officers reading one village's list of 960 people at once cost
 * one build; the rest wait for it rather than building it again.
 */
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { LRUCache } from 'lru-cache'

const gzipAsync = promisify(gzip)

/** Below this @fastify/compress sends a body as it is (its `threshold` in app.ts): not worth a kept gzip either. */
const COMPRESS_FROM_BYTES = 1024

export interface BuiltAnswer {
  json: Buffer
  /** Made once, off the main thread (zlib's pool), when the answer is built; null for a small answer. */
  gzip: Buffer | null
}

export class BuiltAnswers {
  private readonly kept: LRUCache<string, BuiltAnswer>
  private readonly building = new Map<string, Promise<BuiltAnswer>>()

  constructor(maxBytes = 48 * 1024 * 1024) {
    this.kept = new LRUCache<string, BuiltAnswer>({ maxSize: maxBytes, sizeCalculation: (a) => a.json.length + (a.gzip?.length ?? 0) + 200 })
  }

  /** The answer kept under `etag`, or `build`'s, built once however many ask while it is being built. */
  async get(etag: string, build: () => Promise<string>): Promise<BuiltAnswer> {
    const hit = this.kept.get(etag) ?? this.building.get(etag)
    if (hit) return hit
    const pending = (async () => {
      const json = Buffer.from(await build())
      const answer = { json, gzip: json.length >= COMPRESS_FROM_BYTES ? await gzipAsync(json) : null }
      this.kept.set(etag, answer)
      return answer
    })()
    this.building.set(etag, pending)
    try {
      return await pending
    } finally {
      this.building.delete(etag)
    }
  }

  /** How many answers are kept (tests). */
  get size(): number {
    return this.kept.size
  }
}

/** Whether the caller takes gzip (`gzip;q=0` refuses it). */
function acceptsGzip(req: FastifyRequest): boolean {
  const header = req.headers['accept-encoding']
  if (typeof header !== 'string') return false
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';')
    if (name.trim().toLowerCase() !== 'gzip') return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

/**
 * A kept answer, its gzip when the caller takes it. The Content-Encoding set here tells @fastify/compress the body is
 * already compressed (it leaves it alone); without gzip the plain JSON goes through compress as any other answer.
 */
export function sendBuilt(req: FastifyRequest, reply: FastifyReply, status: number, etag: string, answer: BuiltAnswer) {
  reply.header('etag', etag).header('vary', 'accept-encoding').type('application/json; charset=utf-8').status(status)
  if (answer.gzip && req.headers['x-no-compression'] === undefined && acceptsGzip(req)) return reply.header('content-encoding', 'gzip').send(answer.gzip)
  return reply.send(answer.json)
}
