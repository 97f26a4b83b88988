/**
 * Dates as the county lives them: "today" and expiry days are China Standard Time (UTC+8,
 * no daylight saving), stored as 'YYYY-MM-DD'; instants are ISO-8601 UTC.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + days * DAY_MS).toISOString().slice(0, 10)
}

export function minusDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() - days * DAY_MS)
}
