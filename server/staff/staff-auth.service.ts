/**
 * Staff sign-in. Every failure (unknown user, wrong password, disabled, locked) gets the one answer after one
 * password check, so neither the answer nor its timing says which usernames exist or which are locked. Five
 * checks lock the account for 15 minutes, reserved in the database before the password is checked, so parallel
 * guesses cannot get past it; one client address gets a limited number of failures across all accounts.
 */
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { StaffMember, StaffRole, Township } from '../../types'
import { createSession, deleteSession } from '../accounts/sessions.repository'
import { writeAudit } from '../audit/audit.repository'
import { KNOWN_DEFAULT_PASSWORDS } from '../config'
import { lockKey } from '../db/dialect'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { notFound, rateLimited, unauthorized, validationFailed } from '../http/app-error'
import { dummyHash, hashPassword, verifyPassword } from './passwords'
import {
  addressFailuresSince,
  clearFailures,
  deleteAddressFailure,
  deleteStaffSessions,
  findStaffById,
  findStaffByUsername,
  findStaffAccount,
  insertAddressFailure,
  pruneAddressFailures,
  reserveAttempt,
  setPassword,
  type StaffAccountRow,
} from './staff.repository'
import { staffActor } from './staff-scope'

const MAX_PASSWORD_FAILURES = 5
const LOCK_MINUTES = 15
/** Failed sign-ins one client address may make in LOCK_MINUTES, whichever accounts it tries. */
export const ADDRESS_FAILURES_PER_WINDOW = 20
export const SIGN_IN_FAILED = '用户名或密码不对，或账号暂时不能登录。连续输错5次要等15分钟'
const ADDRESS_LIMIT_MESSAGE = '这个网络登录失败的次数太多，请15分钟后再试'
const WINDOW_MS = LOCK_MINUTES * 60 * 1000

/** The account as its holder sees it (admins' list adds its lock and dates). */
export function toStaffMember(row: StaffAccountRow): StaffMember {
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
    mustChangePassword: row.must_change_password === 1,
  }
}

export async function getStaffMe(db: Kysely<DB>, id: number): Promise<StaffMember> {
  const row = await findStaffAccount(db, id)
  if (!row) throw notFound()
  return toStaffMember(row)
}

/** Counts this attempt against the address before anything else is looked at; 429 past the limit. */
async function reserveAddressAttempt(app: FastifyInstance, ipHash: string, now: Date): Promise<number> {
  return app.db.transaction().execute(async (trx) => {
    await lockKey(trx, `staff-login-ip:${ipHash}`)
    const { count, oldest } = await addressFailuresSince(trx, ipHash, new Date(now.getTime() - WINDOW_MS))
    if (count >= ADDRESS_FAILURES_PER_WINDOW) {
      const freeAt = oldest ? Date.parse(oldest) + WINDOW_MS : now.getTime() + WINDOW_MS
      throw rateLimited(Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)), ADDRESS_LIMIT_MESSAGE)
    }
    return insertAddressFailure(trx, ipHash, now)
  })
}

export interface SignInFrom {
  ip: string
  /** On this machine: only then are the published default passwords accepted. */
  loopback: boolean
}

export async function loginStaff(app: FastifyInstance, username: string, password: string, from: SignInFrom) {
  const now = app.clock()
  const addressAttempt = await reserveAddressAttempt(app, app.keys.hmac('ip', from.ip), now)
  const staff = await findStaffByUsername(app.db, username)
  // An unknown name reserves against no row, so it costs the same statement as a known one.
  const reserved = await reserveAttempt(app.db, staff?.id ?? -1, now, new Date(now.getTime() + WINDOW_MS), MAX_PASSWORD_FAILURES)
  const matches = await verifyPassword(password, staff && reserved ? staff.password_hash : await dummyHash())
  if (!staff || !reserved || !matches || (!from.loopback && KNOWN_DEFAULT_PASSWORDS.has(password))) {
    await pruneAddressFailures(app.db, new Date(now.getTime() - WINDOW_MS)).catch((error) => app.log.warn({ err: error }, 'pruning sign-in failures failed'))
    throw unauthorized(SIGN_IN_FAILED)
  }
  await clearFailures(app.db, staff.id)
  await deleteAddressFailure(app.db, addressAttempt)
  const token = await createSession(app.db, { kind: 'staff', staffId: staff.id }, now)
  return { token, staff: await getStaffMe(app.db, staff.id) }
}

export async function logoutStaff(app: FastifyInstance, sessionId: number) {
  await deleteSession(app.db, sessionId)
  return { signedOut: true as const }
}

/**
 * A staff member's own change. The old password is checked like a sign-in (it counts towards the lock), so a
 * stolen session cannot be used to guess it; the new one ends every other session of the account.
 */
export async function changePassword(app: FastifyInstance, caller: StaffCaller, body: { oldPassword: string; newPassword: string }): Promise<StaffMember> {
  const now = app.clock()
  const staff = await findStaffById(app.db, caller.staffId)
  if (!staff) throw notFound()
  if (!(await reserveAttempt(app.db, staff.id, now, new Date(now.getTime() + WINDOW_MS), MAX_PASSWORD_FAILURES))) {
    throw rateLimited(LOCK_MINUTES * 60, '原密码输错的次数太多，请15分钟后再试')
  }
  if (!(await verifyPassword(body.oldPassword, staff.password_hash))) throw validationFailed({ oldPassword: '原密码不对' })
  await clearFailures(app.db, staff.id)
  if (KNOWN_DEFAULT_PASSWORDS.has(body.newPassword)) throw validationFailed({ newPassword: '这是公开过的默认密码，请换一个' })
  if (body.newPassword.trim().toLowerCase() === staff.username.toLowerCase()) throw validationFailed({ newPassword: '密码不能和用户名一样' })
  const hash = await hashPassword(body.newPassword)
  await app.db.transaction().execute(async (trx) => {
    await setPassword(trx, staff.id, hash, false)
    await deleteStaffSessions(trx, staff.id, caller.sessionId)
    await writeAudit(trx, { actor: staffActor(caller), action: 'staff.password_change', entity: 'staff', entityId: staff.id, at: now })
  })
  return getStaffMe(app.db, staff.id)
}
