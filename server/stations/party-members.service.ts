/**
 * Mobile Party members registering with their branch. Party membership is sensitive personal
 * data (PIPL art. 28): it needs its own consent, is erased when that consent is withdrawn, and
 * only that branch's staff and the county's admins ever see it.
 */
import type { Kysely } from 'kysely'
import { type BranchMember, maskPhone, type PartyMemberBody, type PartyMembership } from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { latestConsent } from '../accounts/users.repository'
import { lockKey } from '../db/dialect'
import type { DB } from '../db/schema'
import { conflict, notFound, validationFailed } from '../http/app-error'
import type { StaffCaller } from '../http/caller'
import { requireStation } from '../staff/staff-scope'
import { chinaDate } from '../lib/dates'
import {
  deleteMembershipsOfUser,
  findMembership,
  insertPartyMembership,
  listMembersOfStation,
  listMembershipsOfUser,
} from './party-members.repository'
import { findStationById } from './stations.repository'

type MembershipRow = NonNullable<Awaited<ReturnType<typeof findMembership>>>

const toMembership = (r: MembershipRow): PartyMembership => ({
  id: r.id,
  stationId: r.station_id,
  stationName: r.station_name,
  name: r.name,
  joinedPartyYear: r.joined_party_year,
  note: r.note,
  createdAt: r.created_at,
})

/**
 * Registration and withdrawal of the consent take this lock, so on PostgreSQL a registration can
 * never commit after a withdrawal it did not see (SQLite serialises every write anyway).
 */
const lockMember = (trx: Kysely<DB>, userId: number) => lockKey(trx, `party-membership:${userId}`)

/** `trx` is the idempotent write's transaction. */
export async function registerPartyMember(
  trx: Kysely<DB>,
  userId: number,
  stationId: number,
  body: PartyMemberBody,
  now: Date,
): Promise<PartyMembership> {
  const station = await findStationById(trx, stationId)
  if (!station) throw notFound('没有找到这个站点，可能已被删除')
  if (station.type !== 'party_branch') throw conflict('只有流动党员党支部可以登记党员，请选一个党支部')
  const year = body.joinedPartyYear ?? null
  if (year !== null && year > Number(chinaDate(now).slice(0, 4))) {
    throw validationFailed({ joinedPartyYear: '入党年份不能晚于今年' })
  }
  await lockMember(trx, userId)
  const consent = await latestConsent(trx, userId, 'party_membership')
  if (consent?.granted !== 1) throw conflict('登记党员身份要先单独同意。请先点“同意”，再登记')
  const note = body.note?.trim() ? body.note.trim() : null
  const added = await insertPartyMembership(trx, { userId, stationId, name: body.name, joinedPartyYear: year, note }, now)
  if (!added) throw conflict('您已经在这个支部登记过了，不用再登记')
  return toMembership((await findMembership(trx, userId, stationId))!)
}

export async function listMyPartyMemberships(db: Kysely<DB>, userId: number): Promise<{ items: PartyMembership[] }> {
  return { items: (await listMembershipsOfUser(db, userId)).map(toMembership) }
}

/** That branch's own staff and admins; anyone else learns nothing, not even whether the branch exists. */
export async function listBranchMembers(
  db: Kysely<DB>,
  keys: DataKeys,
  caller: StaffCaller,
  stationId: number,
): Promise<{ items: BranchMember[] }> {
  requireStation(caller, stationId, '只有本支部的工作人员能看党员名单')
  const station = await findStationById(db, stationId)
  if (!station) throw notFound('没有找到这个站点，可能已被删除')
  const rows = await listMembersOfStation(db, stationId)
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      phone: r.phone_enc ? maskPhone(keys.decrypt(r.phone_enc)) : '***',
      joinedPartyYear: r.joined_party_year,
      note: r.note,
      createdAt: r.created_at,
    })),
  }
}

/** The worker withdrew the party_membership consent or deleted the account: registrations go, in the caller's transaction. */
export async function erasePartyMemberships(trx: Kysely<DB>, userId: number): Promise<void> {
  await lockMember(trx, userId)
  await deleteMembershipsOfUser(trx, userId)
}

/** For GET /api/me/export: what the worker registered, unmasked (it is the worker's own). */
export async function exportPartyMemberships(db: Kysely<DB>, userId: number): Promise<Record<string, unknown>[]> {
  return (await listMembershipsOfUser(db, userId)).map((r) => ({ ...toMembership(r) }))
}
