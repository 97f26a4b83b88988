/**
 * Opaque cursors: base64url JSON of the last row's sort key. Clients pass them back untouched;
 * anything that doesn't decode to the expected shape is a 400 on `cursor`.
 */
import { validationFailed } from '../http/app-error'

export const badCursor = () => validationFailed({ cursor: '翻页参数无效，请从第一页重新加载' })

export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
}

export function decodeCursor<T extends Record<string, 'string' | 'number'>>(
  cursor: string | undefined,
  shape: T,
): { [K in keyof T]: T[K] extends 'string' ? string : number } | undefined {
  if (cursor === undefined || cursor === '') return undefined
  const bad = badCursor
  let value: unknown
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad()
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw bad()
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad()
  for (const [key, type] of Object.entries(shape)) {
    const v = (value as Record<string, unknown>)[key]
    if (typeof v !== type || (type === 'number' && !Number.isFinite(v as number))) throw bad()
  }
  return value as never
}

/**
 * Keyset paging: the repository was asked for `limit + 1` rows, and the extra row only says that a next page
 * exists. The cursor is the last shown row's sort key, so the next page starts right after it.
 */
export function paginate<R>(rows: readonly R[], limit: number, keyOf: (last: R) => Record<string, string | number>): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return { page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null }
}
