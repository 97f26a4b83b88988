import { z } from 'zod/mini'
import { noHiddenChars } from './validators'

/**
 * Largest id a record can have: ids are 32-bit integer columns on PostgreSQL, where a bigger number in a
 * link would fail the query itself (a 500) instead of finding nothing.
 */
export const MAX_RECORD_ID = 2_147_483_647

/** A record id in a body (e.g. applicationId). */
export const recordId = z.number('编号不对').check(z.int('编号不对'), z.positive('编号不对'), z.lte(MAX_RECORD_ID, '编号不对'))
/** A record id in a path or query string. */
export const recordIdText = z.coerce.number().check(z.int('编号不对'), z.positive('编号不对'), z.lte(MAX_RECORD_ID, '编号不对'))

export const idParam = z.object({ id: recordIdText })

/** Cursor pagination shared by every list. `limit` is capped at 50. */
export const pageQuery = {
  cursor: z.optional(z.string().check(noHiddenChars, z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
}

export function listOf<T extends z.core.$ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) })
}

/** ISO-8601 timestamp in UTC, e.g. 2026-11-26T08:00:00.000Z */
export const isoDateTime = z.string()
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `YYYY-MM-DD` is a day on the calendar (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

/** A calendar date that exists, saying `noSuchDay` of one like 2026-02-30. */
export function calendarDate(noSuchDay: string) {
  return z.string().check(z.regex(DATE, { error: '日期格式应为 2026-01-31', abort: true }), z.refine(isCalendarDate, noSuchDay))
}

/** Calendar date, e.g. 2026-12-01: a day that exists, so 2026-02-30 is refused before it reaches a query. */
export const isoDate = calendarDate('没有这一天，请核对日期')

/** A query-string flag: `true`/`1` or `false`/`0`. */
export const queryFlag = z.optional(
  z.pipe(
    z.enum(['true', 'false', '1', '0']),
    z.transform((v) => v === 'true' || v === '1'),
  ),
)

/** Comma-separated list in a query string, e.g. benefits=包吃,包住 */
export function queryList<T extends readonly [string, ...string[]]>(values: T) {
  return z.optional(
    z.pipe(
      z.string(),
      z.pipe(
        z.transform((s: string) => s.split(',').map((v) => v.trim()).filter(Boolean)),
        z.array(z.enum(values)),
      ),
    ),
  )
}
