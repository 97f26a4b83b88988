/**
 * H5: the server writes a tab's first reads (the first job page, the trades, the stations…) into the page it answers
 * the tab's address with (server/http/first-screen.ts), fresh through the same handlers as /api. A read found there is
 * the answer of the page's first request: the first render draws it, with no loading state and no request. Each is
 * taken once: a refresh, a later visit or another filter asks the network as before.
 */
let reads: Record<string, unknown> | null = null
/** An answer left untaken this long after the page opened is no longer the first screen's: the network is asked. */
const freshForMs = 30000

export function takeFirstRead(url: string): unknown {
  if (typeof performance !== 'undefined' && performance.now() > freshForMs) return undefined
  if (reads === null) {
    reads = {}
    try {
      const el = typeof document !== 'undefined' ? document.getElementById('first-reads') : null
      if (el?.textContent) reads = JSON.parse(el.textContent) as Record<string, unknown>
    } catch {
      // a page without (or with a broken) embedded answer: the app asks the network
    }
  }
  if (!(url in reads)) return undefined
  const body = reads[url]
  delete reads[url]
  return body
}
