/**
 * Who is calling: read from `Authorization: Bearer …` by route() for every endpoint whose
 * access is not 'public', and kept on the request (idempotency scopes keys by it).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Access, StaffRole } from '../../types'
import { findLiveSession, SESSION_TOUCH_MS, touchSession } from '../accounts/sessions.repository'
import { forbidden, unauthorized } from './app-error'

export interface WorkerCaller {
  kind: 'worker'
  userId: number
  sessionId: number
}
export interface StaffCaller {
  kind: 'staff'
  staffId: number
  role: StaffRole
  stationId: number | null
  /** township and village roles: the township, and for village the village (villages.id), they work for. */
  township: string | null
  villageId: number | null
  sessionId: number
  /** A one-time password is still in use: only the staff endpoints of PASSWORD_CHANGE_ENDPOINTS answer. */
  mustChangePassword: boolean
}
export type Caller = WorkerCaller | StaffCaller

/** What a handler receives as ctx.caller for each access level. */
export type CallerFor<A extends Access> = Access extends A
  ? Caller | null
  : A extends 'worker'
    ? WorkerCaller
    : A extends 'staff'
      ? StaffCaller
      : A extends 'optional'
        ? Caller | null
        : null

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null
  }
}

function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization
  const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9_-]{20,100})$/i.exec(header.trim()) : null
  return match ? match[1] : null
}

async function lookUp(app: FastifyInstance, token: string): Promise<Caller | null> {
  const now = app.clock()
  const row = await findLiveSession(app.db, token, now)
  if (!row) return null
  if (Date.parse(row.last_used_at) <= now.getTime() - SESSION_TOUCH_MS) await touchSession(app.db, row.id, now)
  if (row.kind === 'worker' && row.user_id !== null && !row.user_deleted_at) {
    return { kind: 'worker', userId: row.user_id, sessionId: row.id }
  }
  if (row.kind === 'staff' && row.staff_id !== null && row.staff_role) {
    return {
      kind: 'staff',
      staffId: row.staff_id,
      role: row.staff_role as StaffRole,
      stationId: row.staff_station_id ?? null,
      township: row.staff_township ?? null,
      villageId: row.staff_village_id ?? null,
      sessionId: row.id,
      mustChangePassword: row.staff_must_change_password === 1,
    }
  }
  return null
}

/** What staff with a one-time password may still do: see who they are, sign out, change it. */
const PASSWORD_CHANGE_ENDPOINTS = new Set(['GET /staff/me', 'DELETE /staff/session', 'POST /staff/me/password'])
const CHANGE_PASSWORD_FIRST = '请先修改密码：这是一次性密码，改好后才能使用工作台'

/**
 * Sets req.caller and enforces the endpoint's access: 401 without a live token, 403 for the wrong kind, and 403
 * for staff who must change their password first, on anything but the endpoints that do it.
 */
export async function authenticate(app: FastifyInstance, req: FastifyRequest, access: Access, endpoint = ''): Promise<Caller | null> {
  if (access === 'public') return null
  const token = bearerToken(req)
  const caller = token ? await lookUp(app, token) : null
  req.caller = caller
  if (access === 'optional') return caller
  if (!caller) throw unauthorized(token ? '登录已过期，请重新登录' : undefined)
  if (caller.kind !== access) throw forbidden(access === 'staff' ? '这是工作人员的功能' : '请用务工人员账号登录')
  if (caller.kind === 'staff' && caller.mustChangePassword && !PASSWORD_CHANGE_ENDPOINTS.has(endpoint)) throw forbidden(CHANGE_PASSWORD_FIRST)
  return caller
}
