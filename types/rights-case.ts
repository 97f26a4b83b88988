/**
 * A worker's case once it is sent (维权): reading it by its tracking number, adding to it, confirming its close, the
 * list of one's own, and 只留电话. Apart from rights.ts, whose request form the 维权 tab and the outbox need: the
 * mini-program's main package then does not carry the case pages' endpoints.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { isoDateTime, listOf, pageQuery } from './common'
import { noHiddenChars } from './validators'
import { rightsCategories, rightsFields, rightsRequest, rightsStationRef, rightsStatuses, trackingNoPattern } from './rights'

/** 只留电话，请回电: the kind of trouble and a number to call; the officer asks the rest on the phone. */
export const rightsCallbackBody = z.object({
  category: rightsFields.category,
  /** Defaults to the account's phone. */
  contactPhone: z.optional(rightsFields.contactPhone),
  contactTime: z._default(rightsFields.contactTime, 'any'),
})
export type RightsCallbackBody = z.input<typeof rightsCallbackBody>

export const rightsRequestSummary = z.object({
  trackingNo: z.string(),
  category: z.enum(rightsCategories),
  status: z.enum(rightsStatuses),
  overdue: z.boolean(),
  /** 只留电话，请回电: only the category and a phone were given (employer, city, … are empty). Optional so older copies parse. */
  callbackOnly: z.optional(z.boolean()),
  employerName: z.string(),
  workCity: z.string(),
  amountOwedYuan: z.nullable(z.number()),
  workersAffected: z.number(),
  station: z.nullable(rightsStationRef),
  firstResponsible: z.nullable(z.object({ name: z.string() })),
  submittedAt: isoDateTime,
  updatedAt: isoDateTime,
})
export type RightsRequestSummary = z.infer<typeof rightsRequestSummary>

export const trackingParam = z.object({
  trackingNo: z.string().check(z.trim(), z.regex(trackingNoPattern, '求助编号不对，例如 2026-000123')),
})


export const askRightsCallback = endpoint({
  method: 'POST',
  path: '/rights-requests/callback',
  access: 'worker',
  idempotent: true,
  status: 201,
  summary: '只留电话，请回电: a case of only a category and a phone, routed to the county service centre, answered with its tracking number',
  body: rightsCallbackBody,
  response: rightsRequest,
})

export const getRightsRequest = endpoint({
  method: 'GET',
  path: '/rights-requests/:trackingNo',
  access: 'optional',
  summary: 'One case: its owner, staff of its station, or an admin (anyone else 404); internal notes only for staff',
  params: trackingParam,
  response: rightsRequest,
})

export const listMyRightsRequests = endpoint({
  method: 'GET',
  path: '/me/rights-requests',
  access: 'worker',
  summary: 'My requests for help, newest first',
  query: z.object({ ...pageQuery }),
  response: listOf(rightsRequestSummary),
})

export const addRightsMessage = endpoint({
  method: 'POST',
  path: '/rights-requests/:trackingNo/messages',
  access: 'worker',
  idempotent: true,
  status: 201,
  summary: 'The worker adds information or photos to an open case (nothing is ever edited)',
  params: trackingParam,
  body: z
    .object({
      text: z._default(z.string().check(noHiddenChars, z.trim(), z.maxLength(2000, '最多写2000个字')), ''),
      attachmentIds: z._default(rightsFields.attachmentIds, []),
    })
    .check(
      z.refine((b) => b.text.length > 0 || b.attachmentIds.length > 0, { message: '请写几句话或传几张照片', path: ['text'] }),
    ),
  response: rightsRequest,
})

export const closeRightsRequest = endpoint({
  method: 'POST',
  path: '/rights-requests/:trackingNo/close',
  access: 'worker',
  idempotent: true,
  summary: 'The worker confirms a resolved or referred case and rates the help (1–5)',
  params: trackingParam,
  body: z.object({
    rating: z.number('请打分').check(z.int('请选1到5颗星'), z.gte(1, '请选1到5颗星'), z.lte(5, '请选1到5颗星')),
    comment: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(500, '最多写500个字'))),
  }),
  response: rightsRequest,
})
