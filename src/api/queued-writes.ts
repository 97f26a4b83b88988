import { enrollInCourse } from '@contract/training'
import { applyToJob } from '@contract/jobs'
import { updateMe } from '@contract/me'
import { createRightsRequest } from '@contract/rights'
import type { addWorklogPayment, logWorklogDay } from '@contract/worklog'
import type { staffCreatePerson } from '@contract/roster'
import type { staffCheckSurveyPerson } from '@contract/survey'
import type { signUpForDayJob } from '@contract/local-jobs'
import type { signUpAtHiringEvent } from '@contract/hiring-events'
import type { createSubsidyClaim } from '@contract/subsidies'

/**
 * The writes the outbox may keep for later, each a keyed write so a resend is recorded once. Named here rather than
 * looked up in the whole contract, so a page that can queue a write does not carry every other area's schemas.
 */
export const queuedWrites = { applyToJob, enrollInCourse, createRightsRequest, updateMe } as const

/**
 * Keyed writes of an area whose schemas would weigh on the mini-program's main package (this file is part of it):
 * the area registers them when its code loads (`registerQueuedWrites`), and its entries wait on the phone until then.
 */
export interface LaterWrites {
  logWorklogDay: typeof logWorklogDay
  addWorklogPayment: typeof addWorklogPayment
  checkSurveyPerson: typeof staffCheckSurveyPerson
  addSurveyPerson: typeof staffCreatePerson
  signUpForDayJob: typeof signUpForDayJob
  signUpAtHiringEvent: typeof signUpAtHiringEvent
  claimSubsidy: typeof createSubsidyClaim
}
export type QueuedWrites = typeof queuedWrites & LaterWrites
