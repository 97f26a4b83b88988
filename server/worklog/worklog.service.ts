/** 记工 rules: owner-only records, one work entry per employer, day and kind, evidence times, totals, export, erasure. */
import type { Kysely } from 'kysely'
import type { z } from 'zod/mini'
import {
  type PaymentMethod,
  type WorklogEmployer,
  type worklogEmployerBody,
  type WorklogEmployerSummary,
  type WorklogEntry,
  type worklogEntryBody,
  type WorklogKind,
  type WorklogPayment,
  type worklogPaymentBody,
  type WorklogTotals,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { isUniqueViolation } from '../db/dialect'
import type { PhotoStorage } from '../uploads/photo-storage'
import type { DB } from '../db/schema'
import { conflict, notFound, validationFailed } from '../http/app-error'
import { findOwnApplication } from '../jobs/applications.repository'
import { chinaDate } from '../lib/dates'
import { attachmentOf, removeUploadFiles } from '../uploads/uploads.service'
import * as repo from './worklog.repository'
import { eraseWorklogEvidence } from './worklog-evidence.service'
import { listAllChecks } from './worklog-evidence.repository'
import { eraseSites, findSettings, listMySites } from './worklog-sites.repository'
import type { EmployerRow, EntryRow, PaymentRow } from './worklog.repository'
import { countTotals, entryEarnedFen, type RateSource } from './worklog-totals'

type EmployerBody = z.output<typeof worklogEmployerBody>
type EntryBody = z.output<typeof worklogEntryBody>
type PaymentBody = z.output<typeof worklogPaymentBody>

/** A phone clock up to this far ahead of the server is believed; further ahead, the server's time stands. */
const CLOCK_SKEW_MS = 5 * 60 * 1000
const x100 = (n: number | null) => (n === null ? null : Math.round(n * 100))
const fromX100 = (n: number | null) => (n === null ? null : n / 100)

const notMine = () => notFound('没有找到这条记录')

export function toEmployer(row: EmployerRow): WorklogEmployer {
  return {
    id: row.id,
    name: row.name,
    site: row.site,
    dayRateFen: row.day_rate_fen,
    hourRateFen: row.hour_rate_fen,
    unitRateFen: row.unit_rate_fen,
    unitLabel: row.unit_label,
    overtimeRateFen: row.overtime_rate_fen,
    applicationId: row.application_id,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toEntry(row: EntryRow, employer: RateSource | undefined): WorklogEntry {
  return {
    id: row.id,
    employerId: row.employer_id,
    date: row.date,
    kind: row.kind as WorklogKind,
    days: fromX100(row.days_x100),
    hours: fromX100(row.hours_x100),
    overtimeHours: row.overtime_hours_x100 / 100,
    quantity: fromX100(row.quantity_x100),
    rateFen: row.rate_fen,
    amountFen: row.amount_fen,
    earnedFen: employer ? entryEarnedFen(row, employer) : null,
    note: row.note,
    enteredAt: row.entered_at,
    clientEnteredAt: row.client_entered_at,
    onTheDay: row.on_the_day === 1,
    correctedAt: row.corrected_at,
    countyConfirmed: row.day_job_signup_id !== null,
  }
}

function toPayment(row: PaymentRow, photoTypes: Map<string, string>, keys: DataKeys, now: Date): WorklogPayment {
  const type = row.photo_id ? photoTypes.get(row.photo_id) : undefined
  return {
    id: row.id,
    employerId: row.employer_id,
    date: row.date,
    amountFen: row.amount_fen,
    method: row.method as PaymentMethod,
    note: row.note,
    photo: row.photo_id && type ? attachmentOf(keys, row.photo_id, type, now) : null,
    enteredAt: row.entered_at,
    clientEnteredAt: row.client_entered_at,
    onTheDay: row.on_the_day === 1,
  }
}

async function presentPayments(db: Kysely<DB>, keys: DataKeys, rows: PaymentRow[], now: Date): Promise<WorklogPayment[]> {
  const types = await repo.photoTypes(db, rows.flatMap((r) => (r.photo_id ? [r.photo_id] : [])))
  return rows.map((r) => toPayment(r, types, keys, now))
}

/** A day not yet come cannot be logged (by the server's China date: the phone's clock may be wrong). */
function checkNotFuture(date: string, now: Date): void {
  if (date > chinaDate(now)) throw validationFailed({ date: '还没到这一天，不能提前记' })
}

/**
 * When it was entered and whether on its own day: the phone's time (a phone far ahead of the server is not believed),
 * and the server's own time beside it, so an entry made later cannot pass for one made at the time.
 */
function evidenceTimes(date: string, clientEnteredAt: string | undefined, now: Date) {
  const claimed = clientEnteredAt ? new Date(clientEnteredAt) : now
  const client = claimed.getTime() > now.getTime() + CLOCK_SKEW_MS ? now : claimed
  return { entered_at: now.toISOString(), client_entered_at: client.toISOString(), on_the_day: (chinaDate(client) === date ? 1 : 0) as 0 | 1 }
}

async function ownEmployer(db: Kysely<DB>, userId: number, id: number, field = 'employerId'): Promise<EmployerRow> {
  const employer = await repo.findOwnEmployer(db, userId, id)
  if (!employer) throw validationFailed({ [field]: '没有找到这个老板，请重新选择' })
  return employer
}

function employerColumns(body: EmployerBody) {
  return {
    name: body.name,
    site: body.site,
    day_rate_fen: body.dayRateFen,
    hour_rate_fen: body.hourRateFen,
    unit_rate_fen: body.unitRateFen,
    unit_label: body.unitLabel,
    overtime_rate_fen: body.overtimeRateFen,
    application_id: body.applicationId,
    note: body.note,
  }
}

async function checkApplication(db: Kysely<DB>, userId: number, applicationId: number | null): Promise<void> {
  if (applicationId !== null && !(await findOwnApplication(db, applicationId, userId))) {
    throw validationFailed({ applicationId: '没有找到您的这份报名' })
  }
}

export async function listWorklogEmployers(db: Kysely<DB>, userId: number): Promise<{ items: WorklogEmployer[] }> {
  const rows = await repo.listEmployers(db, userId)
  // Latest logged first, then employers never logged (newest first): the one in use now is at the top.
  const sorted = [...rows].sort((a, b) => String(b.last_entered_at ?? '').localeCompare(String(a.last_entered_at ?? '')) || b.id - a.id)
  return { items: sorted.map(toEmployer) }
}

export async function createWorklogEmployer(trx: Kysely<DB>, userId: number, body: EmployerBody, now: Date): Promise<WorklogEmployer> {
  await checkApplication(trx, userId, body.applicationId)
  const at = now.toISOString()
  const id = await repo.insertEmployer(trx, { user_id: userId, ...employerColumns(body), created_at: at, updated_at: at })
  return toEmployer((await repo.findOwnEmployer(trx, userId, id))!)
}

export async function updateWorklogEmployer(trx: Kysely<DB>, userId: number, id: number, body: EmployerBody, now: Date): Promise<WorklogEmployer> {
  if (!(await repo.findOwnEmployer(trx, userId, id))) throw notMine()
  await checkApplication(trx, userId, body.applicationId)
  await repo.updateEmployer(trx, userId, id, { ...employerColumns(body), updated_at: now.toISOString() })
  return toEmployer((await repo.findOwnEmployer(trx, userId, id))!)
}

function entryColumns(body: EntryBody) {
  return {
    employer_id: body.employerId,
    date: body.date,
    kind: body.kind,
    days_x100: x100(body.days),
    hours_x100: x100(body.hours),
    overtime_hours_x100: x100(body.overtimeHours) ?? 0,
    quantity_x100: x100(body.quantity),
    rate_fen: body.kind === 'advance' ? null : body.rateFen,
    amount_fen: body.amountFen,
    note: body.note,
  }
}

/** The rate an entry needs must be agreed, or come with the entry: else the day could never be counted. */
function checkPriced(body: EntryBody, employer: EmployerRow): void {
  if (body.rateFen !== null || body.kind === 'advance') return
  if (body.kind === 'contract_quantity' && employer.unit_rate_fen === null) {
    throw validationFailed({ rateFen: `还没填和“${employer.name}”约定的单价，请填上单价` })
  }
}

async function writeEntry(run: () => Promise<number>): Promise<number> {
  try {
    return await run()
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('这一天刚刚记过了，请刷新后再看')
    throw error
  }
}

/**
 * Logs a day for one of my employers. The same employer, day and kind logged again replaces the entry: it keeps
 * when it was first entered (the evidence) and is marked corrected. Advances are always added.
 */
export async function logWorklogDay(trx: Kysely<DB>, userId: number, body: EntryBody, now: Date): Promise<WorklogEntry> {
  checkNotFuture(body.date, now)
  const employer = await ownEmployer(trx, userId, body.employerId)
  checkPriced(body, employer)
  const existing = body.kind === 'advance' ? undefined : await repo.findDayEntry(trx, userId, body.employerId, body.date, body.kind)
  let id: number
  if (existing) {
    await repo.updateEntry(trx, userId, existing.id, { ...entryColumns(body), corrected_at: now.toISOString() })
    id = existing.id
  } else {
    id = await writeEntry(() =>
      repo.insertEntry(trx, { user_id: userId, ...entryColumns(body), ...evidenceTimes(body.date, body.clientEnteredAt, now), corrected_at: null }),
    )
  }
  return toEntry((await repo.findOwnEntry(trx, userId, id))!, employer)
}

/** Corrects an entry of mine; when it was first entered and whether on the day stay as they were. */
export async function updateWorklogDay(trx: Kysely<DB>, userId: number, id: number, body: EntryBody, now: Date): Promise<WorklogEntry> {
  const row = await repo.findOwnEntry(trx, userId, id)
  if (!row) throw notMine()
  checkNotFuture(body.date, now)
  const employer = await ownEmployer(trx, userId, body.employerId)
  checkPriced(body, employer)
  if (body.kind !== 'advance') {
    const other = await repo.findDayEntry(trx, userId, body.employerId, body.date, body.kind)
    if (other && other.id !== id) throw conflict('这一天已经记过了，请改那一条')
  }
  await writeEntry(async () => {
    await repo.updateEntry(trx, userId, id, { ...entryColumns(body), corrected_at: now.toISOString() })
    return id
  })
  return toEntry((await repo.findOwnEntry(trx, userId, id))!, employer)
}

export async function deleteWorklogDay(db: Kysely<DB>, userId: number, id: number): Promise<{ deleted: true }> {
  if (!(await repo.deleteEntry(db, userId, id))) throw notMine()
  return { deleted: true }
}

export async function addWorklogPayment(trx: Kysely<DB>, keys: DataKeys, userId: number, body: PaymentBody, now: Date): Promise<WorklogPayment> {
  checkNotFuture(body.date, now)
  await ownEmployer(trx, userId, body.employerId)
  if (body.photoId !== null && !(await repo.findFreePhoto(trx, userId, body.photoId))) {
    throw validationFailed({ photoId: '照片找不到或已经用过了，请重新上传' })
  }
  const id = await repo.insertPayment(trx, {
    user_id: userId,
    employer_id: body.employerId,
    date: body.date,
    amount_fen: body.amountFen,
    method: body.method,
    note: body.note,
    photo_id: body.photoId,
    ...evidenceTimes(body.date, body.clientEnteredAt, now),
  })
  if (body.photoId !== null) await repo.markPhotoUsed(trx, body.photoId, id)
  const [payment] = await presentPayments(trx, keys, [(await repo.findOwnPayment(trx, userId, id))!], now)
  return payment
}

/** Deletes a payment of mine and its photo (the file once the row is gone). */
export async function deleteWorklogPayment(db: Kysely<DB>, userId: number, id: number, photos?: PhotoStorage): Promise<{ deleted: true }> {
  const photo = await db.transaction().execute(async (trx) => {
    const row = await repo.findOwnPayment(trx, userId, id)
    if (!row) throw notMine()
    await repo.deletePayment(trx, userId, id)
    if (row.photo_id) await repo.deletePhoto(trx, row.photo_id)
    return row.photo_id
  })
  if (photo && photos) await removeUploadFiles(photos, [photo])
  return { deleted: true }
}

const monthRange = (month: string) => ({ from: `${month}-01`, to: `${month}-31` })

export async function getWorklogMonth(db: Kysely<DB>, keys: DataKeys, userId: number, month: string, now: Date) {
  const range = monthRange(month)
  const [employers, entries, payments, lastEmployerId] = await Promise.all([
    listWorklogEmployers(db, userId),
    repo.listEntries(db, userId, range),
    repo.listPayments(db, userId, range),
    repo.lastEntryEmployerId(db, userId),
  ])
  const rates = await employerRates(db, userId)
  return {
    month,
    today: chinaDate(now),
    employers: employers.items,
    entries: entries.map((e) => toEntry(e, rates.get(e.employer_id))),
    payments: await presentPayments(db, keys, payments, now),
    lastEmployerId,
  }
}

async function employerRates(db: Kysely<DB>, userId: number): Promise<Map<number, EmployerRow>> {
  return new Map((await repo.listEmployers(db, userId)).map((e) => [e.id, e]))
}

/** One employer's totals, per month (newest first) and over everything. */
function summarise(employer: EmployerRow, entries: EntryRow[], payments: PaymentRow[]): WorklogEmployerSummary {
  const months = [...new Set([...entries, ...payments].map((r) => r.date.slice(0, 7)))].sort().reverse()
  const monthTotals = (month: string): WorklogTotals =>
    countTotals(
      entries.filter((e) => e.date.startsWith(month)),
      payments.filter((p) => p.date.startsWith(month)),
      employer,
    )
  return {
    employer: toEmployer(employer),
    months: months.map((month) => ({ month, totals: monthTotals(month) })),
    total: countTotals(entries, payments, employer),
  }
}

export async function getWorklogSummary(db: Kysely<DB>, userId: number, month: string | undefined): Promise<{ employers: WorklogEmployerSummary[] }> {
  const range = month ? monthRange(month) : {}
  const [employers, entries, payments] = await Promise.all([
    listWorklogEmployers(db, userId),
    repo.listEntries(db, userId, range),
    repo.listPayments(db, userId, range),
  ])
  const rows = await employerRates(db, userId)
  return {
    employers: employers.items
      .map((e) => rows.get(e.id)!)
      .map((e) => summarise(e, entries.filter((x) => x.employer_id === e.id), payments.filter((p) => p.employer_id === e.id)))
      // An employer with nothing in the asked month has nothing to say about it.
      .filter((s) => !month || s.months.length > 0),
  }
}

export async function getWorklogEmployer(db: Kysely<DB>, keys: DataKeys, userId: number, id: number, now: Date) {
  const employer = await repo.findOwnEmployer(db, userId, id)
  if (!employer) throw notMine()
  const [entries, payments] = await Promise.all([repo.listEntries(db, userId, { employerId: id }), repo.listPayments(db, userId, { employerId: id })])
  return { ...summarise(employer, entries, payments), payments: (await presentPayments(db, keys, [...payments].reverse(), now)) }
}

/** For the worker's export: the whole log, as stored (money in fen, counts as numbers). */
export async function exportWorklog(db: Kysely<DB>, userId: number) {
  const [employers, entries, payments, checks, sites, settings] = await Promise.all([
    repo.listEmployers(db, userId),
    repo.listEntries(db, userId, {}),
    repo.listPayments(db, userId, {}),
    listAllChecks(db, userId),
    listMySites(db, userId),
    findSettings(db, userId),
  ])
  const rates = new Map(employers.map((e) => [e.id, e]))
  return {
    worklogEmployers: [...employers].sort((a, b) => a.id - b.id).map(toEmployer),
    worklogEntries: entries.map((e) => toEntry(e, rates.get(e.employer_id))),
    worklogPayments: payments.map((p) => ({
      id: p.id,
      employerId: p.employer_id,
      date: p.date,
      amountFen: p.amount_fen,
      method: p.method,
      note: p.note,
      photoId: p.photo_id,
      enteredAt: p.entered_at,
      clientEnteredAt: p.client_entered_at,
      onTheDay: p.on_the_day === 1,
    })),
    // 对工 links and the answers; the foreman's phone is theirs, so it is not in the worker's export.
    worklogChecks: checks.map((c) => ({
      id: c.id,
      employerId: c.employer_id,
      month: c.month,
      createdAt: c.created_at,
      expiresAt: c.expires_at,
      answer: c.answer,
      answeredAt: c.answered_at,
      disputedDates: JSON.parse(c.disputed_dates) as string[],
      note: c.answer_note,
    })),
    // Sites shared with co-workers: what they share, and whether I shared it (who else joined is theirs).
    worklogSites: sites.map((r) => ({ code: r.code, name: r.name, site: r.site, employerId: r.employer_id, sharedByMe: r.created_by === userId, createdAt: r.created_at })),
    // Only a choice the worker made is a record of theirs; the default (reminder on) is not.
    worklogSettings: settings ? [{ eveningReminder: settings.evening_reminder === 1 }] : [],
  }
}

/** Account deletion: the log is the worker's alone and goes entirely. Returns photo ids whose files go after commit. */
export async function eraseWorklogData(trx: Kysely<DB>, userId: number): Promise<string[]> {
  await eraseWorklogEvidence(trx, userId)
  await eraseSites(trx, userId)
  return repo.eraseWorklog(trx, userId)
}
