/**
 * Staff accounts: `admin`, and one account for each of two stations. Idempotent by username:
 * an existing account (and a password changed since) is never touched.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { hashPassword } from './passwords'

export interface StaffPasswords {
  adminPassword: string
  stationPassword: string
}

const accounts = [
  { username: 'admin', displayName: '县人社局管理员', role: 'admin', stationKey: null },
  { username: 'wuxi', displayName: '无锡流动党员党支部', role: 'station', stationKey: 'branch-wuxi' },
  { username: 'kunshan', displayName: '昆山劳务工作站', role: 'station', stationKey: 'station-kunshan' },
] as const

/** Inserts the missing accounts; returns how many were added. */
export async function seedStaff(db: Kysely<DB>, passwords: StaffPasswords, clock: () => Date = () => new Date()): Promise<number> {
  const existing = new Set((await db.selectFrom('staff').select('username').execute()).map((r) => r.username))
  let added = 0
  for (const a of accounts) {
    if (existing.has(a.username)) continue
    let stationId: number | null = null
    if (a.stationKey) {
      const station = await db.selectFrom('stations').select('id').where('seed_key', '=', a.stationKey).executeTakeFirst()
      if (!station) continue // stations not seeded (an empty database): nothing to attach to
      stationId = station.id
    }
    const result = await db
      .insertInto('staff')
      .values({
        username: a.username,
        display_name: a.displayName,
        role: a.role,
        station_id: stationId,
        password_hash: await hashPassword(a.role === 'admin' ? passwords.adminPassword : passwords.stationPassword),
        failed_attempts: 0,
        created_at: clock().toISOString(),
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .executeTakeFirst()
    added += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return added
}
