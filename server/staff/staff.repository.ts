import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

export async function findStaffByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst()
}

export async function findStaffWithStation(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('staff')
    .leftJoin('stations', 'stations.id', 'staff.station_id')
    .select(['staff.id', 'staff.username', 'staff.display_name', 'staff.role', 'staff.station_id', 'stations.name as station_name'])
    .where('staff.id', '=', id)
    .executeTakeFirst()
}

/** Counts a failure atomically; returns the new count. */
export async function recordFailure(db: Kysely<DB>, id: number): Promise<number> {
  const row = await db
    .updateTable('staff')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_attempts')
    .executeTakeFirstOrThrow()
  return row.failed_attempts
}

export async function lockStaff(db: Kysely<DB>, id: number, until: Date): Promise<void> {
  await db.updateTable('staff').set({ failed_attempts: 0, locked_until: until.toISOString() }).where('id', '=', id).execute()
}

export async function clearFailures(db: Kysely<DB>, id: number): Promise<void> {
  await db.updateTable('staff').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute()
}

export async function findStaffName(db: Kysely<DB>, id: number) {
  return db.selectFrom('staff').select(['id', 'display_name']).where('id', '=', id).executeTakeFirst()
}
