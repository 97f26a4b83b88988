/**
 * Staff accounts: `admin`, and one account for each of two stations, each with its own password. Idempotent by
 * username: an existing account (and a password changed since) is never touched.
 */
import type { Kysely } from 'kysely'
import type { Config } from '../config'
import type { DB } from '../db/schema'
import { generatePassword, hashPassword } from './passwords'

export interface StaffSeedOptions {
  /** By username (STAFF_PASSWORD_<USERNAME>). */
  passwords: Record<string, string>
  /** An account without a given password gets a generated one (development); otherwise it is an error (production). */
  generateMissing: boolean
  /** The seeded passwords are one-time: the first sign-in must change them (not in the test harness). */
  mustChange: boolean
}

export interface StaffSeedResult {
  added: number
  /** Passwords made up here, to be shown once: nothing else ever shows them. */
  generated: { username: string; password: string }[]
}

const seededStaffAccounts = [
  { username: 'admin', displayName: '县人社局管理员', role: 'admin', stationKey: null },
  { username: 'wuxi', displayName: '无锡流动党员党支部', role: 'station', stationKey: 'branch-wuxi' },
  { username: 'kunshan', displayName: '昆山劳务工作站', role: 'station', stationKey: 'station-kunshan' },
] as const

export function staffSeedOptions(config: Config): StaffSeedOptions {
  return { passwords: config.staffPasswords, generateMissing: config.nodeEnv !== 'production', mustChange: config.nodeEnv !== 'test' }
}

/** Inserts the missing accounts. */
export async function seedStaff(db: Kysely<DB>, options: StaffSeedOptions, clock: () => Date = () => new Date()): Promise<StaffSeedResult> {
  const existing = new Set((await db.selectFrom('staff').select('username').execute()).map((r) => r.username))
  const result: StaffSeedResult = { added: 0, generated: [] }
  for (const a of seededStaffAccounts) {
    if (existing.has(a.username)) continue
    let stationId: number | null = null
    if (a.stationKey) {
      const station = await db.selectFrom('stations').select('id').where('seed_key', '=', a.stationKey).executeTakeFirst()
      if (!station) continue // stations not seeded (an empty database): nothing to attach to
      stationId = station.id
    }
    let password = options.passwords[a.username]
    const generated = !password
    if (!password) {
      if (!options.generateMissing) {
        throw new Error(`refusing to start in production: STAFF_PASSWORD_${a.username.toUpperCase()} must be set (the staff account ${a.username} is created now)`)
      }
      password = generatePassword()
    }
    const inserted = await db
      .insertInto('staff')
      .values({
        username: a.username,
        display_name: a.displayName,
        role: a.role,
        station_id: stationId,
        password_hash: await hashPassword(password),
        failed_attempts: 0,
        must_change_password: options.mustChange ? 1 : 0,
        created_at: clock().toISOString(),
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .executeTakeFirst()
    const added = Number(inserted.numInsertedOrUpdatedRows ?? 0)
    result.added += added
    if (added && generated) result.generated.push({ username: a.username, password })
  }
  return result
}

/** The one time a generated password is shown: at the start that created the account. */
export function printGeneratedPasswords(generated: StaffSeedResult['generated'], print: (line: string) => void = console.log): void {
  if (!generated.length) return
  print('Staff accounts created with one-time passwords (shown only now; each must be changed at first sign-in):')
  for (const g of generated) print(`  ${g.username}: ${g.password}`)
}
