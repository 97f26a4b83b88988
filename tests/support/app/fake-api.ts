/**
 * A stand-in for the server behind the app's one HTTP function (`send` in src/api/http.ts), for page tests that
 * run the real client, hooks and staff session. Answers are checked by the client with the contract as usual.
 *
 *   const mockApi = fakeApi()
 *   jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
 *   mockApi.on('GET', '/staff/me', () => staff)
 */
export interface FakeRequest {
  method: string
  /** The path under /api, without the query. */
  path: string
  query: URLSearchParams
  body: any
  headers: Record<string, string>
}

type Answer = unknown | { status: number; body: unknown }
type Handler = (req: FakeRequest) => Answer | Promise<Answer>

export interface FakeApi {
  /** Answers `method path` (exact path, no query) with what the handler returns; `{ status, body }` for a failure. */
  on: (method: string, path: string, handler: Handler) => void
  send: (raw: unknown) => Promise<{ status: number; body: unknown }>
  /** Every request so far, oldest first. */
  calls: FakeRequest[]
  /** The requests to one `method path`. */
  callsTo: (method: string, path: string) => FakeRequest[]
  reset: () => void
}

export const failure = (status: number, code: string, message: string, fields?: Record<string, string>) => ({
  status,
  body: { error: { code, message, ...(fields ? { fields } : {}) } },
})

export function fakeApi(): FakeApi {
  const handlers = new Map<string, Handler>()
  const calls: FakeRequest[] = []
  return {
    on: (method, path, handler) => void handlers.set(`${method} ${path}`, handler),
    calls,
    callsTo: (method, path) => calls.filter((c) => c.method === method && c.path === path),
    reset: () => {
      handlers.clear()
      calls.length = 0
    },
    send: async (raw) => {
      const r = raw as { method: string; url: string; headers: Record<string, string>; body?: unknown }
      const url = new URL(r.url, 'http://app.test')
      const req: FakeRequest = { method: r.method, path: url.pathname.replace(/^\/api/, ''), query: url.searchParams, body: r.body, headers: r.headers }
      calls.push(req)
      const handler = handlers.get(`${req.method} ${req.path}`)
      if (!handler) return failure(404, 'NOT_FOUND', `no fake answer for ${req.method} ${req.path}`)
      const answer = await handler(req)
      if (answer && typeof answer === 'object' && 'status' in answer && 'body' in answer && typeof (answer as { status: unknown }).status === 'number') {
        return answer as { status: number; body: unknown }
      }
      return { status: 200, body: answer }
    },
  }
}
