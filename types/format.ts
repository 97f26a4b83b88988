/**
 * Dates and times as the county reads them, the same in the app and on the server: China Standard Time (UTC+8, no
 * daylight saving) whatever the phone's or the server's zone. Instants are ISO-8601 UTC text, China dates
 * 'YYYY-MM-DD', months 'YYYY-MM'. Plain TypeScript: no date library, so it costs a page almost nothing.
 */

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS
export const CHINA_OFFSET_MS = 8 * HOUR_MS

const weekdays = ['日', '一', '二', '三', '四', '五', '六']
const pad = (n: number) => String(n).padStart(2, '0')

/** The instant moved by eight hours, read with the getUTC* methods: China's wall clock. */
function wallClock(instant: Date | string | number): Date {
  const ms = typeof instant === 'string' ? Date.parse(instant) : typeof instant === 'number' ? instant : instant.getTime()
  return new Date(ms + CHINA_OFFSET_MS)
}

/** 2026-03-10: the China date of an instant. */
export function chinaDate(instant: Date | string | number): string {
  return wallClock(instant).toISOString().slice(0, 10)
}

/** 2026-03-10 10:00: as staff read it in lists and spreadsheets. */
export function chinaDateTime(instant: Date | string | number): string {
  return wallClock(instant).toISOString().slice(0, 16).replace('T', ' ')
}

/** 3月10日 10:00: as a worker reads a time on a case. */
export function chinaMonthDayTime(instant: Date | string | number): string {
  const d = wallClock(instant)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 3月14日 周六 07:00: a departure, where the weekday matters. */
export function chinaMonthDayWeekdayTime(instant: Date | string | number): string {
  const d = wallClock(instant)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${weekdays[d.getUTCDay()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** This year and month in China (1–12). */
export function chinaYearMonth(now: Date = new Date()): { year: number; month: number } {
  const d = wallClock(now)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 }
}

/** 'YYYY-MM-DD' plus whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from one China date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** 2026-07 → 2026年7月. Anything that is not a month is shown as it came. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  return m ? `${m[1]}年${Number(m[2])}月` : month
}

/** 2026年7月到2026年11月; an open end reads 到现在; the same month once. */
export function formatMonthRange(from: string, to: string | null): string {
  if (to === null) return `${formatMonth(from)}到现在`
  return from === to ? formatMonth(from) : `${formatMonth(from)}到${formatMonth(to)}`
}

/** 2026-03-01 → 3月1日, with the year (2025年3月1日) when it is not this China year. */
export function formatDay(date: string, now: Date = new Date()): string {
  const [y, m, d] = date.split('-').map(Number)
  return y === chinaYearMonth(now).year ? `${m}月${d}日` : `${y}年${m}月${d}日`
}

/** Beyond this many days a posting shows its date rather than "N天前". */
export const postedAgoMaxDays = 30

/** 今天发布 / 昨天发布 / 3天前发布, counted in China calendar days; older than 30 days, the date: 3月1日发布. */
export function postedAgo(postedAt: string, now: Date = new Date()): string {
  const posted = chinaDate(postedAt)
  const days = daysBetween(posted, chinaDate(now))
  if (days <= 0) return '今天发布'
  if (days === 1) return '昨天发布'
  if (days <= postedAgoMaxDays) return `${days}天前发布`
  return `${formatDay(posted, now)}发布`
}

/**
 * Time left to a deadline in words an officer scans: 还剩3小时 / 还剩不到1小时 / 已超时2小时 / 已超时3天
 * (whole hours, rounded down; two days and more in days).
 */
export function timeLeft(deadline: string, now: Date = new Date()): { overdue: boolean; text: string } {
  const ms = Date.parse(deadline) - now.getTime()
  const span = (abs: number) => {
    const hours = Math.floor(abs / HOUR_MS)
    if (hours >= 48) return `${Math.floor(hours / 24)}天`
    return hours === 0 ? '不到1小时' : `${hours}小时`
  }
  return ms > 0 ? { overdue: false, text: `还剩${span(ms)}` } : { overdue: true, text: `已超时${span(-ms)}` }
}
