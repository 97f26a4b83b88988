/** 家门口就业 and 直播带岗: the calls the worker's pages make. Sign-ups go through the outbox (sent once, even late). */
import { registerQueuedWrites, request, submit, useApi, useApiList } from '@/api'
import { listJobs } from '@contract/jobs'
import { confirmDayJobAttendanceByContact, getDayJobAttendanceSheet, signUpForDayJob } from '@contract/local-jobs'
import type { Township } from '@contract/places'
import { listHiringEvents, remindHiringEvent, signUpAtHiringEvent } from '@contract/hiring-events'

// Entries kept on the phone from an earlier visit are sent once this area's code has loaded.
registerQueuedWrites({ signUpForDayJob, signUpAtHiringEvent })

/** What a worker asks of the county's work in one tap each: 包吃, 包住 (a dorm or a couple's room), 日结. */
export interface LocalAsks {
  meals?: boolean
  housing?: boolean
  daily?: boolean
}

/** The county's own work, same-day 零工 first, then nearest from the township (the county seat when none). */
export function useLocalJobs(township: Township | null, asks: LocalAsks = {}) {
  // Each question its own saved copy: offline, a list saved for another township must not pass for this one.
  const cache = `local-jobs-${township ?? ''}-${asks.meals ? 'm' : ''}${asks.housing ? 'h' : ''}${asks.daily ? 'd' : ''}`
  return useApiList(
    listJobs,
    {
      query: {
        local: 'true',
        ...(township ? { township } : {}),
        ...(asks.meals ? { meals: 'true' } : {}),
        ...(asks.housing ? { housing: 'dorm' as const } : {}),
        ...(asks.daily ? { payType: 'daily' as const } : {}),
      },
    },
    { cache },
  )
}

export function signUpForDay(dayJobId: number, label: string, idempotencyKey: string) {
  return submit('signUpForDayJob', signUpForDayJob, { params: { id: dayJobId } }, { label: `报名零工：${label}`, idempotencyKey })
}

/** Saved on the phone: the times and links still show without a network (cleared at sign-out: it holds 提醒我). */
export const hiringEventsCache = 'hiring-events'

export function useHiringEvents() {
  return useApi(listHiringEvents, {}, { cache: hiringEventsCache })
}

export function remindMe(eventId: number) {
  return request(remindHiringEvent, { params: { id: eventId } })
}

export function signUpAtEvent(eventId: number, jobId: number, label: string, idempotencyKey: string) {
  return submit('signUpAtHiringEvent', signUpAtHiringEvent, { params: { id: eventId }, body: { jobId } }, { label: `直播报名：${label}`, idempotencyKey })
}

/** The employer's contact, from the signed link (no account): the day's sign-ups and who came. */
export function useContactSheet(t: string) {
  return useApi(getDayJobAttendanceSheet, { query: { t } }, { enabled: t.length > 0 })
}

export function confirmByContact(t: string, body: { came: number[]; absent: number[] }) {
  return request(confirmDayJobAttendanceByContact, { query: { t }, body })
}
