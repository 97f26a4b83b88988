/**
 * Dates as the county lives them: China dates and times come from the contract's one module (types/format.ts), so the
 * server and the app agree; only what the server alone needs is here.
 */
export { addDays, chinaDate, chinaDateTime, daysBetween } from '../../types/format'

const DAY_MS = 24 * 60 * 60 * 1000

export function minusDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() - days * DAY_MS)
}
