/**
 * Conditional reads: every JSON answer of a GET carries an ETag (a hash of the body sent), and a read that sends it
 * back in If-None-Match while the answer is the same gets a 304 with no body. The app sends it from its saved copy
 * of a read (src/api: the village list a phone keeps for the day), so an unchanged list of a thousand people is not
 * sent again over one bar of signal.
 *
 * A repeat needs the handler's answer to know it is the same, but not the contract check: each route remembers, for
 * the hash of an answer as the handler gave it, the ETag of what the check made of it (the check is a function of the
 * answer alone), so an unchanged answer skips the check and the serialising of what was checked.
 */
import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { LRUCache } from 'lru-cache'

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32)

/** The ETag of a JSON body as sent. */
export const etagOf = (json: string) => `"${hash(json)}"`

/** Whether If-None-Match names this ETag (a list, `*`, or a weak form of it). */
export function matchesIfNoneMatch(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match']
  if (!header) return false
  return header.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t === etag || t === `W/${etag}`
  })
}

/** One route's memory: the hash of an unchecked answer → the ETag of its checked body. */
export class CheckedEtags {
  private readonly seen = new LRUCache<string, string>({ max: 2000 })

  /** The key of a handler's answer: its JSON, hashed (never kept in the clear). */
  keyOf(answer: unknown): string {
    return hash(JSON.stringify(answer) ?? 'undefined')
  }

  get(key: string): string | undefined {
    return this.seen.get(key)
  }

  set(key: string, etag: string): void {
    this.seen.set(key, etag)
  }
}
