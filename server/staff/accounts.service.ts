/**
 * Staff accounts, managed by admins. Disabling ends every session of the account in the same transaction
 * (sessions live only in the database, so every server process stops accepting them at once) and sign-in
 * refuses a disabled account from then on. A new account's password, and one reset by an admin, is one-time:
 * its holder must change it at the next sign-in.
 */
import type { Kysely } from 'kysely'
import type { z } from 'zod/mini'
import type { createStaffAccountBody, StaffAccount } from '../../types'
import { writeAudit } from '../audit/audit.repository'
import { lockKey } from '../db/dialect'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { conflict, notFound, validationFailed } from '../http/app-error'
import { findVillageByName } from '../roster/places.repository'
import { generatePassword, hashPassword } from './passwords'
import { findStationById } from '../stations/stations.repository'
import { clearFailures, deleteStaffSessions, findStaffAccount, findStaffByUsername, insertStaff, listStaffAccounts, setPassword, setStaffDisabledAt, type StaffAccountRow } from './staff.repository'
import { toStaffMember } from './staff-auth.service'
import { requireAdmin, staffActor } from './staff-scope'

const ADMIN_ONLY = '只有县级管理员可以管理工作人员账号'

const toAccount = (r: StaffAccountRow, now: Date): StaffAccount => ({
  ...toStaffMember(r),
  disabled: r.disabled_at !== null,
  disabledAt: r.disabled_at,
  locked: r.locked_until !== null && Date.parse(r.locked_until) > now.getTime(),
  createdAt: r.created_at,
})

async function account(db: Kysely<DB>, id: number, now: Date): Promise<StaffAccount> {
  const row = await findStaffAccount(db, id)
  if (!row) throw notFound('没有这个工作人员账号')
  return toAccount(row, now)
}

export async function listAccounts(db: Kysely<DB>, caller: StaffCaller, now: Date) {
  requireAdmin(caller, ADMIN_ONLY)
  return { items: (await listStaffAccounts(db)).map((r) => toAccount(r, now)) }
}

export async function createAccount(trx: Kysely<DB>, caller: StaffCaller, body: z.output<typeof createStaffAccountBody>, now: Date): Promise<StaffAccount> {
  requireAdmin(caller, ADMIN_ONLY)
  // Two admins creating the same name at once: the second waits here and then sees the first.
  await lockKey(trx, `staff-username:${body.username}`)
  if (await findStaffByUsername(trx, body.username)) throw conflict('这个用户名已经有人用了，请换一个')
  if (body.stationId !== null && !(await findStationById(trx, body.stationId))) {
    throw validationFailed({ stationId: '没有这个工作站' })
  }
  // A village informant works for one village of their township, found by the name the county shows (黄河村).
  const village = body.role === 'village' && body.township && body.village ? await findVillageByName(trx, body.township, body.village) : undefined
  if (body.role === 'village' && !village) throw validationFailed({ village: `${body.township}没有叫“${body.village}”的村，请从列表里选` })
  const id = await insertStaff(trx, {
    username: body.username,
    display_name: body.displayName,
    role: body.role,
    station_id: body.stationId,
    township: body.township,
    village_id: village?.id ?? null,
    password_hash: await hashPassword(body.password),
    failed_attempts: 0,
    must_change_password: 1,
    created_at: now.toISOString(),
  })
  const created = await account(trx, id, now)
  await writeAudit(trx, { actor: staffActor(caller), action: 'staff.create', entity: 'staff', entityId: id, after: created, at: now })
  return created
}

export async function disableAccount(trx: Kysely<DB>, caller: StaffCaller, id: number, now: Date): Promise<StaffAccount> {
  requireAdmin(caller, ADMIN_ONLY)
  if (id === caller.staffId) throw conflict('不能停用自己正在使用的账号')
  const before = await account(trx, id, now)
  if (!before.disabled) await setStaffDisabledAt(trx, id, now)
  await deleteStaffSessions(trx, id, null)
  const after = await account(trx, id, now)
  if (!before.disabled) await writeAudit(trx, { actor: staffActor(caller), action: 'staff.disable', entity: 'staff', entityId: id, before, after, at: now })
  return after
}

/** Lifts a lock left by wrong passwords (someone guessing at the account must not keep its holder out). */
export async function unlockAccount(trx: Kysely<DB>, caller: StaffCaller, id: number, now: Date): Promise<StaffAccount> {
  requireAdmin(caller, ADMIN_ONLY)
  const before = await account(trx, id, now)
  await clearFailures(trx, id)
  const after = await account(trx, id, now)
  if (before.locked) await writeAudit(trx, { actor: staffActor(caller), action: 'staff.unlock', entity: 'staff', entityId: id, before, after, at: now })
  return after
}

/** A new one-time password, shown to the admin once; the account's sessions end and the lock is lifted. */
export async function resetPassword(db: Kysely<DB>, caller: StaffCaller, id: number, now: Date): Promise<{ account: StaffAccount; password: string }> {
  requireAdmin(caller, ADMIN_ONLY)
  if (id === caller.staffId) throw conflict('自己的密码请在“修改密码”里改')
  const password = generatePassword()
  const hash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const before = await account(trx, id, now)
    await setPassword(trx, id, hash, true)
    await deleteStaffSessions(trx, id, null)
    const after = await account(trx, id, now)
    await writeAudit(trx, { actor: staffActor(caller), action: 'staff.password_reset', entity: 'staff', entityId: id, before, after, at: now })
    return { account: after, password }
  })
}
