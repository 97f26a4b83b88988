/**
 * A 零工 day the county confirmed (staff or the employer's contact ticked that the worker came): written into the
 * worker's own 记工 as a day at the agreed day wage, marked county-confirmed. The worker's own entry for that
 * employer and day, if any, is kept and marked instead of replaced (their numbers stand).
 */
import type { Kysely } from 'kysely'
import { chinaDate } from '../../types'
import type { DB } from '../db/schema'
import { findDayEntry, findEmployerByNameAndSite, insertEmployer, insertEntry, updateEntry } from './worklog.repository'

export interface ConfirmedDay {
  signupId: number
  employerName: string
  site: string
  date: string
  wageYuan: number
}

/** The worker's 记工 employer for this employer and site, made on the first confirmed day. */
async function employerFor(trx: Kysely<DB>, userId: number, day: ConfirmedDay, at: string): Promise<number> {
  const found = await findEmployerByNameAndSite(trx, userId, day.employerName, day.site)
  if (found !== undefined) return found
  return insertEmployer(trx, {
    user_id: userId,
    name: day.employerName,
    site: day.site,
    day_rate_fen: day.wageYuan * 100,
    hour_rate_fen: null,
    unit_rate_fen: null,
    unit_label: null,
    overtime_rate_fen: null,
    application_id: null,
    note: '县里安排的零工',
    created_at: at,
    updated_at: at,
  })
}

/** The entry id of the confirmed day (new, or the worker's own one now marked). Runs in the confirmation's transaction. */
export async function recordCountyConfirmedDay(trx: Kysely<DB>, userId: number, day: ConfirmedDay, now: Date): Promise<number> {
  const at = now.toISOString()
  const employerId = await employerFor(trx, userId, day, at)
  const own = await findDayEntry(trx, userId, employerId, day.date, 'day_work')
  if (own) {
    await updateEntry(trx, userId, own.id, { day_job_signup_id: day.signupId })
    return own.id
  }
  return insertEntry(trx, {
    user_id: userId,
    employer_id: employerId,
    date: day.date,
    kind: 'day_work',
    days_x100: 100,
    hours_x100: null,
    overtime_hours_x100: 0,
    quantity_x100: null,
    rate_fen: day.wageYuan * 100,
    amount_fen: null,
    note: '县里确认到岗',
    entered_at: at,
    client_entered_at: at,
    on_the_day: chinaDate(now) === day.date ? 1 : 0,
    corrected_at: null,
    day_job_signup_id: day.signupId,
  })
}
