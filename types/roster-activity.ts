/**
 * What a roster person did in the app, for the staff person page (applications, enrolments, seats, cases), and the
 * records an officer picks when a move was organised (which station, batch, posting or course).
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDateTime, pageQuery, recordIdText } from './common'
import { noHiddenChars } from './validators'

export const activityKinds = ['application', 'enrollment', 'seat', 'case'] as const
export type ActivityKind = (typeof activityKinds)[number]
export const activityKindLabel: Record<ActivityKind, string> = {
  application: '报名岗位',
  enrollment: '报名培训',
  seat: '点对点专车',
  case: '维权求助',
}

/** The workbench page that shows a line's record. */
export const activityPages = ['job', 'course', 'batch', 'case'] as const

/** A seat's state: the signup's own and its batch's together. */
export const seatStates = ['signed_up', 'departed', 'batch_cancelled', 'left'] as const
export type SeatState = (typeof seatStates)[number]
export const seatStateLabel: Record<SeatState, string> = {
  signed_up: '已报名，等发车',
  departed: '已坐车出发',
  batch_cancelled: '这趟车取消了',
  left: '本人退出了',
}

export const personActivityItem = z.object({
  kind: z.enum(activityKinds),
  /** The application's, enrolment's, signup's or case's own id. */
  id: z.number(),
  /** 电子厂普工 · 昆山鑫达鞋业 · 昆山市: names and places, never the worker's phone or story. */
  what: z.string(),
  /** When the worker did it: applied, enrolled, signed up, asked for help. */
  at: isoDateTime,
  status: z.string(),
  statusText: z.string(),
  /** The workbench page for it, when the caller may open that page; else null. */
  open: z.nullable(z.object({ page: z.enum(activityPages), id: z.number(), trackingNo: z.nullable(z.string()) })),
})
export type PersonActivityItem = z.infer<typeof personActivityItem>

/** The newest this many of each kind; `more` says a kind had older ones. */
export const ACTIVITY_PER_KIND = 20

export const staffPersonActivity = endpoint({
  method: 'GET',
  path: '/staff/people/:id/activity',
  access: 'staff',
  summary:
    "A linked person's applications, enrolments, seats and cases, newest first; station staff see their station's (and the county's courses), others all of a person they reach",
  params: idParam,
  response: z.object({
    /** Whether the person has an app account; without one there is nothing to show. */
    linked: z.boolean(),
    /** Station staff: only lines that concern their station (and courses, which every station reads). */
    stationOnly: z.boolean(),
    items: z.array(personActivityItem),
    more: z.boolean(),
  }),
})

/** What an organised move names, as "how they went" calls it (organisedChannels without the broker). */
export const rosterLinkKinds = ['station', 'batch', 'posting', 'training'] as const
export type RosterLinkKind = (typeof rosterLinkKinds)[number]

export const rosterLink = z.object({
  id: z.number(),
  /** 昆山劳务工作站 · 苏州市; 洛门镇 → 江苏省苏州市; 鞋厂流水线工 · 昆山市; 测试电工班 */
  name: z.string(),
  /** The day that tells them apart: a batch's departure, a posting's, a course's start; none for a station. */
  date: z.nullable(z.string()),
})
export type RosterLink = z.infer<typeof rosterLink>

/** 鞋厂流水线工 · 昆山鑫达鞋业 · 昆山市（2026-05-02）: a record as a line of text. */
export const linkLine = (l: RosterLink) => `${l.name}${l.date ? `（${l.date}）` : ''}`

export const staffRosterLinks = endpoint({
  method: 'GET',
  path: '/staff/roster/links',
  access: 'staff',
  summary: 'Stations, batches, postings or courses for the roster form\'s "how they went", newest first, by part of a name, or one by id; for those who write the roster',
  query: z.object({
    kind: z.enum(rosterLinkKinds, '请选择工作站、专车、岗位或培训'),
    q: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(20, '最多20个字'))),
    /** The one already chosen, to show its name. */
    id: z.optional(recordIdText),
    ...pageQuery,
  }),
  response: z.object({ items: z.array(rosterLink), nextCursor: z.nullable(z.string()) }),
})
