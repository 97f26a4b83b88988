/**
 * 直播带岗: events staff schedule, the list workers read (with their reminder), sign-ups for featured postings that
 * are ordinary applications marked with the event, and each event's funnel for staff.
 */
import type { Kysely } from 'kysely'
import type { z } from 'zod/mini'
import type { HiringEvent, hiringEventBody, JobApplication, LivePlatform, StaffHiringEvent } from '../../types'
import { writeAudit } from '../audit/audit.repository'
import { inTransaction } from '../db/in-transaction'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { conflict, notFound, validationFailed } from '../http/app-error'
import { chinaDate } from '../lib/dates'
import { findApplicationFor } from '../jobs/applications.repository'
import { applyToJob } from '../jobs/applications.service'
import { findJobsByIds } from '../jobs/jobs.repository'
import { toJobSummary } from '../jobs/jobs.service'
import { handlesStation, isAdmin, requireStation, staffActor, stationFilterOf } from '../staff/staff-scope'
import * as repo from './hiring-events.repository'

const PAST_SHOWN = 20

function phaseOf(row: repo.EventRow, now: Date): HiringEvent['phase'] {
  const at = now.toISOString()
  return at < row.starts_at ? 'upcoming' : at <= row.ends_at ? 'live' : 'past'
}

async function present(db: Kysely<DB>, rows: repo.EventRow[], now: Date, userId: number | null): Promise<HiringEvent[]> {
  const ids = rows.map((r) => r.id)
  const featured = await repo.featuredJobIds(db, ids)
  const jobs = new Map((await findJobsByIds(db, [...new Set([...featured.values()].flat())])).map((j) => [j.id, toJobSummary(j, chinaDate(now))]))
  const reminded = userId === null ? new Set<number>() : await repo.remindedEventIds(db, userId, ids)
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    platform: r.platform as LivePlatform,
    liveUrl: r.live_url,
    replayUrl: r.replay_url,
    phase: phaseOf(r, now),
    jobs: (featured.get(r.id) ?? []).flatMap((id) => (jobs.has(id) ? [jobs.get(id)!] : [])),
    reminded: reminded.has(r.id),
  }))
}

export async function listHiringEvents(db: Kysely<DB>, userId: number | null, now: Date) {
  const { upcoming, past } = await repo.listEventsAround(db, now.toISOString(), PAST_SHOWN)
  return { upcoming: await present(db, upcoming, now, userId), past: await present(db, past, now, userId) }
}

async function eventOr404(db: Kysely<DB>, id: number) {
  const row = await repo.findEvent(db, id)
  if (!row) throw notFound('没有找到这场直播')
  return row
}

export async function remindHiringEvent(trx: Kysely<DB>, userId: number, id: number, now: Date) {
  const row = await eventOr404(trx, id)
  if (phaseOf(row, now) === 'past') throw conflict('这场直播已经结束了，可以看回放')
  await repo.insertReminder(trx, id, userId, now)
  return { eventId: id, reminded: true }
}

/**
 * During or after the event, a featured posting's application (applyToJob: one per worker and posting), marked as
 * come from the event when this sign-up made it; one the worker had already made before stays unmarked.
 */
export async function signUpAtHiringEvent(
  trx: Kysely<DB>,
  userId: number,
  id: number,
  body: { jobId: number; note?: string },
  now: Date,
): Promise<JobApplication & { hiringEventId: number | null }> {
  const row = await eventOr404(trx, id)
  if (phaseOf(row, now) === 'upcoming') throw conflict('直播还没开始，开始后就能报名')
  const featured = (await repo.featuredJobIds(trx, [id])).get(id) ?? []
  if (!featured.includes(body.jobId)) throw validationFailed({ jobId: '这个岗位不在这场直播里' })
  const before = await findApplicationFor(trx, body.jobId, userId)
  const application = await applyToJob(trx, userId, body.jobId, body.note, now)
  if (!before || before.status === 'withdrawn') await repo.tagApplication(trx, application.id, id)
  const after = await findApplicationFor(trx, body.jobId, userId)
  return { ...application, hiringEventId: after?.hiring_event_id ?? null }
}

// ── staff ──

async function presentForStaff(db: Kysely<DB>, rows: repo.EventRow[], now: Date): Promise<StaffHiringEvent[]> {
  const events = await present(db, rows, now, null)
  const funnel = await repo.funnelCounts(db, rows.map((r) => r.id))
  return events.map((e, i) => ({ ...e, stationId: rows[i].station_id, viewers: rows[i].viewers, funnel: { viewers: rows[i].viewers, ...funnel.get(e.id)! } }))
}

export async function createHiringEvent(trx: Kysely<DB>, caller: StaffCaller, body: z.output<typeof hiringEventBody>, now: Date) {
  const stationId = isAdmin(caller) ? (body.stationId ?? null) : caller.stationId
  if (!isAdmin(caller) && stationId === null) requireStation(caller, null, '只有工作站和县里可以安排直播带岗')
  const jobIds = [...new Set(body.jobIds)]
  const jobs = await findJobsByIds(trx, jobIds)
  if (jobs.length !== jobIds.length) throw validationFailed({ jobIds: '有的岗位找不到了，请重新选择' })
  if (jobs.some((j) => !handlesStation(caller, j.source_station_id))) throw validationFailed({ jobIds: '只能选本工作站的岗位' })
  const at = now.toISOString()
  const id = await repo.insertEvent(
    trx,
    {
      title: body.title,
      station_id: stationId,
      starts_at: new Date(body.startsAt).toISOString(),
      ends_at: new Date(body.endsAt).toISOString(),
      platform: body.platform,
      live_url: body.liveUrl,
      replay_url: null,
      viewers: null,
      created_by_staff_id: caller.staffId,
      created_at: at,
      updated_at: at,
    },
    jobIds,
  )
  await writeAudit(trx, { actor: staffActor(caller), action: 'hiring_event_create', entity: 'hiring_event', entityId: id, before: null, after: { ...body, jobIds }, at: now })
  return { id }
}

export async function listStaffHiringEvents(db: Kysely<DB>, caller: StaffCaller, now: Date) {
  if (!isAdmin(caller) && caller.stationId === null) requireStation(caller, null, '只有工作站和县里可以查看直播带岗')
  return { items: await presentForStaff(db, await repo.listEventsForStaff(db, stationFilterOf(caller), 100), now) }
}

export async function updateHiringEvent(db: Kysely<DB>, caller: StaffCaller, id: number, body: { viewers?: number; replayUrl?: string }, now: Date) {
  return inTransaction(db, async (trx) => {
    const row = await eventOr404(trx, id)
    // The county's own events (no station) are the admins'.
    if (!handlesStation(caller, row.station_id)) requireStation(caller, row.station_id, '这是别的工作站的直播，不能修改')
    if (body.viewers !== undefined && phaseOf(row, now) === 'upcoming') throw validationFailed({ viewers: '直播开始后才能填观看人数' })
    await repo.updateEvent(trx, id, { viewers: body.viewers, replay_url: body.replayUrl, updated_at: now.toISOString() })
    await writeAudit(trx, {
      actor: staffActor(caller),
      action: 'hiring_event_update',
      entity: 'hiring_event',
      entityId: id,
      before: { viewers: row.viewers, replayUrl: row.replay_url },
      after: body,
      at: now,
    })
    return (await presentForStaff(trx, [(await repo.findEvent(trx, id))!], now))[0]
  })
}
