/** The worker's own profile: masked DTO, edits, consents, export and account deletion. */
import type { Kysely } from 'kysely'
import {
  type Consent,
  type ConsentKind,
  consentKinds,
  type Me,
  maskIdNumber,
  maskPhone,
  type townships,
  type Trade,
  type UpdateMeBody,
} from '../../types'
import type { DB, UserRow, UserTable } from '../db/schema'
import { conflict, notFound } from '../http/app-error'
import { answerOf, storedAnswer } from '../lib/answers'
import type { DataKeys } from './crypto'
import { deleteCodesForPhone } from './sms-codes.repository'
import { eraseUser, findUser, insertConsent, latestConsent, listConsents, updateUser } from './users.repository'
import { listUserSessions } from './sessions.repository'
import { erasePartyMemberships, exportPartyMemberships } from '../stations/party-members.service'
import { eraseTrainingData, exportTrainingRecords } from '../training/enrollments.service'
import { eraseTransportData, exportTransportRecords } from '../transport/transport.service'
import { eraseJobRecords, exportJobRecords } from '../jobs/applications.service'
import { exportRightsRequests, forgetRightsRequester } from '../rights/rights.service'
import type { PhotoStorage } from '../uploads/photo-storage'
import { exportUnusedUploads, removeUploadFiles } from '../uploads/uploads.service'
import { exportWorkerAccessLog } from '../staff/access-log.service'
import { eraseWorklogData, exportWorklog } from '../worklog/worklog.service'
import { eraseNotifications, exportNotifications } from '../notifications/notifications.service'
import { eraseRosterLink, exportRosterRecord, linkWorker } from '../roster/roster-links.service'
import type { Updateable } from 'kysely'
import { eraseSubsidyData, exportSubsidyRecords } from '../subsidies/subsidies.service'

type ConsentRow = Awaited<ReturnType<typeof listConsents>>[number]

const toConsent = (c: ConsentRow): Consent => ({ kind: c.kind as ConsentKind, version: c.version, granted: c.granted === 1, at: c.at })

/** The latest consent per kind, in the contract's kind order. */
function latestPerKind(rows: ConsentRow[]): Consent[] {
  const latest = new Map<string, ConsentRow>()
  for (const row of rows) latest.set(row.kind, row)
  return consentKinds.filter((k) => latest.has(k)).map((k) => toConsent(latest.get(k)!))
}

function plainProfile(user: UserRow, keys: DataKeys) {
  return {
    id: user.id,
    name: user.name,
    phone: user.phone_enc ? keys.decrypt(user.phone_enc) : '',
    hometownTownship: user.hometown_township as (typeof townships)[number] | null,
    hometownVillage: user.hometown_village,
    idNumber: user.id_number_enc ? keys.decrypt(user.id_number_enc) : null,
    trades: JSON.parse(user.trades) as Trade[],
    skills: user.skills,
    workingAway: answerOf(user.working_away),
    currentCity: user.current_city,
    returnedHome: answerOf(user.returned_home),
    willingToGoOut: answerOf(user.willing_to_go_out),
    povertyAlleviated: answerOf(user.poverty_alleviated),
    workedAwayLastYear: answerOf(user.worked_away_last_year),
    wechatLinked: user.wechat_openid_hash !== null,
    createdAt: user.created_at,
  }
}

async function requireUser(db: Kysely<DB>, userId: number): Promise<UserRow> {
  const user = await findUser(db, userId)
  if (!user) throw notFound('账号不存在或已注销')
  return user
}

export async function getMe(db: Kysely<DB>, keys: DataKeys, userId: number): Promise<Me> {
  // Side by side: on PostgreSQL that is one round trip's wait instead of two.
  const [user, consents] = await Promise.all([requireUser(db, userId), listConsents(db, userId)])
  const plain = plainProfile(user, keys)
  return {
    ...plain,
    phone: maskPhone(plain.phone),
    idNumber: plain.idNumber ? maskIdNumber(plain.idNumber) : null,
    consents: latestPerKind(consents),
  }
}

/** `trx` is the idempotent write's transaction. An ID number needs a granted id_number consent. */
export async function updateMe(trx: Kysely<DB>, keys: DataKeys, userId: number, body: UpdateMeBody, now: Date): Promise<Me> {
  await requireUser(trx, userId)
  const set: Updateable<UserTable> = { updated_at: now.toISOString() }
  if (body.name !== undefined) set.name = body.name
  if (body.hometownTownship !== undefined) set.hometown_township = body.hometownTownship
  if (body.hometownVillage !== undefined) set.hometown_village = body.hometownVillage
  if (body.idNumber !== undefined) {
    if (body.idNumber !== null) {
      const consent = await latestConsent(trx, userId, 'id_number')
      if (consent?.granted !== 1) throw conflict('请先同意提供身份证号，再填写身份证号')
    }
    set.id_number_enc = body.idNumber === null ? null : keys.encrypt(body.idNumber)
  }
  if (body.trades !== undefined) set.trades = JSON.stringify([...new Set(body.trades)])
  if (body.skills !== undefined) set.skills = body.skills
  if (body.workingAway !== undefined) set.working_away = storedAnswer(body.workingAway)
  if (body.currentCity !== undefined) set.current_city = body.currentCity
  if (body.returnedHome !== undefined) set.returned_home = storedAnswer(body.returnedHome)
  if (body.willingToGoOut !== undefined) set.willing_to_go_out = storedAnswer(body.willingToGoOut)
  if (body.povertyAlleviated !== undefined) set.poverty_alleviated = storedAnswer(body.povertyAlleviated)
  if (body.workedAwayLastYear !== undefined) set.worked_away_last_year = storedAnswer(body.workedAwayLastYear)
  await updateUser(trx, userId, set)
  // The roster follows: the account is linked (or the worker registered) and their own answers update their record.
  const saysWhere = body.workingAway !== undefined || body.currentCity !== undefined || body.returnedHome !== undefined
  await linkWorker(trx, keys, userId, now, saysWhere)
  return getMe(trx, keys, userId)
}

/** Records one consent decision; withdrawing id_number or location erases that data in the same transaction. */
export async function setConsent(
  db: Kysely<DB>,
  keys: DataKeys,
  userId: number,
  body: { kind: ConsentKind; version: string; granted: boolean },
  now: Date,
): Promise<Me> {
  await db.transaction().execute(async (trx) => {
    await requireUser(trx, userId)
    await insertConsent(trx, userId, body, now)
    if (!body.granted && body.kind === 'id_number') await updateUser(trx, userId, { id_number_enc: null, updated_at: now.toISOString() })
    if (!body.granted && body.kind === 'location') await updateUser(trx, userId, { current_city: null, updated_at: now.toISOString() })
    if (!body.granted && body.kind === 'party_membership') await erasePartyMemberships(trx, userId)
  })
  return getMe(db, keys, userId)
}

/** Everything held about me, unmasked; sessions by time only. Later issues add their records. */
export async function exportMe(db: Kysely<DB>, keys: DataKeys, userId: number, now: Date) {
  const user = await requireUser(db, userId)
  return {
    exportedAt: now.toISOString(),
    profile: { ...plainProfile(user, keys), updatedAt: user.updated_at },
    consents: (await listConsents(db, userId)).map(toConsent),
    sessions: (await listUserSessions(db, userId)).map((s) => ({ createdAt: s.created_at, lastUsedAt: s.last_used_at, expiresAt: s.expires_at })),
    records: { partyMemberships: await exportPartyMemberships(db, userId), ...(await exportTrainingRecords(db, userId)), ...(await exportJobRecords(db, userId)), rightsRequests: await exportRightsRequests(db, keys, userId, now), ...(await exportTransportRecords(db, userId)), unusedUploads: await exportUnusedUploads(db, userId), ...(await exportWorklog(db, userId)), ...(await exportRosterRecord(db, keys, userId)), ...(await exportNotifications(db, userId)), ...(await exportSubsidyRecords(db, keys, userId)) },
    accessLog: await exportWorkerAccessLog(db, userId),
  }
}

/** `photos`: where the worker's photos are, removed once the deletion has committed. */
export async function deleteMe(db: Kysely<DB>, userId: number, now: Date, photos?: PhotoStorage): Promise<{ deleted: true }> {
  let removedUploads: string[] = []
  await db.transaction().execute(async (trx) => {
    const user = await requireUser(trx, userId)
    if (user.phone_hash) await deleteCodesForPhone(trx, user.phone_hash)
    await erasePartyMemberships(trx, userId)
    await eraseTrainingData(trx, userId, now)
    await eraseTransportData(trx, userId, now)
    // Before the job records: an employer may point at one of the worker's applications.
    const worklogPhotos = await eraseWorklogData(trx, userId)
    await eraseJobRecords(trx, userId, now)
    removedUploads = [...worklogPhotos, ...(await forgetRightsRequester(trx, userId, now))]
    await eraseNotifications(trx, userId)
    await eraseSubsidyData(trx, userId)
    // Before the user row: the county's register entry stays, unlinked, without what the worker said.
    await eraseRosterLink(trx, userId, now)
    await eraseUser(trx, userId, now)
  })
  if (photos) await removeUploadFiles(photos, removedUploads)
  return { deleted: true }
}
