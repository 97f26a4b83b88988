/**
 * The workbench's side of 维权: the queue, moving a case, a call, a note. Apart from rights.ts, as staff-courses.ts is
 * from training.ts: the worker's tabs (the mini-program's main package among them) then do not carry the staff's forms.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { listOf, pageQuery, queryFlag, recordIdText } from './common'
import { noHiddenChars } from './validators'
import { rightsCategories, rightsReferralTargets, rightsRequest, rightsStatuses } from './rights'
import { rightsRequestSummary, trackingParam } from './rights-case'

const noteText = z.string().check(noHiddenChars, z.trim(), z.minLength(1, '请写几句说明'), z.maxLength(1000, '最多写1000个字'))

export const staffListRightsRequests = endpoint({
  method: 'GET',
  path: '/staff/rights-requests',
  access: 'staff',
  summary:
    "The queue: station staff see their station's cases, admins all; waiting for acceptance first (oldest, so overdue, first), then in hand, concluded, closed",
  query: z.object({
    status: z.optional(z.enum(rightsStatuses)),
    /** 在办: submitted, accepted or in progress. */
    open: queryFlag,
    category: z.optional(z.enum(rightsCategories)),
    stationId: z.optional(recordIdText),
    overdue: queryFlag,
    /** 我负责的: cases whose first-responsible officer is the caller. */
    mine: queryFlag,
    /** A tracking number (2026-000123, WS-2026-000123 or its last digits), the phone's last four digits, or part of the employer's name. */
    q: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(50, '最多写50个字'))),
    ...pageQuery,
  }),
  response: listOf(rightsRequestSummary),
})

export const staffTransitionRightsRequest = endpoint({
  method: 'POST',
  path: '/staff/rights-requests/:trackingNo/transitions',
  access: 'staff',
  idempotent: true,
  summary: 'Move a case one step (submitted→accepted→in_progress→resolved|referred); any other move is 409',
  params: trackingParam,
  body: z
    .object({
      to: z.enum(rightsStatuses),
      note: noteText,
      visibleToWorker: z.boolean(),
      /** Required when `to` is referred. */
      referredTo: z.optional(z.enum(rightsReferralTargets)),
    })
    .check(
      z.refine((b) => b.to !== 'referred' || b.referredTo !== undefined, {
        message: '请选择转交给劳动监察还是劳动仲裁',
        path: ['referredTo'],
        when: (p) => (p.value as { to?: unknown })?.to === 'referred',
      }),
    ),
  response: rightsRequest,
})

export const staffRecordRightsCall = endpoint({
  method: 'POST',
  path: '/staff/rights-requests/:trackingNo/calls',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'The first-responsible officer tapped 打电话: an internal "called the worker" entry on the case timeline',
  params: trackingParam,
  response: rightsRequest,
})

export const staffAddRightsNote = endpoint({
  method: 'POST',
  path: '/staff/rights-requests/:trackingNo/notes',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'A staff note without a move: for the worker to read, or internal',
  params: trackingParam,
  body: z.object({ text: noteText, visibleToWorker: z.boolean() }),
  response: rightsRequest,
})
