/** Month arithmetic for the calendar, on 'YYYY-MM' and 'YYYY-MM-DD' strings (China dates, no time zone involved). */

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** 0 = Monday … 6 = Sunday: Chinese calendars start the week on Monday. */
export function firstWeekday(month: string): number {
  const [y, m] = month.split('-').map(Number)
  return (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y, m - 1 + by, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

export const dayOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`

/** 2026-05 → 2026年5月 */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}

/** 2026-05-03 → 5月3日 */
export function dayLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

/** Today in China by the phone's clock, for before the server has answered. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}
