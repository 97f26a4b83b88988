/** The workbench's 零工 days (who signed up, who came) and 直播带岗 (schedule, funnel, viewers and replay). */
import { request, useApi } from '@/api'
import { staffConfirmAttendance, staffCreateDayJob, staffDayJobContactLink, staffDayJobSignups, staffListDayJobs, staffSetJobKind } from '@contract/local-jobs'
import { staffCreateHiringEvent, staffListHiringEvents, staffUpdateHiringEvent } from '@contract/hiring-events'
import { staffSaved, type BodyOf } from './request-parts'

/** A posting's kind: 外出务工, 帮扶车间, 公益性岗位 or 零工 (only 零工 postings take days). */
export const setJobKind = (jobId: number, body: BodyOf<typeof staffSetJobKind>) => request(staffSetJobKind, { params: { id: jobId }, body })
/** A 零工 day on a 零工 posting; a retry with the same key is the same day. */
export const createDayJob = (jobId: number, body: BodyOf<typeof staffCreateDayJob>, idempotencyKey: string) =>
  request(staffCreateDayJob, { params: { id: jobId }, body }, { idempotencyKey })
export const useStaffDayJobs = () => useApi(staffListDayJobs, { query: {} }, { cache: staffSaved('day-jobs') })
export const useDayJobSignups = (id: number | null) => useApi(staffDayJobSignups, { params: { id: id ?? 0 } }, { enabled: id !== null, cache: staffSaved('day-job-signups', id ?? 0) })
export const confirmAttendance = (id: number, body: BodyOf<typeof staffConfirmAttendance>) => request(staffConfirmAttendance, { params: { id }, body })
export const contactLink = (id: number) => request(staffDayJobContactLink, { params: { id } })

export const useStaffHiringEvents = () => useApi(staffListHiringEvents, {}, { cache: staffSaved('hiring-events') })
export const createHiringEvent = (body: BodyOf<typeof staffCreateHiringEvent>, idempotencyKey: string) => request(staffCreateHiringEvent, { body }, { idempotencyKey })
export const updateHiringEvent = (id: number, body: BodyOf<typeof staffUpdateHiringEvent>) => request(staffUpdateHiringEvent, { params: { id }, body })
