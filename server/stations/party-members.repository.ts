/** All SQL for Party members' registrations with their branch (table party_memberships). */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

export interface NewPartyMembership {
  userId: number
  stationId: number
  name: string
  joinedPartyYear: number | null
  note: string | null
}

/** Inserts unless the worker is already registered with the branch; true when a row was added. */
export async function insertPartyMembership(db: Kysely<DB>, m: NewPartyMembership, now: Date): Promise<boolean> {
  // ON CONFLICT DO NOTHING rather than catching the violation: on PostgreSQL a failed statement
  // would abort the idempotent transaction that has to store the 409.
  const result = await db
    .insertInto('party_memberships')
    .values({
      user_id: m.userId,
      station_id: m.stationId,
      name: m.name,
      joined_party_year: m.joinedPartyYear,
      note: m.note,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'station_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

const withStation = (db: Kysely<DB>) =>
  db
    .selectFrom('party_memberships as m')
    .innerJoin('stations as s', 's.id', 'm.station_id')
    .select(['m.id', 'm.user_id', 'm.station_id', 's.name as station_name', 'm.name', 'm.joined_party_year', 'm.note', 'm.created_at'])

export async function findMembership(db: Kysely<DB>, userId: number, stationId: number) {
  return withStation(db).where('m.user_id', '=', userId).where('m.station_id', '=', stationId).executeTakeFirst()
}

export async function listMembershipsOfUser(db: Kysely<DB>, userId: number) {
  return withStation(db).where('m.user_id', '=', userId).orderBy('m.id').execute()
}

/** The branch's members with the (encrypted) phone of each, newest first. */
export async function listMembersOfStation(db: Kysely<DB>, stationId: number) {
  return db
    .selectFrom('party_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.name', 'm.joined_party_year', 'm.note', 'm.created_at', 'u.phone_enc'])
    .where('m.station_id', '=', stationId)
    .where('u.deleted_at', 'is', null)
    .orderBy('m.id', 'desc')
    .execute()
}

/** Withdrawn consent or a deleted account: every registration of the worker goes. */
export async function deleteMembershipsOfUser(db: Kysely<DB>, userId: number): Promise<number> {
  const result = await db.deleteFrom('party_memberships').where('user_id', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows ?? 0)
}
