/** Every call of 记工: the month and employer reads (kept on the phone for offline use), and the keyed writes. */
import { newIdempotencyKey, readOutbox, registerQueuedWrites, request, submit, useApi, type OutboxEntry } from '@/api'
import {
  addWorklogPayment,
  createWorklogEmployer,
  deleteWorklogDay,
  deleteWorklogPayment,
  getWorklogEmployer,
  getWorklogMonth,
  logWorklogDay,
  updateWorklogEmployer,
  type WorklogEmployerBody,
  type WorklogEntryBody,
  type WorklogPaymentBody,
} from '@contract/worklog'
import { getWorklogSettings, getWorklogSite, joinWorklogSite, shareWorklogSite, updateWorklogSettings } from '@contract/worklog-sites'
import { answerForemanCheck, createWorklogCheck, type ForemanCheckAnswerBody, getForemanCheck, getWorklogEvidence, sendForemanCheckCode } from '@contract/worklog-evidence'
import { apiBase } from '@/api/config'

// Days and payments kept on the phone in an earlier session go out once the log's code is loaded again.
registerQueuedWrites({ logWorklogDay, addWorklogPayment })

/** Saved reads of the log are named from here; the account clears every `worklog-*` one at sign-out. */
export const monthCache = (month: string) => `worklog-${month}`
export const employerCache = (id: number) => `worklog-employer-${id}`

export function useWorklogMonth(month: string, enabled: boolean) {
  return useApi(getWorklogMonth, { query: { month } }, { enabled, cache: monthCache(month) })
}

export function useWorklogEmployer(id: number, enabled: boolean) {
  return useApi(getWorklogEmployer, { params: { id } }, { enabled: enabled && id > 0, cache: employerCache(id) })
}

/** The phone's own time goes with each entry: the server records both, and whether it was entered on the day. */
const stamped = <B extends { clientEnteredAt?: string }>(body: B): B => ({ ...body, clientEnteredAt: body.clientEnteredAt ?? new Date().toISOString() })

/** Logs a day now, or keeps it on the phone to send later (same key, so it is recorded once). */
export async function logDay(body: WorklogEntryBody, label: string) {
  return submit('logWorklogDay', logWorklogDay, { body: stamped(body) }, { label, idempotencyKey: newIdempotencyKey() })
}

export async function addPayment(body: WorklogPaymentBody, label: string) {
  return submit('addWorklogPayment', addWorklogPayment, { body: stamped(body) }, { label, idempotencyKey: newIdempotencyKey() })
}

export function createEmployer(body: WorklogEmployerBody, idempotencyKey: string) {
  return request(createWorklogEmployer, { body }, { idempotencyKey })
}

export function updateEmployer(id: number, body: WorklogEmployerBody, idempotencyKey: string) {
  return request(updateWorklogEmployer, { params: { id }, body }, { idempotencyKey })
}

export const evidenceCache = (id: number, month: string | null = null) => `worklog-evidence-${id}${month ? `-${month}` : ''}`

/** The evidence sheet of everything logged, or of one month; kept on the phone: it can be shown on site with no signal. */
export function useWorklogEvidence(id: number, enabled: boolean, month: string | null = null) {
  return useApi(getWorklogEvidence, { params: { id }, query: month ? { month } : {} }, { enabled: enabled && id > 0, cache: evidenceCache(id, month) })
}

/** The printable page's whole address (the server gives it from /api on). */
export function printAddress(printUrl: string): string {
  return apiBase.replace(/\/api$/, '') + printUrl
}

/** 对工: a link to this month for the foreman. */
export function createCheck(employerId: number, month: string) {
  return request(createWorklogCheck, { params: { id: employerId }, body: { month } })
}

/** The foreman's side, without an account. */
export function useForemanCheck(token: string) {
  return useApi(getForemanCheck, { params: { token } }, { enabled: token !== '' })
}

export function sendForemanCode(token: string, phone: string) {
  return request(sendForemanCheckCode, { params: { token }, body: { phone } })
}

export function answerCheck(token: string, body: ForemanCheckAnswerBody) {
  return request(answerForemanCheck, { params: { token }, body })
}

export function deleteDay(id: number) {
  return request(deleteWorklogDay, { params: { id } })
}

export function deletePayment(id: number) {
  return request(deleteWorklogPayment, { params: { id } })
}

/** The bodies of one kind of write still on the phone (no network yet), each with its outbox id. */
function pending<B>(name: string, entries: OutboxEntry[]): (B & { outboxId: string })[] {
  return entries.filter((e) => e.name === name && e.state === 'pending').map((e) => ({ ...(e.req as { body: B }).body, outboxId: e.id }))
}

/** Day entries still on the phone: shown on the calendar as 待发送. */
export function pendingDays(entries: OutboxEntry[] = readOutbox()) {
  return pending<WorklogEntryBody>('logWorklogDay', entries)
}

export function pendingPayments(entries: OutboxEntry[] = readOutbox()) {
  return pending<WorklogPaymentBody>('addWorklogPayment', entries)
}

/** 工友: share one of my employers as a site; the same code each time. */
export function shareSite(employerId: number) {
  return request(shareWorklogSite, { params: { id: employerId } })
}

/** What a site's code shares (the employer, the site, the agreed pay), before joining. */
export function useWorklogSite(code: string, enabled: boolean) {
  return useApi(getWorklogSite, { params: { code } }, { enabled: enabled && code !== '' })
}

export function joinSite(code: string, idempotencyKey: string) {
  return request(joinWorklogSite, { params: { code } }, { idempotencyKey })
}

export function useWorklogSettings(enabled: boolean) {
  return useApi(getWorklogSettings, {}, { enabled, cache: 'worklog-settings' })
}

export function saveWorklogSettings(eveningReminder: boolean) {
  return request(updateWorklogSettings, { body: { eveningReminder } })
}
