import { enrollInCourse } from '@contract/courses'
import { applyToJob } from '@contract/jobs'
import { updateMe } from '@contract/me'
import { createRightsRequest } from '@contract/rights'
import { addWorklogPayment, logWorklogDay } from '@contract/worklog'

/**
 * The writes the outbox may keep for later, each a keyed write so a resend is recorded once. Named here rather than
 * looked up in the whole contract, so a page that can queue a write does not carry every other area's schemas.
 */
export const queuedWrites = { applyToJob, enrollInCourse, createRightsRequest, updateMe, logWorklogDay, addWorklogPayment } as const
export type QueuedWrites = typeof queuedWrites
