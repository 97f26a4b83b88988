/** The workbench's 零工 days (who signed up, who came) and 直播带岗 (schedule, funnel, viewers and replay). */
import { request, useApi } from '@/api'
import { staffConfirmAttendance, staffDayJobContactLink, staffDayJobSignups, staffListDayJobs } from '@contract/local-jobs'
import { staffCreateHiringEvent, staffListHiringEvents, staffUpdateHiringEvent } from '@contract/hiring-events'
import type { BodyOf } from './request-parts'

export const useStaffDayJobs = () => useApi(staffListDayJobs, { query: {} })
export const useDayJobSignups = (id: number | null) => useApi(staffDayJobSignups, { params: { id: id ?? 0 } }, { enabled: id !== null })
export const confirmAttendance = (id: number, body: BodyOf<typeof staffConfirmAttendance>) => request(staffConfirmAttendance, { params: { id }, body })
export const contactLink = (id: number) => request(staffDayJobContactLink, { params: { id } })

export const useStaffHiringEvents = () => useApi(staffListHiringEvents)
export const createHiringEvent = (body: BodyOf<typeof staffCreateHiringEvent>, idempotencyKey: string) => request(staffCreateHiringEvent, { body }, { idempotencyKey })
export const updateHiringEvent = (id: number, body: BodyOf<typeof staffUpdateHiringEvent>) => request(staffUpdateHiringEvent, { params: { id }, body })
