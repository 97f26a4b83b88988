/**
 * Is the caller on this machine? Used for what development leaves open (the SMS outbox, published default
 * passwords). A request a proxy passed on says so in its headers: it came from elsewhere, whatever the socket says.
 */
import type { FastifyRequest } from 'fastify'

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)
}

export function isLoopbackRequest(req: FastifyRequest): boolean {
  if (FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined)) return false
  return isLoopbackAddress(req.socket.remoteAddress)
}
