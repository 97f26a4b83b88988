/**
 * 家门口就业: the county's own work (帮扶车间, 公益性岗位, 零工) nearest first, same-day 零工 first; 零工 sign-ups
 * (one per worker and day, never above its headcount) and the attendance staff or the employer's contact confirm,
 * which writes the day into the worker's 记工.
 */
import { timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { z } from 'zod/mini'
import {
  countySeat,
  type DayJobSignup,
  type DayJobSummary,
  type dayJobBody,
  type JobKind,
  type JobSummary,
  type listJobsQuery,
  maskPhone,
  townshipCentres,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { writeAudit } from '../audit/audit.repository'
import { lockKey } from '../db/dialect'
import { inTransaction } from '../db/in-transaction'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { conflict, notFound, validationFailed } from '../http/app-error'
import { badCursor, decodeCursor, encodeCursor, paginate } from '../lib/cursor'
import { chinaDate } from '../lib/dates'
import { haversineKm, roundKm } from '../lib/geo'
import { requireStation, stationFilterOf, staffActor } from '../staff/staff-scope'
import { recordCountyConfirmedDay } from '../worklog/worklog-county'
import { findJobById } from './jobs.repository'
import { cardFilterOf, toJobSummary } from './jobs.service'
import * as repo from './local-jobs.repository'

type ListQuery = z.output<typeof listJobsQuery>

/** The county's own postings are a few hundred; past this many the list is the newest ones. */
const LOCAL_CAP = 2000

/** Where distances are counted from: the worker's position, else their township's centre, else the county seat. */
export function localOrigin(query: Pick<ListQuery, 'lat' | 'lng' | 'township'>): { lat: number; lng: number } {
  if (query.lat !== undefined && query.lng !== undefined) return { lat: query.lat, lng: query.lng }
  return townshipCentres[query.township ?? countySeat]
}

function toDaySummary(row: repo.DayJobRow): DayJobSummary {
  return {
    id: row.id,
    jobId: row.job_id,
    date: row.work_date,
    place: row.place,
    headcount: row.headcount,
    left: Math.max(0, row.headcount - row.taken),
    wageYuan: row.wage_yuan,
  }
}

/**
 * `GET /jobs?local=true`: same-day 零工 first, then by distance (a 零工 from its next day's place), then newest.
 * Paged by offset: the whole ordered set is computed per request, and it is small.
 */
export async function listLocalJobs(db: Kysely<DB>, query: ListQuery, now: Date): Promise<{ items: JobSummary[]; nextCursor: string | null }> {
  const today = chinaDate(now)
  const origin = localOrigin(query)
  const c = decodeCursor(query.cursor, { o: 'number' })
  if (c && (!Number.isInteger(c.o) || c.o < 0)) throw badCursor()
  const offset = c?.o ?? 0

  const rows = await repo.findOpenLocalJobs(db, { today, trade: query.trade, card: cardFilterOf(query) }, LOCAL_CAP)
  const days = await repo.findUpcomingDayJobs(db, rows.filter((r) => r.kind === 'day_work').map((r) => r.id), today)
  const nextDay = new Map<number, repo.DayJobRow>()
  for (const d of days) if (!nextDay.has(d.job_id)) nextDay.set(d.job_id, d)

  const ranked = rows.map((row) => {
    const day = nextDay.get(row.id)
    const at = day ?? row
    const km = haversineKm(origin.lat, origin.lng, at.lat, at.lng)
    return { row, day, km, sameDay: day?.work_date === today }
  })
  ranked.sort((a, b) => Number(b.sameDay) - Number(a.sameDay) || a.km - b.km || b.row.id - a.row.id)

  const page = ranked.slice(offset, offset + query.limit)
  const items = page.map(({ row, day, km, sameDay }) => ({
    ...toJobSummary(row, today),
    kind: row.kind as JobKind,
    sameDay,
    day: day ? toDaySummary(day) : null,
    distanceKm: roundKm(km),
  }))
  const nextCursor = offset + query.limit < ranked.length ? encodeCursor({ o: offset + query.limit }) : null
  return { items, nextCursor }
}

// ── worker: 零工 sign-ups ──

function toSignup(row: repo.DaySignupRow, day: repo.DayJobWithPosting): DayJobSignup {
  return {
    id: row.id,
    day: toDaySummary(day),
    jobTitle: day.job_title,
    employerName: day.employer_name,
    attendance: row.attendance as DayJobSignup['attendance'],
    inWorklog: row.worklog_entry_id !== null,
    createdAt: row.created_at,
  }
}

/**
 * One sign-up per worker and day: a repeat (another key, another device) returns the first. The place is taken by
 * the seat counter after the day's row lock, so the count never passes the headcount whatever runs at once.
 */
export async function signUpForDayJob(trx: Kysely<DB>, userId: number, dayJobId: number, now: Date): Promise<DayJobSignup> {
  const found = await repo.findDayJob(trx, dayJobId)
  if (!found) throw notFound('没有找到这天的零工')
  await lockKey(trx, `day-job-signup:${dayJobId}:${userId}`)
  const existing = await repo.findSignup(trx, dayJobId, userId)
  if (existing) return toSignup(existing, (await repo.findDayJob(trx, dayJobId))!)

  if (found.status !== 'open' || found.job_status !== 'open') throw conflict('这天的零工已经取消了')
  if (found.work_date < chinaDate(now)) throw conflict('这天已经过去了，不能再报名')
  await repo.dayJobSeats.lock(trx, dayJobId)
  if (!(await repo.dayJobSeats.take(trx, dayJobId))) throw conflict('这天的人已经招满了，看看别的日子吧')
  const row = await repo.insertSignup(trx, dayJobId, userId, now)
  return toSignup(row, (await repo.findDayJob(trx, dayJobId))!)
}

export async function listMyDayJobSignups(db: Kysely<DB>, userId: number, query: { cursor?: string; limit: number }) {
  const after = decodeCursor(query.cursor, { id: 'number' })
  const rows = await repo.listSignupsOf(db, userId, query.limit + 1, after?.id)
  const { page, nextCursor } = paginate(rows, query.limit, (last) => ({ id: last.id }))
  const days = new Map((await repo.findDayJobsByIds(db, [...new Set(page.map((r) => r.day_job_id))])).map((d) => [d.id, d]))
  return { items: page.filter((r) => days.has(r.day_job_id)).map((r) => toSignup(r, days.get(r.day_job_id)!)), nextCursor }
}

// ── staff ──

async function jobForStaff(db: Kysely<DB>, caller: StaffCaller, jobId: number) {
  const job = await findJobById(db, jobId)
  if (!job) throw notFound('没有找到这个岗位')
  requireStation(caller, job.source_station_id)
  return job
}

export async function setJobKind(db: Kysely<DB>, caller: StaffCaller, jobId: number, kind: JobKind, now: Date) {
  return inTransaction(db, async (trx) => {
    const job = await jobForStaff(trx, caller, jobId)
    await repo.setJobKind(trx, jobId, kind)
    await writeAudit(trx, { actor: staffActor(caller), action: 'job_kind', entity: 'job', entityId: jobId, before: { kind: job.kind }, after: { kind }, at: now })
    return { id: jobId, kind }
  })
}

export async function createDayJob(trx: Kysely<DB>, caller: StaffCaller, jobId: number, body: z.output<typeof dayJobBody>, now: Date): Promise<DayJobSummary> {
  const job = await jobForStaff(trx, caller, jobId)
  if (job.kind !== 'day_work') throw conflict('这个岗位不是零工，请先把类别改成“零工”')
  if (body.date < chinaDate(now)) throw validationFailed({ date: '日期已经过去了，请选今天或以后' })
  const id = await repo.insertDayJob(trx, {
    job_id: jobId,
    work_date: body.date,
    place: body.place,
    lat: body.lat ?? job.lat,
    lng: body.lng ?? job.lng,
    headcount: body.headcount,
    wage_yuan: body.wageYuan,
    created_by_staff_id: caller.staffId,
    created_at: now.toISOString(),
  })
  return toDaySummary((await repo.findDayJob(trx, id))!)
}

type DayWithCounts = repo.DayJobWithPosting

async function toStaffDays(db: Kysely<DB>, rows: DayWithCounts[]) {
  const came = await repo.countCame(db, rows.map((r) => r.id))
  return rows.map((r) => ({ ...toDaySummary(r), jobTitle: r.job_title, employerName: r.employer_name, signedUp: r.taken, came: came.get(r.id) ?? 0 }))
}

export async function listStaffDayJobs(db: Kysely<DB>, caller: StaffCaller, from: string | undefined, now: Date) {
  const rows = await repo.listDayJobs(db, { from: from ?? chinaDate(now), stationId: stationFilterOf(caller) }, 200)
  return { items: await toStaffDays(db, rows) }
}

/** "张*": staff tick who came by name and the phone's last digits; the full name is not needed for that. */
const maskName = (name: string | null) => (name ? Array.from(name)[0] + '*'.repeat(Math.max(1, Array.from(name).length - 1)) : '已注销')

async function daySheet(db: Kysely<DB>, keys: DataKeys, day: DayWithCounts) {
  const rows = await repo.listSignupsForDay(db, day.id)
  const [staffDay] = await toStaffDays(db, [day])
  return {
    day: staffDay,
    items: rows.map((r) => ({
      id: r.id,
      name: maskName(r.worker_name),
      phone: r.worker_phone_enc ? maskPhone(keys.decrypt(r.worker_phone_enc)) : '',
      attendance: r.attendance as 'came' | 'absent' | null,
      confirmedAt: r.confirmed_at,
      confirmedBy: r.confirmed_by === null ? null : r.confirmed_by === 'contact' ? ('contact' as const) : ('staff' as const),
    })),
  }
}

async function dayForStaff(db: Kysely<DB>, caller: StaffCaller, id: number) {
  const day = await repo.findDayJob(db, id)
  if (!day) throw notFound('没有找到这天的零工')
  requireStation(caller, day.source_station_id, '这是别的工作站的零工，不能查看或确认')
  return day
}

export async function getDayJobSignups(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number) {
  return daySheet(db, keys, await dayForStaff(db, caller, id))
}

/**
 * In the caller's transaction (the day's row lock holds until it ends). Who came: each "came" writes one county-confirmed day into that worker's 记工, once (a confirmed came is final;
 * confirming it again changes nothing). "absent" may be corrected to "came" later, not the other way.
 */
async function confirmAttendance(trx: Kysely<DB>, day: DayWithCounts, body: { came: number[]; absent: number[] }, by: string, now: Date) {
  if (day.work_date > chinaDate(now)) throw conflict('这天还没到，到了当天再确认谁来了')
  const both = body.came.filter((id) => body.absent.includes(id))
  if (both.length) throw validationFailed({ absent: '同一个人不能既来了又没来' })
  await repo.dayJobSeats.lock(trx, day.id)
  const signups = new Map((await repo.listSignupsForDay(trx, day.id)).map((s) => [s.id, s]))
  const unknown = [...body.came, ...body.absent].filter((id) => !signups.has(id))
  if (unknown.length) throw validationFailed({ came: '名单里有不是这天报名的人，请刷新后再确认' })
  for (const id of body.absent) await repo.setAttendance(trx, day.id, id, { attendance: 'absent', by, now })
  for (const id of body.came) {
    const s = signups.get(id)!
    if (!(await repo.setAttendance(trx, day.id, id, { attendance: 'came', by, now }))) continue
    if (s.user_id === null) continue
    const entryId = await recordCountyConfirmedDay(
      trx,
      s.user_id,
      { signupId: s.id, employerName: day.employer_name, site: day.place, date: day.work_date, wageYuan: day.wage_yuan },
      now,
    )
    await repo.setWorklogEntry(trx, s.id, entryId)
  }
}

export async function confirmStaffAttendance(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, body: { came: number[]; absent: number[] }, now: Date) {
  return inTransaction(db, async (trx) => {
    const day = await dayForStaff(trx, caller, id)
    await confirmAttendance(trx, day, body, `staff:${caller.staffId}`, now)
    await writeAudit(trx, { actor: staffActor(caller), action: 'day_job_attendance', entity: 'day_job', entityId: id, before: null, after: body, at: now })
    return daySheet(trx, keys, day)
  })
}

// The employer's contact: a link signed for one day, 3 days, opened without an account (like 对工).
const CONTACT_LINK_HOURS = 72
const contactSignature = (keys: DataKeys, payload: string) => keys.hmac('day-job-contact', payload).slice(0, 32)

/** The app page the contact opens (no account): /packages/jobs/pages/day-attendance/index?t=… */
export async function createContactLink(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, now: Date) {
  await dayForStaff(db, caller, id)
  // Rounded to the hour, so asking again within the hour gives the same link.
  const exp = Math.ceil(now.getTime() / 3_600_000) * 3600 + CONTACT_LINK_HOURS * 3600
  const payload = Buffer.from(JSON.stringify([id, exp])).toString('base64url')
  const t = `${payload}.${contactSignature(keys, payload)}`
  return { url: `/packages/jobs/pages/day-attendance/index?t=${t}`, expiresAt: new Date(exp * 1000).toISOString() }
}

/** The day of a contact link, if genuine and not expired; anything else is 404 (a forged link learns nothing). */
async function dayOfContactLink(db: Kysely<DB>, keys: DataKeys, t: string, now: Date) {
  const [payload, sig] = t.split('.')
  const gone = () => notFound('这个链接已失效，请向工作站要新的链接')
  if (!payload || !sig || !/^[0-9a-f]{32}$/.test(sig)) throw gone()
  if (!timingSafeEqual(Buffer.from(contactSignature(keys, payload)), Buffer.from(sig))) throw gone()
  let id: unknown
  let exp: unknown
  try {
    ;[id, exp] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[]
  } catch {
    throw gone()
  }
  if (typeof id !== 'number' || typeof exp !== 'number' || exp * 1000 < now.getTime()) throw gone()
  const day = await repo.findDayJob(db, id)
  if (!day) throw gone()
  return day
}

export async function getContactSheet(db: Kysely<DB>, keys: DataKeys, t: string, now: Date) {
  return daySheet(db, keys, await dayOfContactLink(db, keys, t, now))
}

export async function confirmContactAttendance(db: Kysely<DB>, keys: DataKeys, t: string, body: { came: number[]; absent: number[] }, now: Date) {
  return inTransaction(db, async (trx) => {
    const day = await dayOfContactLink(trx, keys, t, now)
    await confirmAttendance(trx, day, body, 'contact', now)
    await writeAudit(trx, { actor: { kind: 'system', id: null }, action: 'day_job_attendance_contact', entity: 'day_job', entityId: day.id, before: null, after: body, at: now })
    return daySheet(trx, keys, day)
  })
}

/** Account deletion, in its transaction. */
export async function eraseDayJobRecords(trx: Kysely<DB>, userId: number): Promise<void> {
  await repo.anonymiseDaySignupsOf(trx, userId)
}
