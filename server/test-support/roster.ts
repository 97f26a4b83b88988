/** Test fixtures for the roster: valid ID numbers, a person's body, staff accounts of each roster role. */
import type { FastifyInstance } from 'fastify'
import { type CreatePersonBody, idNumberCheckChar } from '../../types'
import { bearer, staffSignIn } from './accounts'

/** A valid ID number of Wushan (620524) born on `birth` (YYYYMMDD); odd `seq` is a man. */
export function idNumberFor(seq: number, birth = '19900101'): string {
  const first17 = `620524${birth}${String(seq % 1000).padStart(3, '0')}`
  return first17 + idNumberCheckChar(first17)
}

export function personBody(over: Partial<CreatePersonBody> & Pick<CreatePersonBody, 'idNumber' | 'township' | 'villageId'>): CreatePersonBody {
  return { name: '王小明', poverty: 'general', status: 'unwilling', ...over }
}

let keyN = 0
export const freshKey = (prefix = 'roster') => `${prefix}-${++keyN}-${Date.now()}`

export async function openAccount(app: FastifyInstance, adminToken: string, username: string, extra: Record<string, unknown>) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/staff/accounts',
    headers: { ...bearer(adminToken), 'idempotency-key': freshKey('account') },
    payload: { username, password: 'a-long-password', displayName: `测试${username}`, ...extra },
  })
  if (res.statusCode !== 201) throw new Error(`account ${username}: ${res.statusCode} ${res.body}`)
  const { token } = await staffSignIn(app, username, 'a-long-password')
  // An admin-set password is a one-time one: changed first, as the officer would at their first sign-in.
  const changed = await app.inject({ method: 'POST', url: '/api/staff/me/password', headers: bearer(token), payload: { oldPassword: 'a-long-password', newPassword: 'a-changed-password' } })
  if (changed.statusCode !== 200) throw new Error(`password ${username}: ${changed.statusCode} ${changed.body}`)
  return token
}

export async function villageOf(app: FastifyInstance, token: string, township: string, index = 0) {
  const res = await app.inject({ url: `/api/staff/villages?township=${encodeURIComponent(township)}`, headers: bearer(token) })
  if (res.statusCode !== 200) throw new Error(`villages: ${res.statusCode} ${res.body}`)
  return res.json().items[index] as { id: number; name: string; township: string }
}
