/**
 * Idempotency-Key for writes that create something. The key is claimed by inserting its row
 * first thing in the handler's transaction and filled with the response before commit, so the
 * stored answer and the handler's writes commit or vanish together. A concurrent duplicate
 * blocks on (PostgreSQL) or is serialised behind (SQLite) the unique (scope, key), gets the
 * violation, and replays what the winner stored.
 *
 * The stored answer can name a worker (a staff transition returns the applicant's phone and name), so it is
 * encrypted with the data key like every other personal field, and keys are pruned after their retention.
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { DataKeys } from '../accounts/crypto'
import type { DB } from '../db/schema'
import { isUniqueViolation } from '../db/dialect'
import { AppError, validationFailed } from './app-error'
import { callerScope } from './caller-scope'
import { claimIdempotencyKey, deleteIdempotencyKeysBefore, findIdempotencyKey, storeIdempotentResponse } from './idempotency.repository'

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/
const IDEMPOTENCY_HEADER = 'idempotency-key'
export const REPLAYED_HEADER = 'idempotent-replayed'

function readIdempotencyKey(req: FastifyRequest): string {
  const key = req.headers[IDEMPOTENCY_HEADER]
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw validationFailed({ 'Idempotency-Key': '缺少请求编号（8 到 100 个字母、数字、- 或 _），请刷新后重试' })
  }
  return key
}

/** Key order must not change the hash: the same request sent by another client is the same request. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export interface StoredResponse {
  status: number
  body: string
}

/** Answers stored before they were encrypted are plain JSON; every new one is ciphertext. */
function readStoredBody(keys: DataKeys, stored: string): string {
  return stored.startsWith('{') || stored.startsWith('[') ? stored : keys.decrypt(stored)
}

export async function runIdempotent(
  app: Pick<FastifyInstance, 'db' | 'keys'>,
  req: FastifyRequest,
  reply: FastifyReply,
  pathTemplate: string,
  request: { query: unknown; body: unknown },
  now: Date,
  work: (trx: Kysely<DB>) => Promise<StoredResponse>,
): Promise<FastifyReply> {
  const key = readIdempotencyKey(req)
  const scope = `${callerScope(req)} ${req.method} ${pathTemplate} ${stableJson(req.params ?? {})}`
  const requestHash = createHash('sha256').update(stableJson(request)).digest('hex')

  // Returns the stored answer rather than the sent reply: Fastify's reply is thenable, so awaiting it would
  // yield undefined and the caller would go on to write again.
  const earlierAnswer = async (): Promise<StoredResponse | null> => {
    const row = await findIdempotencyKey(app.db, scope, key)
    if (!row) return null
    if (row.request_hash !== requestHash) {
      throw new AppError('CONFLICT', '这个请求编号已经用于另一份内容，请刷新后重新提交')
    }
    return { status: row.status_code, body: readStoredBody(app.keys, row.response_body) }
  }
  const replay = (answer: StoredResponse) =>
    reply.status(answer.status).header(REPLAYED_HEADER, 'true').type('application/json; charset=utf-8').send(answer.body)

  const earlier = await earlierAnswer()
  if (earlier) return replay(earlier)

  let stored: StoredResponse
  try {
    stored = await app.db.transaction().execute(async (trx) => {
      await claimIdempotencyKey(trx, { scope, key, requestHash, createdAt: now.toISOString() })
      const response = await work(trx)
      await storeIdempotentResponse(trx, scope, key, response.status, app.keys.encrypt(response.body))
      return response
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await earlierAnswer()
      if (winner) return replay(winner)
    }
    throw error
  }
  return reply.status(stored.status).type('application/json; charset=utf-8').send(stored.body)
}

const HOUR_MS = 60 * 60 * 1000

/** Forgets keys older than the retention: a client retries within minutes, and the answers may name a worker. */
export async function pruneIdempotencyKeys(db: Kysely<DB>, now: Date, retentionHours: number): Promise<number> {
  return deleteIdempotencyKeysBefore(db, new Date(now.getTime() - retentionHours * HOUR_MS).toISOString())
}

/** Prunes once the app is ready and then every hour; the timer never keeps the process alive and stops on close. */
export function installIdempotencySweep(app: FastifyInstance): void {
  let timer: NodeJS.Timeout | null = null
  const sweep = async () => {
    try {
      const removed = await pruneIdempotencyKeys(app.db, app.clock(), app.config.idempotencyRetentionHours)
      if (removed) app.log.info({ removed }, 'old idempotency keys removed')
    } catch (error) {
      app.log.warn({ err: error }, 'idempotency key sweep failed')
    }
  }
  app.addHook('onReady', async () => {
    void sweep()
    timer = setInterval(() => void sweep(), HOUR_MS)
    timer.unref()
  })
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer)
  })
}
