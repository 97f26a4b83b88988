/** Sign-in helpers for tests: codes come from the console provider's dev outbox. */
import type { FastifyInstance } from 'fastify'

let ipCounter = 0
/** A fresh client address per call, so the per-IP limit only bites where a test means it to. */
export const nextIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export async function requestCode(app: FastifyInstance, phone: string, ip = nextIp()) {
  return app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone }, remoteAddress: ip })
}

export async function lastCode(app: FastifyInstance, phone: string): Promise<string> {
  const res = await app.inject({ url: `/api/dev/sms-outbox?phone=${phone}` })
  if (res.statusCode !== 200) throw new Error(`outbox: ${res.statusCode} ${res.body}`)
  const items = res.json().items as { code: string }[]
  if (!items.length) throw new Error('no code in the outbox')
  return items[0].code
}

/** Asks for a code, reads it and signs in; returns the login response body. */
export async function signIn(app: FastifyInstance, phone: string, extra: { wechatTicket?: string } = {}) {
  const sent = await requestCode(app, phone)
  if (sent.statusCode !== 200) throw new Error(`sms-code: ${sent.statusCode} ${sent.body}`)
  const code = await lastCode(app, phone)
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, code, ...extra } })
  if (res.statusCode !== 200) throw new Error(`login: ${res.statusCode} ${res.body}`)
  return res.json() as { token: string; user: { id: number } & Record<string, unknown> }
}

export async function staffSignIn(app: FastifyInstance, username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } })
  if (res.statusCode !== 200) throw new Error(`staff login: ${res.statusCode} ${res.body}`)
  return res.json() as { token: string; staff: Record<string, unknown> }
}

/**
 * New workers, each signed in on the next phone of `prefix` (7 digits, then 0001, 0002…). A prefix of its own keeps a
 * test file's workers apart from another file's on a shared database.
 */
export function workerSignIns(prefix: string, app: () => FastifyInstance) {
  let n = 0
  return async () => {
    const phone = `${prefix}${String(++n).padStart(4, '0')}`
    const { token, user } = await signIn(app(), phone)
    return { token, id: user.id, phone }
  }
}
