import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'

/**
 * Who is calling, for scoping idempotency keys: the authenticated identity (`worker:12`,
 * `staff:3`) when route() resolved one; on public endpoints a hash of any bearer token
 * (never the token itself); else 'anonymous'.
 */
export function callerScope(req: FastifyRequest): string {
  const caller = req.caller
  if (caller) return caller.kind === 'worker' ? `worker:${caller.userId}` : `staff:${caller.staffId}`
  const header = req.headers.authorization
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null
  if (!match) return 'anonymous'
  return 'token:' + createHash('sha256').update(match[1]).digest('hex').slice(0, 32)
}
