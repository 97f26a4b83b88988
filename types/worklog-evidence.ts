/**
 * 记工 as evidence: one employer's log as a sheet the worker can print or send (with a SHA-256 digest of its content,
 * so a later copy can be checked against it), the rights request it pre-fills, and 对工 — the foreman checking the
 * month through a link, with a phone proved by an SMS code.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { isoDateTime, recordIdText } from './common'
import { noHiddenChars, phoneSchema, signedLinkToken, smsCodeSchema } from './validators'
import { paymentMethods, worklogEmployer, worklogEntry, worklogKinds, worklogMonth, worklogTotals } from './worklog'

/** Named in the canonical record, so a later change of its shape gives a different digest rather than a false match. */
export const evidenceFormat = 'wgt-worklog-evidence/1'

/** A day of the log as the sheet shows it: the worker's own entry, without the record numbers. */
export const evidenceEntry = z.omit(worklogEntry, { id: true, employerId: true })
export type EvidenceEntry = z.infer<typeof evidenceEntry>

export const evidencePayment = z.object({
  date: z.string(),
  amountFen: z.number(),
  method: z.enum(paymentMethods),
  note: z.string(),
  /** A photo of the slip or transfer was kept with it (the photo itself is not part of the sheet). */
  hasPhoto: z.boolean(),
  enteredAt: isoDateTime,
  clientEnteredAt: isoDateTime,
  onTheDay: z.boolean(),
})
export type EvidencePayment = z.infer<typeof evidencePayment>

/** The canonical record: everything the digest covers, nothing that changes by itself (no time of printing). */
export const evidenceSheet = z.object({
  format: z.literal(evidenceFormat),
  /** The account's name, if the worker gave one. */
  workerName: z.nullable(z.string()),
  /** The employer and the agreed pay, as the worker recorded them. */
  employer: z.pick(worklogEmployer, { name: true, site: true, dayRateFen: true, hourRateFen: true, unitRateFen: true, unitLabel: true, overtimeRateFen: true }),
  /** The month the sheet covers, or null for everything logged. */
  month: z.nullable(z.string()),
  /** The first and last day with an entry or a payment. */
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
  entries: z.array(evidenceEntry),
  payments: z.array(evidencePayment),
  totals: worklogTotals,
})
export type EvidenceSheet = z.infer<typeof evidenceSheet>

export const worklogCheckAnswers = ['confirmed', 'disputed'] as const
export type WorklogCheckAnswer = (typeof worklogCheckAnswers)[number]
export const worklogCheckAnswerLabel: Record<WorklogCheckAnswer, string> = { confirmed: '对', disputed: '不对' }

/** One 对工 link as its worker sees it. */
export const worklogCheck = z.object({
  id: z.number(),
  month: z.string(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  answer: z.nullable(z.enum(worklogCheckAnswers)),
  answeredAt: z.nullable(isoDateTime),
  /** The foreman's phone, masked (139****0002). */
  foremanPhone: z.nullable(z.string()),
  disputedDates: z.array(z.string()),
  note: z.string(),
  /** The log of that month still is what the foreman saw; false once a day or payment of it changed. */
  unchanged: z.boolean(),
})
export type WorklogCheck = z.infer<typeof worklogCheck>

const byEmployer = z.object({ id: recordIdText })

export const getWorklogEvidence = endpoint({
  method: 'GET',
  path: '/me/worklog/employers/:id/evidence',
  access: 'worker',
  summary: 'The evidence sheet of one employer (a month or all): the record, its SHA-256 digest, and a printable page',
  params: byEmployer,
  query: z.object({ month: z.optional(worklogMonth) }),
  response: z.object({
    sheet: evidenceSheet,
    /** SHA-256 (hex) of the sheet's canonical JSON: keys sorted, no spaces. */
    digest: z.string(),
    /** The printable page, signed and expiring: opened in a browser, printed or saved as PDF, sent on. */
    printUrl: z.string(),
    printUrlExpiresAt: isoDateTime,
    /** The latest 对工 answers for this employer, newest first. */
    checks: z.array(worklogCheck),
  }),
})


export const printWorklogEvidence = endpoint({
  method: 'GET',
  path: '/worklog-evidence',
  access: 'public',
  summary: 'The evidence sheet as a printable page, from the signed link (outside the app: a browser, a print shop); expired or forged: 404',
  query: z.object({
    t: signedLinkToken('这个证据单链接不完整，请在务工通里重新打开'),
    /** `1` saves the page as a file instead of showing it. */
    download: z.optional(z.enum(['1'], '只能是 1')),
  }),
  // Always the page (`files`), never JSON.
  response: z.never(),
  files: ['html'],
})

export const getWorklogComplaintDraft = endpoint({
  method: 'GET',
  path: '/me/worklog/employers/:id/complaint-draft',
  access: 'worker',
  summary: 'A rights request for unpaid wages pre-filled from the log: employer, site, period, amount owed and the evidence digest',
  params: byEmployer,
  response: z.object({
    category: z.literal('unpaid_wages'),
    description: z.string(),
    employerName: z.string(),
    workAddress: z.string(),
    /** 'YYYY-MM' of the first and the last day logged; null with nothing logged. */
    workedFrom: z.nullable(z.string()),
    workedTo: z.nullable(z.string()),
    /** Whole yuan, as the request takes it (rounded up to the yuan: the exact sum in fen is in the description). */
    amountOwedYuan: z.number(),
    owedFen: z.number(),
    workersAffected: z.number(),
    /** Sent with the request so the server attaches the evidence sheet to the case. */
    worklogEmployerId: z.number(),
    digest: z.string(),
  }),
})

export const createWorklogCheck = endpoint({
  method: 'POST',
  path: '/me/worklog/employers/:id/checks',
  access: 'worker',
  status: 201,
  summary: '对工: a read-only link for the foreman to check a month (valid 7 days)',
  params: byEmployer,
  body: z.object({ month: worklogMonth }),
  response: z.object({
    check: worklogCheck,
    /** Goes in the link only; the server keeps its hash. */
    token: z.string(),
    /** The app page the foreman opens: /packages/worklog/pages/check/index?token=… */
    path: z.string(),
  }),
})

/** A link's token: 32 random bytes, base64url. */
const checkToken = z.object({ token: z.string('链接不对').check(z.regex(/^[A-Za-z0-9_-]{43}$/, '链接不对，请让工友重新发一次')) })

export const foremanCheckView = z.object({
  workerName: z.nullable(z.string()),
  employerName: z.string(),
  site: z.string(),
  month: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(worklogKinds),
      days: z.nullable(z.number()),
      hours: z.nullable(z.number()),
      overtimeHours: z.number(),
      quantity: z.nullable(z.number()),
      amountFen: z.nullable(z.number()),
      earnedFen: z.nullable(z.number()),
    }),
  ),
  payments: z.array(z.object({ date: z.string(), amountFen: z.number(), method: z.enum(paymentMethods) })),
  totals: worklogTotals,
  unitLabel: z.nullable(z.string()),
  expiresAt: isoDateTime,
  answer: z.nullable(z.enum(worklogCheckAnswers)),
  answeredAt: z.nullable(isoDateTime),
})
export type ForemanCheckView = z.infer<typeof foremanCheckView>

export const getForemanCheck = endpoint({
  method: 'GET',
  path: '/worklog-checks/:token',
  access: 'public',
  summary: '对工, for the foreman without an account: the days and amounts of one month (the link expired or unknown: 404)',
  params: checkToken,
  response: foremanCheckView,
})

export const sendForemanCheckCode = endpoint({
  method: 'POST',
  path: '/worklog-checks/:token/sms-code',
  access: 'public',
  summary: 'The foreman asks for an SMS code to prove the phone the answer comes from (the sign-in code sender and its limits)',
  params: checkToken,
  body: z.object({ phone: phoneSchema }),
  response: z.object({ sentTo: z.string(), resendAfterSeconds: z.number(), expiresInSeconds: z.number() }),
})

export const foremanCheckAnswerBody = z
  .object({
    phone: phoneSchema,
    code: smsCodeSchema,
    answer: z.enum(worklogCheckAnswers, '请选 对 或 不对'),
    /** The days the foreman disputes (of the month shown). */
    disputedDates: z._default(z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期不对'))).check(z.maxLength(31, '最多31天')), []),
    note: z._default(z.string().check(noHiddenChars, z.trim(), z.maxLength(200, '最多写200个字')), ''),
  })
  .check(
    z.refine((b) => b.answer !== 'disputed' || b.disputedDates.length > 0 || b.note.length > 0, {
      message: '请点出哪几天不对，或者写一句哪里不对',
      path: ['disputedDates'],
    }),
  )
export type ForemanCheckAnswerBody = z.input<typeof foremanCheckAnswerBody>

export const answerForemanCheck = endpoint({
  method: 'POST',
  path: '/worklog-checks/:token/answer',
  access: 'public',
  summary: 'The foreman answers 对 or 不对 (naming disputed days), with the SMS code; once per link',
  params: checkToken,
  body: foremanCheckAnswerBody,
  response: foremanCheckView,
})

/**
 * A case's tracking number, as types/rights.ts reads it: repeated here rather than imported, so the log's pages do not
 * carry the rights contract (and the rights tab, in the main package, does not carry the log's).
 */
const caseParam = z.object({
  trackingNo: z.string().check(z.trim(), z.regex(/^(?:WS-)?\d{4}-\d{6}$/i, '求助编号不对，例如 2026-000123')),
})

export const staffCaseWorklogEvidence = endpoint({
  method: 'GET',
  path: '/staff/rights-requests/:trackingNo/worklog-evidence',
  access: 'staff',
  summary: 'The 记工 evidence sheet sent with a case, as it was sent, for staff who may read the case (null when it has none)',
  params: caseParam,
  response: z.object({
    evidence: z.nullable(
      z.object({
        sheet: evidenceSheet,
        digest: z.string(),
        recordedAt: isoDateTime,
        /** The copy still gives its digest: false once the worker's name was erased with the account. */
        intact: z.boolean(),
      }),
    ),
  }),
})
