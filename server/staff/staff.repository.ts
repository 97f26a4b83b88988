import { type Insertable, type Kysely, sql } from 'kysely'
import { toCount } from '../db/dialect'
import type { DB, StaffTable } from '../db/schema'

export async function findStaffByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst()
}

export async function findStaffById(db: Kysely<DB>, id: number) {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Reserves one password check for an enabled account, in one statement: counted before the password is looked at,
 * so however many guesses arrive at once, at most `max` pass per lock period. The attempt that reaches `max` sets
 * the lock (the count stays, so nothing more passes); once the lock has run out the next attempt starts a new count.
 * False when the account is locked (or disabled, or `id` matches nothing).
 */
export async function reserveAttempt(db: Kysely<DB>, id: number, now: Date, lockUntil: Date, max: number): Promise<boolean> {
  const at = now.toISOString()
  const lapsed = sql`(locked_until is not null and locked_until <= ${at})`
  const row = await db
    .updateTable('staff')
    .set({
      failed_attempts: sql<number>`case when ${lapsed} then 1 else failed_attempts + 1 end`,
      locked_until: sql<string | null>`case when ${lapsed} then null when failed_attempts + 1 >= ${max} then ${lockUntil.toISOString()} else locked_until end`,
    })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .where((eb) => eb.or([eb.and([eb('locked_until', 'is', null), eb('failed_attempts', '<', max)]), eb('locked_until', '<=', at)]))
    .returning('failed_attempts')
    .executeTakeFirst()
  return row !== undefined
}

export async function clearFailures(db: Kysely<DB>, id: number): Promise<void> {
  await db.updateTable('staff').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute()
}

export async function setPassword(db: Kysely<DB>, id: number, passwordHash: string, mustChange: boolean): Promise<void> {
  await db
    .updateTable('staff')
    .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, failed_attempts: 0, locked_until: null })
    .where('id', '=', id)
    .execute()
}

/** Every session of a staff member but `keepSessionId` (null: all of them). */
export async function deleteStaffSessions(db: Kysely<DB>, staffId: number, keepSessionId: number | null): Promise<void> {
  let query = db.deleteFrom('sessions').where('kind', '=', 'staff').where('staff_id', '=', staffId)
  if (keepSessionId !== null) query = query.where('id', '!=', keepSessionId)
  await query.execute()
}

export async function addressFailuresSince(db: Kysely<DB>, ipHash: string, since: Date) {
  const row = await db
    .selectFrom('staff_login_failures')
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.min('created_at').as('oldest')])
    .where('ip_hash', '=', ipHash)
    .where('created_at', '>', since.toISOString())
    .executeTakeFirstOrThrow()
  return { count: toCount(row.count as string | number), oldest: (row.oldest as string | null) ?? null }
}

export async function insertAddressFailure(db: Kysely<DB>, ipHash: string, now: Date): Promise<number> {
  const { id } = await db.insertInto('staff_login_failures').values({ ip_hash: ipHash, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function deleteAddressFailure(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('staff_login_failures').where('id', '=', id).execute()
}

export async function pruneAddressFailures(db: Kysely<DB>, before: Date): Promise<void> {
  await db.deleteFrom('staff_login_failures').where('created_at', '<=', before.toISOString()).execute()
}

export async function findStaffName(db: Kysely<DB>, id: number) {
  return db.selectFrom('staff').select(['id', 'display_name']).where('id', '=', id).executeTakeFirst()
}

/** An account with its station and village by name, its lock and one-time password state: for its holder and for admins. */
function accountsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('staff')
    .leftJoin('stations', 'stations.id', 'staff.station_id')
    .leftJoin('villages', 'villages.id', 'staff.village_id')
    .select([
      'staff.id',
      'staff.username',
      'staff.display_name',
      'staff.role',
      'staff.station_id',
      'staff.created_at',
      'staff.disabled_at',
      'staff.locked_until',
      'staff.must_change_password',
      'stations.name as station_name',
      'staff.township',
      'staff.village_id',
      'villages.name as village_name',
    ])
}

export async function listStaffAccounts(db: Kysely<DB>) {
  return accountsQuery(db).orderBy('staff.id').execute()
}

export type StaffAccountRow = NonNullable<Awaited<ReturnType<typeof findStaffAccount>>>

export async function findStaffAccount(db: Kysely<DB>, id: number) {
  return accountsQuery(db).where('staff.id', '=', id).executeTakeFirst()
}

export async function insertStaff(db: Kysely<DB>, row: Insertable<StaffTable>): Promise<number> {
  const { id } = await db.insertInto('staff').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function setStaffDisabledAt(db: Kysely<DB>, id: number, at: Date): Promise<void> {
  await db.updateTable('staff').set({ disabled_at: at.toISOString() }).where('id', '=', id).execute()
}
