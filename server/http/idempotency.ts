/**
 * Idempotency-Key for writes that create something. The key is claimed by inserting its row
 * first thing in the handler's transaction and filled with the response before commit, so the
 * stored answer and the handler's writes commit or vanish together. A concurrent duplicate
 * blocks on (PostgreSQL) or is serialised behind (SQLite) the unique (scope, key), gets the
 * violation, and replays what the winner stored.
 */
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { isUniqueViolation } from '../db/dialect'
import { AppError, validationFailed } from './app-error'
import { callerScope } from './caller-scope'

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/
export const IDEMPOTENCY_HEADER = 'idempotency-key'

export function readIdempotencyKey(req: FastifyRequest): string {
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

export async function runIdempotent(
  db: Kysely<DB>,
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

  const replay = async (): Promise<FastifyReply | null> => {
    const row = await db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status_code', 'response_body'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst()
    if (!row) return null
    if (row.request_hash !== requestHash) {
      throw new AppError('CONFLICT', '这个请求编号已经用于另一份内容，请刷新后重新提交')
    }
    return reply
      .status(row.status_code)
      .header('Idempotent-Replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(row.response_body)
  }

  const earlier = await replay()
  if (earlier) return earlier

  let stored: StoredResponse
  try {
    stored = await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('idempotency_keys')
        .values({ scope, key, request_hash: requestHash, status_code: 0, response_body: '', created_at: now.toISOString() })
        .execute()
      const response = await work(trx)
      await trx
        .updateTable('idempotency_keys')
        .set({ status_code: response.status, response_body: response.body })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .execute()
      return response
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await replay()
      if (winner) return winner
    }
    throw error
  }
  return reply.status(stored.status).type('application/json; charset=utf-8').send(stored.body)
}
