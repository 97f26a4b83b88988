import Taro from '@tarojs/taro'
import type { RequestOf, ResponseOf } from '@contract'
import { ApiError } from './api-error'
import { request } from './client'
import { whenNetworkMayBeBack } from './connectivity'
import { newIdempotencyKey } from './idempotency-key'
import { outboxChangedEvent, outboxStorageKey, readOutbox, watchOutbox } from './outbox-store'

export { readOutbox }
import type { QueuedWrites } from './queued-writes'
import { utf8Bytes } from './read-cache'

/**
 * Writes that must not be lost. A write that cannot reach the server is kept on the device and
 * sent again, with its original Idempotency-Key, until the server records it (once) or refuses it.
 * A refusal stays in the outbox, shown to the worker, until they dismiss it: nothing is dropped silently.
 */
/** A write the outbox may keep (queued-writes.ts). */
export type WriteName = keyof QueuedWrites

export interface OutboxEntry {
  /** Also the Idempotency-Key: the server dedupes every resend by it. */
  id: string
  name: WriteName
  req: unknown
  /** What the worker sees, e.g. 报名：电子厂普工 */
  label: string
  createdAt: string
  attempts: number
  nextAttemptAt: number
  state: 'pending' | 'refused'
  error?: { code: string; message: string; fields?: Record<string, string> }
}

export type SubmitResult<N extends WriteName> =
  | { queued: false; data: ResponseOf<QueuedWrites[N]> }
  | { queued: true; entry: OutboxEntry }

/** WeChat allows 1 MB per storage key; leave room for the JSON around the entries. */
const maxBytes = 900 * 1024
const delivered = 'wgt.outbox.delivered'

function writeOutbox(entries: OutboxEntry[]): void {
  Taro.setStorageSync(outboxStorageKey, entries)
  Taro.eventCenter.trigger(outboxChangedEvent, entries)
}

function backoffMs(attempts: number): number {
  return Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1))
}

/**
 * Sends a write now if it can; if the network is not there, keeps it to send later.
 * A refusal (4xx) is thrown at once so the form can show what to fix.
 */
export async function submit<N extends WriteName>(
  name: N,
  endpoint: QueuedWrites[N],
  req: RequestOf<QueuedWrites[N]>,
  options: { label: string; idempotencyKey?: string },
): Promise<SubmitResult<N>> {
  // The caller passes its own endpoint, so a page carries only its own schemas; the name is what a resend looks up.
  if (!endpoint?.idempotent) throw new Error(`${String(name)} is not a keyed write and cannot be queued`)
  if (!registered[name]) Object.assign(registered, { [name]: endpoint })
  const id = options.idempotencyKey ?? newIdempotencyKey()
  try {
    const data = (await request(endpoint, req, { idempotencyKey: id })) as ResponseOf<QueuedWrites[N]>
    return { queued: false, data }
  } catch (e) {
    if (!(e instanceof ApiError) || !e.transient) throw e
    const entry: OutboxEntry = {
      id,
      name,
      req,
      label: options.label,
      createdAt: new Date().toISOString(),
      attempts: 1,
      nextAttemptAt: Date.now() + backoffMs(1),
      state: 'pending',
    }
    const entries = readOutbox().filter((x) => x.id !== id)
    entries.push(entry)
    if (utf8Bytes(JSON.stringify(entries)) > maxBytes) {
      throw new ApiError('PAYLOAD_TOO_LARGE', '待发送的内容太多了，请连上网络发出后再提交')
    }
    writeOutbox(entries)
    return { queued: true, entry }
  }
}

/** Writes registered by the area that makes them (see LaterWrites), or met in a `submit` this session. */
const registered: Partial<QueuedWrites> = {}

/** An area's keyed writes, so entries kept from an earlier session can be sent; sends what was waiting for them. */
export function registerQueuedWrites(writes: Partial<QueuedWrites>): void {
  Object.assign(registered, writes)
  void flushOutbox(true)
}

let flushing: Promise<void> | null = null

/** Sends every entry that is due (or all pending ones with `force`), one at a time, oldest first. */
export function flushOutbox(force = false): Promise<void> {
  // One flush at a time, or two could send the same entry at once.
  if (!flushing) {
    flushing = sendDue(force).finally(() => {
      flushing = null
    })
  }
  return flushing
}

async function sendDue(force: boolean): Promise<void> {
  // Yield first so the caller's `flushing` is set before any entry is read.
  await Promise.resolve()
  const due = readOutbox().filter((entry) => entry.state === 'pending' && (force || entry.nextAttemptAt <= Date.now()))
  if (due.length === 0) return
  let writes: Partial<QueuedWrites>
  try {
    // Loaded only to resend: a page carries its own write's schemas, not every keyed write's. The mini-program's
    // build turns this import into a plain require (its main package holds the client anyway).
    writes = { ...registered, ...(await import('./queued-writes')).queuedWrites }
  } catch {
    // H5 without a network cannot fetch that code either: every entry waits for the next try, untouched.
    return
  }
  // An entry whose write is not registered yet (its area's code not loaded this session) waits, untouched.
  for (const entry of due) if (writes[entry.name]) await sendOne(entry, writes)
}

async function sendOne(entry: OutboxEntry, writes: Partial<QueuedWrites>): Promise<void> {
  const update = (fn: (x: OutboxEntry) => OutboxEntry | null) =>
    writeOutbox(readOutbox().flatMap((x) => (x.id === entry.id ? [fn(x)].filter((y): y is OutboxEntry => y !== null) : [x])))
  try {
    const data = await request(writes[entry.name]!, entry.req as never, { idempotencyKey: entry.id, retryDelaysMs: [] })
    update(() => null)
    Taro.eventCenter.trigger(delivered, { entry, data })
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError('BAD_RESPONSE')
    if (err.transient) {
      update((x) => ({ ...x, attempts: x.attempts + 1, nextAttemptAt: Date.now() + backoffMs(x.attempts + 1) }))
    } else {
      update((x) => ({ ...x, state: 'refused', error: { code: err.code, message: err.message, fields: err.fields } }))
    }
  }
}

/** The worker has seen a refusal (or gave up on a pending write). */
export function dismissOutboxEntry(id: string): void {
  writeOutbox(readOutbox().filter((x) => x.id !== id))
}

export const onOutboxChange = watchOutbox

export function onOutboxDelivered(listener: (event: { entry: OutboxEntry; data: unknown }) => void): () => void {
  Taro.eventCenter.on(delivered, listener)
  return () => Taro.eventCenter.off(delivered, listener)
}

let stop: (() => void) | null = null

/** Started once by the app: resend when the network returns, when the app is shown, and on a timer. */
export function startOutbox(intervalMs = 30_000): () => void {
  if (stop) return stop
  const unlisten = whenNetworkMayBeBack(() => void flushOutbox(true))
  const timer = setInterval(() => void flushOutbox(), intervalMs)
  void flushOutbox(true)
  stop = () => {
    unlisten()
    clearInterval(timer)
    stop = null
  }
  return stop
}
