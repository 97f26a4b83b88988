import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'

/**
 * Who is calling, for scoping idempotency keys. Until accounts exist this is a hash of the
 * bearer token (never the token itself) or 'anonymous'; swap in the user id here later.
 */
export function callerScope(req: FastifyRequest): string {
  const header = req.headers.authorization
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null
  if (!match) return 'anonymous'
  return 'token:' + createHash('sha256').update(match[1]).digest('hex').slice(0, 32)
}
