/**
 * A key per user action: the same action retried (by the client or by the user tapping again
 * after a timeout) carries the same key, so the server records it once.
 * Uniqueness is what matters here, not secrecy.
 */
export function newIdempotencyKey(): string {
  const random = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `${Date.now().toString(36)}-${random()}${random()}`
}
