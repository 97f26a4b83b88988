/** Talking to the real server the way the app does, for setting up and checking journeys. */
export interface ApiCall {
  method?: string
  token?: string
  body?: unknown
  /** Idempotency-Key */
  key?: string
}

export interface ApiAnswer {
  status: number
  body: any
}

/** `baseUrl` is read at call time: the server starts in beforeAll. */
export function serverApi(baseUrl: () => string) {
  async function call(path: string, init: ApiCall = {}): Promise<ApiAnswer> {
    const res = await fetch(`${baseUrl()}/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.key ? { 'idempotency-key': init.key } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    })
    return { status: res.status, body: await res.json() }
  }

  /** Signs in with the newest code from the dev SMS outbox, as the sign-in page would; returns the token. */
  async function signIn(phone: string): Promise<string> {
    const sent = await call('/auth/sms-code', { method: 'POST', body: { phone } })
    if (sent.status !== 200) throw new Error(`sms-code ${sent.status}: ${JSON.stringify(sent.body)}`)
    const outbox = await call(`/dev/sms-outbox?phone=${phone}`)
    const code = [...outbox.body.items].sort((a: any, b: any) => a.sentAt.localeCompare(b.sentAt)).pop().code
    const login = await call('/auth/login', { method: 'POST', body: { phone, code } })
    if (login.status !== 200) throw new Error(`login ${login.status}: ${JSON.stringify(login.body)}`)
    return login.body.token
  }

  return { call, signIn }
}
