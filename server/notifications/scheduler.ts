/**
 * The sweep that makes reminders and staff alerts from the time of day and the state of the tables: the evening
 * before a bus, the day before a course, the quarterly roster check, an overdue case, a batch under half full three
 * days out, a person newly on the risk list. Each one is claimed by an insert-once key (kind, subject, occasion) in
 * the same transaction as its messages, so several server processes may sweep at once and each reminder is written
 * once; the dispatcher sends what it queued.
 */
import type { FastifyInstance } from 'fastify'
import { installRepeatingRound } from '../lib/repeating-round'
import type { Kysely } from 'kysely'
import { addDays, chinaDate, chinaYearMonth, RISK_DAYS_WITHOUT_WORK } from '../../types'
import type { DB } from '../db/schema'
import { risksOfTownship } from '../roster/follow-up.service'
import { hiringRemindersDue } from '../hiring-events/hiring-events.repository'
import { closeExpiredPostings } from '../jobs/job-expiry'
import type { AlertEvent } from './alert-notices'
import { QUIET_FROM_HOUR } from './notice-rules'
import { notify } from './notify'
import {
  claimedKeys,
  claimScheduled,
  courseSeatsStarting,
  dueOverdueCases,
  dueRosterChecks,
  dueWorklogReminders,
  fillingBatches,
  type ScheduleKey,
  townshipsWithOfficers,
  transportSeatsLeaving,
  underfilledBatches,
} from './scheduler.repository'

const HOUR_MS = 60 * 60 * 1000
/** The evening reminders go from 18:00 China time: after work, before the phone is put away. */
export const EVENING_HOUR = 18
/** The roster check is asked in the day only. */
const CHECK_FROM_HOUR = 9
const CHECK_TO_HOUR = 20
/** 记工: from 20:00 China time, after the day's work and dinner, until the quiet hours begin (22:00). */
export const WORKLOG_REMINDER_HOUR = 20
/** A worker who logged a work day within this many days before today is reminded; one who stopped (went home) is not. */
export const WORKLOG_RECENT_DAYS = 3
/** A case not accepted within this is overdue (rights/README.md). */
// A case is due in 24 hours; staff are warned at 20, while there is still time to ring the worker.
const OVERDUE_WARN_HOURS = 20
/** An open batch this close to departure with under half its seats taken is an alert for admins. */
const UNDERFILLED_DAYS = 3
/** A risk listed longer ago than this is not "new" (the first sweep after an upgrade does not flood the officer). */
const RISK_NEW_DAYS = 7
/** A 直播带岗 reminder goes within this before the start (the sweep runs every 5 minutes). */
const HIRING_REMINDER_MS = HOUR_MS

export type SweepCounts = Record<
  'job_expired' | 'transport_reminder' | 'course_reminder' | 'hiring_event_reminder' | 'roster_check' | 'worklog_reminder' | 'staff_case_overdue' | 'staff_batch_underfilled' | 'staff_batch_filling' | 'staff_risk_new',
  number
>

const chinaHour = (at: Date) => new Date(at.getTime() + 8 * HOUR_MS).getUTCHours()
/** 00:00 China time of a China date, as an instant. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString()

/** 2026-Q1 and the instant it began, for the quarter `now` is in (China time). */
export function quarterOf(now: Date): { quarter: string; startsAt: string } {
  const { year, month } = chinaYearMonth(now)
  const q = Math.ceil(month / 3)
  return { quarter: `${year}-Q${q}`, startsAt: startOfDay(`${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`) }
}

/** Claims the key and writes the messages in one transaction: true when this call was the one that sent it. */
async function sendOnce(db: Kysely<DB>, now: Date, key: ScheduleKey, event: AlertEvent): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimScheduled(trx, key, now.toISOString()))) return false
    await notify(trx, now, event)
    return true
  })
}

/** One sweep; `limit` bounds the roster checks and overdue cases a sweep writes (the rest wait for the next). */
export async function runScheduledNotices(db: Kysely<DB>, now: Date, options: { limit?: number } = {}): Promise<SweepCounts> {
  const limit = options.limit ?? 200
  const counts: SweepCounts = { job_expired: 0, transport_reminder: 0, course_reminder: 0, hiring_event_reminder: 0, roster_check: 0, worklog_reminder: 0, staff_case_overdue: 0, staff_batch_underfilled: 0, staff_batch_filling: 0, staff_risk_new: 0 }
  const today = chinaDate(now)
  const tomorrow = addDays(today, 1)
  const evening = chinaHour(now) >= EVENING_HOUR
  const at = now.toISOString()
  const once = async (kind: Exclude<keyof SweepCounts, 'job_expired'>, subjectId: number, occasion: string, event: AlertEvent) => {
    if (await sendOnce(db, now, { kind, subjectId, occasion }, event)) counts[kind] += 1
  }

  // Postings past their end date close (a conditional UPDATE claims each one, so two sweeps close it once).
  counts.job_expired = (await closeExpiredPostings(db, now)).length

  // The evening before a bus (and, on the day, any seat that has not had its reminder yet: taken that morning, or
  // the server was down the evening before).
  const seats = await transportSeatsLeaving(db, at, at, startOfDay(evening ? addDays(tomorrow, 1) : tomorrow))
  const seatsDone = await claimedKeys(db, 'transport_reminder', seats.map((s) => s.signup_id))
  for (const s of seats) {
    const day = chinaDate(s.depart_at)
    if (!seatsDone.has(`${s.signup_id}|${day}`)) await once('transport_reminder', s.signup_id, day, { kind: 'transport_reminder', signupId: s.signup_id })
  }

  // The evening before a course; on the morning it starts for whoever has not had it.
  const courseDays = [...(chinaHour(now) < 12 ? [today] : []), ...(evening ? [tomorrow] : [])]
  if (courseDays.length) {
    const enrolled = await courseSeatsStarting(db, courseDays)
    const done = await claimedKeys(db, 'course_reminder', enrolled.map((e) => e.enrollment_id))
    for (const e of enrolled) {
      if (!done.has(`${e.enrollment_id}|${e.start_date}`)) await once('course_reminder', e.enrollment_id, e.start_date, { kind: 'course_reminder', enrollmentId: e.enrollment_id })
    }
  }

  // 直播带岗 within the hour, to each worker who asked (keyed by its start: a moved event is reminded again).
  const reminders = await hiringRemindersDue(db, at, new Date(now.getTime() + HIRING_REMINDER_MS).toISOString())
  const remindersDone = await claimedKeys(db, 'hiring_event_reminder', reminders.map((r) => r.id))
  for (const r of reminders) {
    if (!remindersDone.has(`${r.id}|${r.starts_at}`)) await once('hiring_event_reminder', r.id, r.starts_at, { kind: 'hiring_event_reminder', reminderId: r.id })
  }

  // Once a quarter, in the day, each linked worker whose account is older than the quarter.
  const hour = chinaHour(now)
  if (hour >= CHECK_FROM_HOUR && hour < CHECK_TO_HOUR) {
    const { quarter, startsAt } = quarterOf(now)
    for (const u of await dueRosterChecks(db, quarter, startsAt, limit)) await once('roster_check', u.user_id, quarter, { kind: 'roster_check', userId: u.user_id })
  }

  // 记工: one evening reminder on a day not logged yet, to a worker who logged in the days before; none in the
  // quiet hours (a sweep that first runs after 22:00 lets the day go).
  if (hour >= WORKLOG_REMINDER_HOUR && hour < QUIET_FROM_HOUR) {
    for (const u of await dueWorklogReminders(db, today, addDays(today, -WORKLOG_RECENT_DAYS), limit)) {
      await once('worklog_reminder', u.user_id, today, { kind: 'worklog_reminder', userId: u.user_id })
    }
  }

  // Staff: a case 20 of its 24 hours old and not accepted, to its station and the admins.
  for (const c of await dueOverdueCases(db, new Date(now.getTime() - OVERDUE_WARN_HOURS * HOUR_MS).toISOString(), limit)) {
    await once('staff_case_overdue', c.id, chinaDate(c.submitted_at), { kind: 'staff_case_overdue', requestId: c.id })
  }

  // Admins: a batch leaving within three days, under half full (again if it is moved to another day).
  const batches = await underfilledBatches(db, at, new Date(now.getTime() + UNDERFILLED_DAYS * 24 * HOUR_MS).toISOString())
  const batchesDone = await claimedKeys(db, 'staff_batch_underfilled', batches.map((b) => b.id))
  for (const b of batches) {
    const day = chinaDate(b.depart_at)
    if (!batchesDone.has(`${b.id}|${day}`)) await once('staff_batch_underfilled', b.id, day, { kind: 'staff_batch_underfilled', batchId: b.id })
  }

  // The batch's station and the admins: its last seats are going, once per size (a batch given more seats may fill again).
  const filling = await fillingBatches(db, at)
  const fillingDone = await claimedKeys(db, 'staff_batch_filling', filling.map((b) => b.id))
  for (const b of filling) {
    const occasion = `seats:${b.seats}`
    if (!fillingDone.has(`${b.id}|${occasion}`)) await once('staff_batch_filling', b.id, occasion, { kind: 'staff_batch_filling', batchId: b.id })
  }

  // Township officers: a person of their township newly on the risk list (one alert per stretch or report).
  const newSince = addDays(today, -RISK_NEW_DAYS)
  for (const township of await townshipsWithOfficers(db)) {
    const risks = await risksOfTownship(db, township, now)
    const done = await claimedKeys(db, 'staff_risk_new', risks.map((r) => r.personId))
    for (const r of risks) {
      for (const reason of r.reasons) {
        const listedOn = reason.kind === 'no_work' ? addDays(reason.since, RISK_DAYS_WITHOUT_WORK) : reason.since
        const occasion = `${reason.kind}:${reason.since}`
        if (listedOn < newSince || done.has(`${r.personId}|${occasion}`)) continue
        await once('staff_risk_new', r.personId, occasion, { kind: 'staff_risk_new', personId: r.personId, reason: reason.kind, days: reason.days })
      }
    }
  }
  return counts
}

/**
 * The sweep's timer in this process (off in tests unless a test turns it on), every `scheduleIntervalMs`; stopped on
 * close after the sweep in flight, before the database closes.
 */
export function installNotificationScheduler(app: FastifyInstance): void {
  if (!app.config.notifySchedule.enabled) return
  installRepeatingRound(app, 'scheduled notices sweep', app.config.notifySchedule.intervalMs, async () => {
    const counts = await sweepOnce(app)
    if (Object.values(counts).some((n) => n > 0)) app.log.info({ counts }, 'scheduled notices written')
  })
}

/** One sweep as the timer runs it: postings it closed leave the cached job lists here and in the other processes. */
export async function sweepOnce(app: FastifyInstance): Promise<SweepCounts> {
  const counts = await runScheduledNotices(app.db, app.clock())
  if (counts.job_expired > 0) app.responseCache.clearEverywhere()
  return counts
}
