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
  type WorklogEmployerBody,
  type WorklogEntryBody,
  type WorklogPaymentBody,
} from '@contract/worklog'

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

/**
 * Logs a day now, or keeps it on the phone to send later (same key, so it is recorded once). The phone's own time
 * goes with it: the server records both, and whether it was entered on the day.
 */
export async function logDay(body: WorklogEntryBody, label: string) {
  const withTime = { ...body, clientEnteredAt: body.clientEnteredAt ?? new Date().toISOString() }
  return submit('logWorklogDay', logWorklogDay, { body: withTime }, { label, idempotencyKey: newIdempotencyKey() })
}

export async function addPayment(body: WorklogPaymentBody, label: string) {
  const withTime = { ...body, clientEnteredAt: body.clientEnteredAt ?? new Date().toISOString() }
  return submit('addWorklogPayment', addWorklogPayment, { body: withTime }, { label, idempotencyKey: newIdempotencyKey() })
}

export function createEmployer(body: WorklogEmployerBody, idempotencyKey: string) {
  return request(createWorklogEmployer, { body }, { idempotencyKey })
}

export function deleteDay(id: number) {
  return request(deleteWorklogDay, { params: { id } })
}

export function deletePayment(id: number) {
  return request(deleteWorklogPayment, { params: { id } })
}

/** Day entries still on the phone (no network yet): shown on the calendar as 待发送. */
export function pendingDays(entries: OutboxEntry[] = readOutbox()): (WorklogEntryBody & { outboxId: string })[] {
  return entries
    .filter((e) => e.name === 'logWorklogDay' && e.state === 'pending')
    .map((e) => ({ ...(e.req as { body: WorklogEntryBody }).body, outboxId: e.id }))
}

export function pendingPayments(entries: OutboxEntry[] = readOutbox()): (WorklogPaymentBody & { outboxId: string })[] {
  return entries
    .filter((e) => e.name === 'addWorklogPayment' && e.state === 'pending')
    .map((e) => ({ ...(e.req as { body: WorklogPaymentBody }).body, outboxId: e.id }))
}
