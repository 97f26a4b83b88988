/**
 * Staff sign-in. A wrong username or password gets one generic answer; five failures lock
 * the account for 15 minutes (counted in the database, so every server process agrees).
 */
import type { FastifyInstance } from 'fastify'
import type { StaffMember, StaffRole, Township } from '../../types'
import { createSession, deleteSession } from '../accounts/sessions.repository'
import { notFound, rateLimited, unauthorized } from '../http/app-error'
import { dummyHash, verifyPassword } from './passwords'
import { clearFailures, findStaffByUsername, findStaffWithStation, lockStaff, recordFailure } from './staff.repository'

export const MAX_PASSWORD_FAILURES = 5
export const LOCK_MINUTES = 15
const LOCKED_MESSAGE = '账号已锁定，请15分钟后再试'
const WRONG_MESSAGE = '用户名或密码不对'
const DISABLED_MESSAGE = '这个账号已停用，请联系县劳务输转服务中心'

export async function getStaffMember(app: FastifyInstance, id: number): Promise<StaffMember> {
  const row = await findStaffWithStation(app.db, id)
  if (!row) throw notFound()
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as StaffRole,
    stationId: row.station_id,
    stationName: row.station_name ?? null,
    township: row.township as Township | null,
    villageId: row.village_id,
    village: row.village_name ?? null,
  }
}

export async function staffLogin(app: FastifyInstance, username: string, password: string) {
  const now = app.clock()
  const staff = await findStaffByUsername(app.db, username)
  if (!staff) {
    await verifyPassword(password, await dummyHash())
    throw unauthorized(WRONG_MESSAGE)
  }
  if (staff.disabled_at) {
    // Checked after the lookup, before the password: a disabled account answers the same whatever was typed.
    await verifyPassword(password, await dummyHash())
    throw unauthorized(DISABLED_MESSAGE)
  }
  if (staff.locked_until && Date.parse(staff.locked_until) > now.getTime()) {
    throw rateLimited(Math.ceil((Date.parse(staff.locked_until) - now.getTime()) / 1000), LOCKED_MESSAGE)
  }
  if (!(await verifyPassword(password, staff.password_hash))) {
    const failures = await recordFailure(app.db, staff.id)
    if (failures >= MAX_PASSWORD_FAILURES) {
      await lockStaff(app.db, staff.id, new Date(now.getTime() + LOCK_MINUTES * 60 * 1000))
      throw rateLimited(LOCK_MINUTES * 60, LOCKED_MESSAGE)
    }
    throw unauthorized(WRONG_MESSAGE)
  }
  if (staff.failed_attempts > 0 || staff.locked_until) await clearFailures(app.db, staff.id)
  const token = await createSession(app.db, { kind: 'staff', staffId: staff.id }, now)
  return { token, staff: await getStaffMember(app, staff.id) }
}

export async function staffLogout(app: FastifyInstance, sessionId: number) {
  await deleteSession(app.db, sessionId)
  return { signedOut: true as const }
}
