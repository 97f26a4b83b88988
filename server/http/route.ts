/**
 * Registers a contract endpoint (types/) under /api. Input is parsed with the endpoint's zod
 * schemas (Fastify's own JSON-schema validation is not used), output with its response schema,
 * so a column the contract doesn't list can never leak.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod/mini'
import { type Access, type AccessOf, type Endpoint, fieldErrors, type ParsedRequestOf, type ReplyOf } from '../../types'
import type { DB } from '../db/schema'
import { AppError, validationFailed } from './app-error'
import { BuiltAnswers, sendBuilt } from './built-answers'
import { authenticate, type CallerFor } from './caller'
import { CheckedEtags, etagOf, matchesIfNoneMatch } from './etag'
import { FileAnswer } from './file-answer'
import { runIdempotent } from './idempotency'
import { responseCacheKey } from './response-cache'

export type HandlerContext<E> = ParsedRequestOf<E> & {
  req: FastifyRequest
  reply: FastifyReply
  /**
   * Where to read and write. On idempotent endpoints it is the transaction that also stores
   * the response, so every write must go through it; elsewhere it is the app's database.
   */
  trx: Kysely<DB>
  /** The signed-in caller: a worker on 'worker' endpoints, staff on 'staff', either or null on 'optional'. */
  caller: CallerFor<AccessOf<E>>
}

/** JSON checked by the endpoint's response schema, or, where the endpoint declares `files`, a download. */
export type Handler<E> = (ctx: HandlerContext<E>) => Promise<ReplyOf<E> | FileAnswer | AssembledJson> | ReplyOf<E> | FileAnswer | AssembledJson

/**
 * An answer a handler assembled as JSON from parts it checked against the contract itself (job cards kept as checked
 * JSON: jobs/job-cards.ts), so it is not parsed and serialised again. Under test the whole answer is still parsed
 * with the endpoint's schema, so an assembly that breaks the contract fails the tests of that endpoint.
 */
export class AssembledJson {
  constructor(readonly json: string) {}
}

export const API_PREFIX = '/api'

/** Deeper than any form the app sends; a body nested past it is refused before anything walks it. */
const MAX_DEPTH = 32

/**
 * Where a string (or key) holds a NUL character, if anywhere. PostgreSQL cannot store one in text and
 * fails the whole statement (a 500), SQLite would keep it: refusing it here keeps both databases alike.
 * Walked with a stack rather than recursion, so a body nested thousands deep cannot overflow the call stack.
 */
function nulAt(input: unknown): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }]
  while (stack.length) {
    const { value, path, depth } = stack.pop()!
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || '内容'
      continue
    }
    if (!value || typeof value !== 'object') continue
    if (depth >= MAX_DEPTH) throw new AppError('VALIDATION_FAILED', '提交的内容层次太多，请检查后重新提交')
    const entries = Object.entries(value)
    // Pushed in reverse so the first field is looked at first, as before.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i]
      const at = path ? `${path}.${key}` : key
      if (key.includes('\u0000')) return at
      stack.push({ value: inner, path: at, depth: depth + 1 })
    }
  }
  return null
}

function parsePart(schema: z.core.$ZodType | undefined, input: unknown): unknown {
  if (!schema) return undefined
  const nul = nulAt(input)
  if (nul) throw validationFailed({ [nul]: '内容里有无法识别的字符，请删掉后重新填写' })
  const result = z.safeParse(schema, input ?? {})
  if (!result.success) throw validationFailed(fieldErrors(result.error))
  return result.data
}

/** What a validator reads from: the request as the handler gets it, on the app's database. */
export type ValidatorContext<E> = ParsedRequestOf<E> & { req: FastifyRequest; reply: FastifyReply; db: Kysely<DB>; caller: CallerFor<AccessOf<E>> }

export interface RouteOptions<E extends Endpoint = Endpoint> {
  /**
   * Answer repeats of the same URL from the response cache for a few seconds, when the answer is the same for
   * every caller: `true` on public reads; `'anonymous'` on reads whose answer is personal only for a signed-in
   * caller (a posting with "you applied"), cached for callers without a token.
   */
  cache?: true | 'anonymous'
  /**
   * A GET's version stamp, read before the handler and far cheaper than it (a few numbers over what the answer is
   * made of): every change that would change the answer must change it, and so must anything the answer depends on
   * about the caller. It authorises as the handler does (its errors are the answer). The ETag is a hash of it, so a
   * matching If-None-Match is a 304 without the handler, and the answer built is kept by that ETag (built-answers.ts)
   * for everyone who holds the same stamp.
   */
  validator?: (ctx: ValidatorContext<E>) => Promise<string>
}

export function route<E extends Endpoint>(app: FastifyInstance, endpoint: E, handler: Handler<E>, options: RouteOptions<E> = {}): void {
  const { cache, validator } = options
  const allowed = cache === undefined || (endpoint.method === 'GET' && endpoint.access === (cache === true ? 'public' : 'optional'))
  if (!allowed) throw new Error(`${endpoint.method} ${endpoint.path}: only public GET answers may be cached, or optional ones for anonymous callers`)
  if (endpoint.files && (endpoint.idempotent || cache)) throw new Error(`${endpoint.method} ${endpoint.path}: a download is neither replayed nor cached`)
  if (validator && (endpoint.method !== 'GET' || endpoint.files || endpoint.idempotent || cache)) {
    throw new Error(`${endpoint.method} ${endpoint.path}: a validator is for JSON GETs, neither replayed nor in the response cache`)
  }
  // GET answers carry an ETag; a repeat with If-None-Match gets a 304 (etag.ts). With a validator the ETag comes from it.
  const etags = endpoint.method === 'GET' && !endpoint.files && !validator ? new CheckedEtags() : null
  const built = validator ? new BuiltAnswers() : null
  const assembled = (answer: AssembledJson): CheckedJson => {
    if (app.config.checkAssembledAnswers) {
      const checked = z.safeParse(endpoint.response, JSON.parse(answer.json))
      if (!checked.success) throw new Error(`${endpoint.method} ${endpoint.path}: assembled response breaks the contract: ${JSON.stringify(fieldErrors(checked.error))}`)
    }
    return new CheckedJson(answer.json)
  }
  app.route({
    method: endpoint.method,
    url: API_PREFIX + endpoint.path,
    handler: async (req, reply) => {
      const cached = cache === true || (cache === 'anonymous' && req.headers.authorization === undefined)
      const cacheKey = cached ? responseCacheKey(req.url, app.clock()) : ''
      const generation = app.responseCache.generation
      if (cached) {
        const hit = app.responseCache.get(cacheKey)
        if (hit !== undefined) return sendJson(req, reply, endpoint.status ?? 200, hit, endpoint.access)
      }
      // Before the input is parsed: a caller without access learns nothing about the endpoint.
      const caller = (await authenticate(app, req, endpoint.access, `${endpoint.method} ${endpoint.path}`)) as CallerFor<AccessOf<E>>
      const parsed = {
        params: parsePart(endpoint.params, req.params),
        query: parsePart(endpoint.query, req.query),
        body: endpoint.body ? parsePart(endpoint.body, req.body) : undefined,
      } as ParsedRequestOf<E>
      const status = endpoint.status ?? 200

      if (validator) {
        const stamp = await validator({ ...parsed, req, reply, db: app.db, caller })
        const etag = etagOf(`${endpoint.method} ${endpoint.path}\n${stamp}`)
        if (matchesIfNoneMatch(req, etag)) return reply.status(304).header('etag', etag).send()
        const answer = await built!.get(etag, async () => {
          const result = await handler({ ...parsed, req, reply, trx: app.db, caller })
          if (result instanceof FileAnswer) throw new Error(`${endpoint.method} ${endpoint.path}: a validated read answers JSON`)
          if (result instanceof AssembledJson) return assembled(result).json
          const checked = z.safeParse(endpoint.response, result)
          if (!checked.success) throw new Error(`${endpoint.method} ${endpoint.path}: response breaks the contract: ${JSON.stringify(fieldErrors(checked.error))}`)
          return JSON.stringify(checked.data)
        })
        return sendBuilt(req, reply, status, etag, answer)
      }

      /** The handler's answer, checked by the contract; NotModified when the caller already holds it (If-None-Match). */
      const respond = async (trx: Kysely<DB>) => {
        const result = await handler({ ...parsed, req, reply, trx, caller })
        if (result instanceof FileAnswer) return result
        if (result instanceof AssembledJson) return assembled(result)
        const seenKey = etags && req.headers['if-none-match'] ? etags.keyOf(result) : null
        if (seenKey !== null) {
          const known = etags!.get(seenKey)
          if (known !== undefined && matchesIfNoneMatch(req, known)) return new NotModified(known)
        }
        const checked = z.safeParse(endpoint.response, result)
        if (!checked.success) {
          throw new Error(`${endpoint.method} ${endpoint.path}: response breaks the contract: ${JSON.stringify(fieldErrors(checked.error))}`)
        }
        if (seenKey === null) return checked.data
        const json = JSON.stringify(checked.data)
        etags!.set(seenKey, etagOf(json))
        return new CheckedJson(json)
      }

      if (endpoint.idempotent) {
        return runIdempotent(app, req, reply, endpoint.path, parsed, app.clock(), async (trx) => ({
          status,
          // route() refuses `files` on an idempotent endpoint, so this is always JSON.
          body: await respond(trx).then((answer) => (answer instanceof CheckedJson ? answer.json : JSON.stringify(answer))),
        }))
      }
      const body = await respond(app.db)
      if (body instanceof NotModified) return keptBy(reply, endpoint.access).status(304).header('etag', body.etag).send()
      if (body instanceof FileAnswer) {
        if (!endpoint.files?.includes(body.format)) throw new Error(`${endpoint.method} ${endpoint.path}: the contract declares no ${body.format} download`)
        // Downloads are staff lists of people: never kept by a browser or a proxy.
        return reply.status(200).header('cache-control', 'no-store').type(body.contentType).header('content-disposition', body.disposition).send(body.body)
      }
      // A download endpoint's JSON view (no ETag: the same URL may answer a file) is kept no more than any other read.
      if (!etags && !cached) return (endpoint.method === 'GET' ? keptBy(reply, endpoint.access) : reply).status(status).send(body)
      const json = body instanceof CheckedJson ? body.json : JSON.stringify(body)
      if (cached) app.responseCache.set(cacheKey, json, generation)
      return sendJson(req, reply, status, json, endpoint.access)
    },
  })
}

/** The caller's If-None-Match names the answer they would get. */
class NotModified {
  constructor(readonly etag: string) {}
}

/** A checked answer already serialised (for its ETag): sent as it is. */
class CheckedJson {
  constructor(readonly json: string) {}
}

/**
 * Who may keep a GET's answer. One for a signed-in caller is theirs: no shared cache may keep it, and a copy the
 * browser keeps is checked with the server (its ETag) before each reuse. An optional endpoint's answer differs with
 * the token, so a cache keys it by that too. A handler's own stricter choice (no-store) stands. The 304 says the same.
 */
function keptBy(reply: FastifyReply, access: Access): FastifyReply {
  if (access === 'public') return reply
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-cache')
  if (access === 'optional') reply.header('vary', 'Authorization')
  return reply
}

/** A GET's JSON with its ETag, or a 304 when the caller holds that very answer. */
function sendJson(req: FastifyRequest, reply: FastifyReply, status: number, json: string, access: Access) {
  const etag = etagOf(json)
  keptBy(reply, access).header('etag', etag)
  if (status === 200 && matchesIfNoneMatch(req, etag)) return reply.status(304).send()
  return reply.status(status).type('application/json; charset=utf-8').send(json)
}
