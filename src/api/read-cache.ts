import Taro from '@tarojs/taro'

/**
 * The last good answer of a few reads (the first page of jobs, the stations, my cases), kept on the device so
 * the page still opens without a network, marked with when it was saved. One storage key per read: WeChat
 * allows 1 MB per key, so an answer too large to fit is simply not kept.
 */
export interface CachedRead<T> {
  /** ISO time the answer arrived (or was confirmed unchanged by a 304). */
  savedAt: string
  data: T
  /** The server's ETag of that answer: the next read sends it and a 304 keeps this copy. */
  etag?: string
}

const prefix = 'wgt.cache.'
const maxBytes = 900 * 1024

/** UTF-8 size: WeChat counts bytes, and a Chinese character is three of them. */
export function utf8Bytes(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3
  }
  return n
}

/**
 * Reads kept one per thing opened (a job's page per job): only the latest `max` of a kind stay, so a worker who opens
 * a hundred postings keeps the last thirty, not a phone's storage full of old ones. The kind's list of names, newest
 * last, is kept under the bare prefix, so clearing `job-*` clears it too.
 */
const keptPerThing: ReadonlyArray<{ prefix: string; max: number }> = [{ prefix: 'job-', max: 30 }]

function keepLatest(name: string): void {
  const kind = keptPerThing.find((k) => name.startsWith(k.prefix) && name.length > k.prefix.length)
  if (!kind) return
  const listKey = prefix + kind.prefix
  try {
    const kept: unknown = Taro.getStorageSync(listKey)
    const names = [...(Array.isArray(kept) ? kept.filter((n): n is string => typeof n === 'string' && n !== name) : []), name]
    for (const old of names.splice(0, Math.max(0, names.length - kind.max))) Taro.removeStorageSync(prefix + old)
    Taro.setStorageSync(listKey, names)
  } catch {
    // storage refused: the copy just saved stays, and the next save tries again
  }
}

export function saveRead<T>(name: string, data: T, now = new Date(), etag?: string): boolean {
  const entry: CachedRead<T> = etag ? { savedAt: now.toISOString(), data, etag } : { savedAt: now.toISOString(), data }
  try {
    const text = JSON.stringify(entry)
    if (utf8Bytes(text) > maxBytes) return false
    Taro.setStorageSync(prefix + name, text)
  } catch {
    // storage full: the page still works, only the offline copy is older
    return false
  }
  keepLatest(name)
  return true
}

export function readSaved<T>(name: string): CachedRead<T> | null {
  try {
    const text = Taro.getStorageSync(prefix + name) as unknown
    const entry = (typeof text === 'string' && text ? JSON.parse(text) : null) as CachedRead<T> | null
    return entry && typeof entry.savedAt === 'string' && 'data' in entry ? entry : null
  } catch {
    return null
  }
}

/** Signing out: nothing of this worker's stays readable on a shared phone. A name ending in `*` clears every read it starts. */
export function clearSavedReads(names: string[]): void {
  const prefixes = names.filter((n) => n.endsWith('*')).map((n) => prefix + n.slice(0, -1))
  let stored: string[] = []
  try {
    if (prefixes.length) stored = Taro.getStorageInfoSync().keys
  } catch {
    // no list of keys: only the exact names below
  }
  const matched = stored.filter((k) => prefixes.some((p) => k.startsWith(p))).map((k) => k.slice(prefix.length))
  for (const name of [...names.filter((n) => !n.endsWith('*')), ...matched]) {
    try {
      Taro.removeStorageSync(prefix + name)
    } catch {
      // nothing to clear
    }
  }
}

/**
 * Every saved read that holds a signed-in person's data: a worker's own records (a job's page says whether they
 * applied), and the people and cases a staff member's pages show. Workers and staff share the one token slot, so any
 * sign-in, sign-out or refused session ends whoever was signed in before: all of these go together, whichever kind of
 * session ends.
 */
export const signedInReads = ['my-profile', 'my-rights-requests', 'my-messages', 'job-*', 'worklog-*', 'subsidies-*', 'hiring-events', 'staff-*', 'survey-*']

export function clearSignedInReads(): void {
  clearSavedReads(signedInReads)
}

/** 11月26日 14:05, in the phone's own time. */
export function formatSavedAt(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
