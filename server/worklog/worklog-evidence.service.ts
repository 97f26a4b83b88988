/**
 * 记工 as evidence: the sheet of one employer (a canonical record and its SHA-256), the rights request it pre-fills,
 * the copy that goes with a case, and 对工 links the foreman answers without an account.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { z } from 'zod/mini'
import {
  evidenceFormat,
  type EvidenceSheet,
  type foremanCheckAnswerBody,
  type ForemanCheckView,
  formatFen,
  maskPhone,
  type PaymentMethod,
  type WorklogCheck,
  type WorklogCheckAnswer,
  type WorklogKind,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { findUserName } from '../accounts/users.repository'
import type { DB } from '../db/schema'
import { conflict, notFound, validationFailed } from '../http/app-error'
import { chinaDate } from '../lib/dates'
import * as repo from './worklog.repository'
import type { EmployerRow } from './worklog.repository'
import * as evidence from './worklog-evidence.repository'
import { countCoworkers } from './worklog-sites.repository'
import type { CheckRow } from './worklog-evidence.repository'
import { countTotals, entryEarnedFen } from './worklog-totals'

const HOUR_MS = 60 * 60 * 1000
/** A printable page's link works this long: long enough to send it on and print it elsewhere. */
const PRINT_LINK_HOURS = 7 * 24
/** A 对工 link works this long. */
const CHECK_LINK_DAYS = 7

const notMine = () => notFound('没有找到这条记录')
const fromX100 = (n: number | null) => (n === null ? null : n / 100)

/** JSON with every object's keys sorted and no spaces: the same record gives the same text, so the same digest. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export const digestOf = (sheet: EvidenceSheet): string => createHash('sha256').update(canonicalJson(sheet), 'utf8').digest('hex')

const monthRange = (month: string) => ({ from: `${month}-01`, to: `${month}-31` })

/** The canonical record of one employer's log: a month, or everything. */
export async function buildSheet(db: Kysely<DB>, userId: number, employer: EmployerRow, month: string | null): Promise<EvidenceSheet> {
  const range = { employerId: employer.id, ...(month ? monthRange(month) : {}) }
  const [entries, payments, user] = await Promise.all([
    repo.listEntries(db, userId, range),
    repo.listPayments(db, userId, range),
    findUserName(db, userId),
  ])
  const dates = [...entries, ...payments].map((r) => r.date).sort()
  return {
    format: evidenceFormat,
    workerName: user?.name ?? null,
    employer: {
      name: employer.name,
      site: employer.site,
      dayRateFen: employer.day_rate_fen,
      hourRateFen: employer.hour_rate_fen,
      unitRateFen: employer.unit_rate_fen,
      unitLabel: employer.unit_label,
      overtimeRateFen: employer.overtime_rate_fen,
    },
    month,
    from: dates[0] ?? null,
    to: dates[dates.length - 1] ?? null,
    entries: entries.map((e) => ({
      date: e.date,
      kind: e.kind as WorklogKind,
      days: fromX100(e.days_x100),
      hours: fromX100(e.hours_x100),
      overtimeHours: e.overtime_hours_x100 / 100,
      quantity: fromX100(e.quantity_x100),
      rateFen: e.rate_fen,
      amountFen: e.amount_fen,
      earnedFen: entryEarnedFen(e, employer),
      note: e.note,
      enteredAt: e.entered_at,
      clientEnteredAt: e.client_entered_at,
      onTheDay: e.on_the_day === 1,
      correctedAt: e.corrected_at,
    })),
    payments: payments.map((p) => ({
      date: p.date,
      amountFen: p.amount_fen,
      method: p.method as PaymentMethod,
      note: p.note,
      hasPhoto: p.photo_id !== null,
      enteredAt: p.entered_at,
      clientEnteredAt: p.client_entered_at,
      onTheDay: p.on_the_day === 1,
    })),
    totals: countTotals(entries, payments, employer),
  }
}

async function ownEmployerOr404(db: Kysely<DB>, userId: number, id: number): Promise<EmployerRow> {
  const employer = await repo.findOwnEmployer(db, userId, id)
  if (!employer) throw notMine()
  return employer
}

// The printable page: a link signed for one worker, employer and month, that expires. It is opened outside the app
// (a browser, a print shop, the labour inspector's computer), where there is no sign-in.
interface PrintClaim {
  userId: number
  employerId: number
  month: string | null
  exp: number
}

const printSignature = (keys: DataKeys, payload: string) => keys.hmac('worklog-evidence-print', payload).slice(0, 32)

export function printLink(keys: DataKeys, claim: Omit<PrintClaim, 'exp'>, now: Date): { url: string; expiresAt: string } {
  // Rounded to the hour, so asking again within the hour gives the same link.
  const exp = Math.ceil(now.getTime() / HOUR_MS) * 3600 + PRINT_LINK_HOURS * 3600
  const payload = Buffer.from(JSON.stringify([claim.userId, claim.employerId, claim.month, exp])).toString('base64url')
  return { url: `/api/worklog-evidence?t=${payload}.${printSignature(keys, payload)}`, expiresAt: new Date(exp * 1000).toISOString() }
}

/** The claim of a print link, if it is genuine and not expired; anything else reads as not found. */
export function readPrintLink(keys: DataKeys, t: unknown, now: Date): PrintClaim | null {
  if (typeof t !== 'string' || t.length > 300) return null
  const [payload, sig] = t.split('.')
  if (!payload || !sig || !/^[0-9a-f]{32}$/.test(sig)) return null
  if (!timingSafeEqual(Buffer.from(printSignature(keys, payload)), Buffer.from(sig))) return null
  try {
    const [userId, employerId, month, exp] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[]
    if (typeof userId !== 'number' || typeof employerId !== 'number' || typeof exp !== 'number') return null
    if (month !== null && typeof month !== 'string') return null
    if (exp * 1000 < now.getTime()) return null
    return { userId, employerId, month: month as string | null, exp }
  } catch {
    return null
  }
}

/** The sheet behind a print link, as the log stands now (so a changed log prints a different digest). */
export async function sheetOfPrintLink(db: Kysely<DB>, keys: DataKeys, t: unknown, now: Date) {
  const claim = readPrintLink(keys, t, now)
  if (!claim) return null
  const employer = await repo.findOwnEmployer(db, claim.userId, claim.employerId)
  if (!employer) return null
  const sheet = await buildSheet(db, claim.userId, employer, claim.month)
  return { sheet, digest: digestOf(sheet) }
}

export async function getWorklogEvidence(db: Kysely<DB>, keys: DataKeys, userId: number, employerId: number, month: string | undefined, now: Date) {
  const employer = await ownEmployerOr404(db, userId, employerId)
  const sheet = await buildSheet(db, userId, employer, month ?? null)
  const link = printLink(keys, { userId, employerId, month: month ?? null }, now)
  return { sheet, digest: digestOf(sheet), printUrl: link.url, printUrlExpiresAt: link.expiresAt, checks: await listChecks(db, keys, userId, employer) }
}

/** 2026-05 → 2026年5月 */
const monthWords = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`

/** The rights request the log fills in: everything the worker would otherwise type, to check and change before sending. */
export async function getWorklogComplaintDraft(db: Kysely<DB>, userId: number, employerId: number) {
  const employer = await ownEmployerOr404(db, userId, employerId)
  const sheet = await buildSheet(db, userId, employer, null)
  const { totals } = sheet
  const from = sheet.from?.slice(0, 7) ?? null
  const to = sheet.to?.slice(0, 7) ?? null
  const where = employer.site ? `（${employer.site}）` : ''
  const period = from && to ? (from === to ? monthWords(from) : `${monthWords(from)}到${monthWords(to)}`) : ''
  const description = [
    `我给“${employer.name}”${where}干活${period ? `，${period}` : ''}，每天都用务工通记了工。`,
    `按记工算，一共该挣 ${formatFen(totals.earnedFen)}，老板给了 ${formatFen(totals.paidFen)}${totals.advancesFen ? `，借支 ${formatFen(totals.advancesFen)}` : ''}，还欠我 ${formatFen(Math.max(totals.owedFen, 0))}。`,
    '记工证据单附在后面。',
  ].join('')
  return {
    category: 'unpaid_wages' as const,
    description,
    employerName: employer.name,
    workAddress: employer.site,
    workedFrom: from,
    workedTo: to,
    // The request counts whole yuan; rounded up, so a few jiao owed are not dropped (the description has the exact sum).
    amountOwedYuan: totals.owedFen > 0 ? Math.ceil(totals.owedFen / 100) : 0,
    owedFen: totals.owedFen,
    // Me, and the co-workers on its shared site who logged a day there (each joined it themself): only the number.
    workersAffected: employer.site_id === null ? 1 : 1 + (await countCoworkers(db, employer.site_id, userId)).logged,
    worklogEmployerId: employer.id,
    digest: digestOf(sheet),
  }
}

/**
 * A rights request sent with one of my employers' logs: a copy of the sheet as it stands goes with the case (the log
 * stays mine and may change; the copy and its digest do not), and the timeline says so for the worker and the staff.
 */
export async function evidenceForRequest(trx: Kysely<DB>, userId: number, employerId: number) {
  const employer = await repo.findOwnEmployer(trx, userId, employerId)
  if (!employer) return null
  const sheet = await buildSheet(trx, userId, employer, null)
  const digest = digestOf(sheet)
  const owed = sheet.totals.owedFen
  const text = [
    `附上记工证据单：${employer.name}`,
    sheet.from && sheet.to ? `，${sheet.from} 到 ${sheet.to}` : '',
    `，记了${sheet.entries.length}条、收钱${sheet.payments.length}笔`,
    `，${owed > 0 ? `还欠 ${formatFen(owed)}` : '按记工不欠钱'}。`,
    `校验码（SHA-256）：${digest}`,
  ].join('')
  return {
    text,
    record: async (requestId: number, now: Date) =>
      evidence.insertEvidence(trx, {
        request_id: requestId,
        user_id: userId,
        employer_id: employer.id,
        digest,
        sheet_json: canonicalJson(sheet),
        created_at: now.toISOString(),
      }),
  }
}

/** The copy sent with a case, for the staff who handle it (the caller has already been allowed to read the case). */
export async function evidenceOfRequest(db: Kysely<DB>, requestId: number) {
  const row = await evidence.findEvidenceOfRequest(db, requestId)
  if (!row) return null
  const intact = createHash('sha256').update(row.sheet_json, 'utf8').digest('hex') === row.digest
  return { sheet: JSON.parse(row.sheet_json) as EvidenceSheet, digest: row.digest, recordedAt: row.created_at, intact }
}

// 对工

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')
const checkPath = (token: string) => `/packages/worklog/pages/check/index?token=${token}`

function toCheck(row: CheckRow, keys: DataKeys, currentDigest: string | undefined): WorklogCheck {
  return {
    id: row.id,
    month: row.month,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    answer: row.answer as WorklogCheckAnswer | null,
    answeredAt: row.answered_at,
    foremanPhone: row.foreman_phone_enc ? maskPhone(keys.decrypt(row.foreman_phone_enc)) : null,
    disputedDates: JSON.parse(row.disputed_dates) as string[],
    note: row.answer_note,
    unchanged: currentDigest === row.digest,
  }
}

async function listChecks(db: Kysely<DB>, keys: DataKeys, userId: number, employer: EmployerRow): Promise<WorklogCheck[]> {
  const rows = await evidence.listChecks(db, userId, employer.id)
  const digests = new Map<string, string>()
  for (const month of new Set(rows.map((r) => r.month))) digests.set(month, digestOf(await buildSheet(db, userId, employer, month)))
  return rows.map((r) => toCheck(r, keys, digests.get(r.month)))
}

export async function listWorklogChecks(db: Kysely<DB>, keys: DataKeys, userId: number, employerId: number) {
  return listChecks(db, keys, userId, await ownEmployerOr404(db, userId, employerId))
}

export async function createWorklogCheck(db: Kysely<DB>, keys: DataKeys, userId: number, employerId: number, month: string, now: Date) {
  if (month > chinaDate(now).slice(0, 7)) throw validationFailed({ month: '这个月还没到' })
  return db.transaction().execute(async (trx) => {
    const employer = await ownEmployerOr404(trx, userId, employerId)
    const sheet = await buildSheet(trx, userId, employer, month)
    if (sheet.entries.length === 0) throw validationFailed({ month: `${monthWords(month)}还没有记工，没有可以对的` })
    const token = randomBytes(32).toString('base64url')
    const id = await evidence.insertCheck(trx, {
      user_id: userId,
      employer_id: employer.id,
      month,
      token_hash: tokenHash(token),
      digest: digestOf(sheet),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CHECK_LINK_DAYS * 24 * HOUR_MS).toISOString(),
      answer: null,
      foreman_phone_enc: null,
      answered_at: null,
    })
    const row = (await evidence.findOwnCheck(trx, userId, id))!
    return { check: toCheck(row, keys, row.digest), token, path: checkPath(token) }
  })
}

/** The link's row while it works; an unknown or expired link is a 404 that says what to do. */
async function liveCheck(db: Kysely<DB>, token: string, now: Date): Promise<CheckRow> {
  const row = await evidence.findCheckByTokenHash(db, tokenHash(token))
  if (!row || Date.parse(row.expires_at) <= now.getTime()) throw notFound('这个对工链接已经过期或不存在，请让工友重新发一次')
  return row
}

async function foremanView(db: Kysely<DB>, row: CheckRow): Promise<ForemanCheckView> {
  const employer = (await repo.findOwnEmployer(db, row.user_id, row.employer_id))!
  const sheet = await buildSheet(db, row.user_id, employer, row.month)
  return {
    workerName: sheet.workerName,
    employerName: employer.name,
    site: employer.site,
    month: row.month,
    // What the foreman needs to check: days and sums; the worker's notes and entry times stay with the worker.
    days: sheet.entries.map((e) => ({
      date: e.date,
      kind: e.kind,
      days: e.days,
      hours: e.hours,
      overtimeHours: e.overtimeHours,
      quantity: e.quantity,
      amountFen: e.amountFen,
      earnedFen: e.earnedFen,
    })),
    payments: sheet.payments.map((p) => ({ date: p.date, amountFen: p.amountFen, method: p.method })),
    totals: sheet.totals,
    unitLabel: employer.unit_label,
    expiresAt: row.expires_at,
    answer: row.answer as WorklogCheckAnswer | null,
    answeredAt: row.answered_at,
  }
}

export async function getForemanCheck(db: Kysely<DB>, token: string, now: Date): Promise<ForemanCheckView> {
  return foremanView(db, await liveCheck(db, token, now))
}

/** Before a code is sent for a link: it works and is not answered yet. */
export async function checkOpenForAnswer(db: Kysely<DB>, token: string, now: Date): Promise<void> {
  const row = await liveCheck(db, token, now)
  if (row.answer) throw conflict('这个月已经对过了')
}

/** The sign-in code check (accounts/auth.service `proveSmsCode`), passed in: accounts already depends on this area. */
export type ProveSmsCode = (app: FastifyInstance, trx: Kysely<DB>, phone: string, code: string, now: Date) => Promise<string | null>

/** 对 or 不对, from a phone proved by its code; once per link. A wrong code is counted, then refused. */
export async function answerForemanCheck(
  app: FastifyInstance,
  token: string,
  body: z.output<typeof foremanCheckAnswerBody>,
  proveSmsCode: ProveSmsCode,
): Promise<ForemanCheckView> {
  const now = app.clock()
  const outcome = await app.db.transaction().execute(async (trx) => {
    const row = await liveCheck(trx, token, now)
    if (row.answer) throw conflict('这个月已经对过了')
    const month = row.month
    const outside = body.disputedDates.find((d) => !d.startsWith(`${month}-`))
    if (outside) throw validationFailed({ disputedDates: `只能点${monthWords(month)}里的日子` })
    const refused = await proveSmsCode(app, trx, body.phone, body.code, now)
    if (refused) return { refused, view: undefined }
    const answered = await evidence.answerCheck(trx, row.id, {
      answer: body.answer,
      foreman_phone_enc: app.keys.encrypt(body.phone),
      disputed_dates: JSON.stringify(body.answer === 'disputed' ? [...new Set(body.disputedDates)].sort() : []),
      answer_note: body.note,
      answered_at: now.toISOString(),
    })
    if (!answered) throw conflict('这个月已经对过了')
    return { refused: undefined, view: await foremanView(trx, (await evidence.findCheckByTokenHash(trx, row.token_hash))!) }
  })
  if (outcome.view === undefined) throw validationFailed({ code: outcome.refused }, outcome.refused)
  return outcome.view
}

/**
 * Account deletion, before the log goes: the links go; a copy sent with a case stays with it (evidence for the open
 * case) without the worker's link or name. Its digest stays as it was sent, so it no longer matches: the name is gone.
 */
export async function eraseWorklogEvidence(trx: Kysely<DB>, userId: number): Promise<void> {
  for (const row of await evidence.eraseEvidenceOf(trx, userId)) {
    const sheet = JSON.parse(row.sheet_json) as EvidenceSheet
    await evidence.updateEvidence(trx, row.id, { user_id: null, sheet_json: canonicalJson({ ...sheet, workerName: null }) })
  }
}
