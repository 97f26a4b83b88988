/**
 * 直播带岗: the county's livestream hiring. Staff schedule an event (time, platform and link, featured postings);
 * workers see upcoming and past events (with the replay), set a reminder, and sign up for a featured posting during
 * or after the event, which is a job application that records the event. Staff see each event's funnel.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDateTime, recordId } from './common'
import { jobApplication, jobSummary } from './jobs'
import { noHiddenChars } from './validators'

export const livePlatforms = ['douyin', 'kuaishou', 'wechat_channels', 'other'] as const
export type LivePlatform = (typeof livePlatforms)[number]
export const livePlatformLabel: Record<LivePlatform, string> = {
  douyin: '抖音',
  kuaishou: '快手',
  wechat_channels: '微信视频号',
  other: '其他平台',
}

export const hiringEvent = z.object({
  id: z.number(),
  title: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  platform: z.enum(livePlatforms),
  liveUrl: z.string(),
  /** After the event, once staff add it. */
  replayUrl: z.nullable(z.string()),
  /** upcoming | live | past, by the server's clock. */
  phase: z.enum(['upcoming', 'live', 'past']),
  jobs: z.array(jobSummary),
  /** The signed-in worker asked to be reminded (false for anyone else). */
  reminded: z.boolean(),
})
export type HiringEvent = z.infer<typeof hiringEvent>

export const listHiringEvents = endpoint({
  method: 'GET',
  path: '/hiring-events',
  access: 'optional',
  summary: 'Upcoming and live events (soonest first) and the last 20 past ones (newest first, with replay links)',
  response: z.object({ upcoming: z.array(hiringEvent), past: z.array(hiringEvent) }),
})

export const remindHiringEvent = endpoint({
  method: 'POST',
  path: '/hiring-events/:id/reminders',
  access: 'worker',
  idempotent: true,
  summary: 'Remind me in my inbox before the event starts (once, a repeat changes nothing)',
  params: idParam,
  response: z.object({ eventId: z.number(), reminded: z.boolean() }),
})

export const hiringEventSignupBody = z.object({
  jobId: recordId,
  note: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(200, '最多只能写 200 个字'))),
})

export const signUpAtHiringEvent = endpoint({
  method: 'POST',
  path: '/hiring-events/:id/signups',
  access: 'worker',
  idempotent: true,
  summary: "Sign up for a featured posting during or after the event: the posting's application, marked as from the event",
  params: idParam,
  body: hiringEventSignupBody,
  response: z.extend(jobApplication, { hiringEventId: z.nullable(z.number()) }),
})

// ── staff ──

const urlText = z.string().check(z.trim(), z.maxLength(300, '链接最多300个字'), z.regex(/^https:\/\/\S+$/, '请填写 https:// 开头的链接'))

export const hiringEventBody = z
  .object({
    title: z.string().check(noHiddenChars, z.trim(), z.minLength(2, '请填写直播的名称'), z.maxLength(40, '最多40个字')),
    startsAt: z.iso.datetime({ offset: true, message: '请选择开始时间' }),
    endsAt: z.iso.datetime({ offset: true, message: '请选择结束时间' }),
    platform: z.enum(livePlatforms, '请选择直播平台'),
    liveUrl: urlText,
    jobIds: z.array(recordId).check(z.minLength(1, '至少选一个岗位'), z.maxLength(50, '一场最多50个岗位')),
    /** Admins: the station that runs it (omitted: the county centre's). Station staff always their own. */
    stationId: z.optional(recordId),
  })
  .check(z.refine((b) => new Date(b.endsAt) > new Date(b.startsAt), { message: '结束时间要晚于开始时间', path: ['endsAt'] }))

export const staffCreateHiringEvent = endpoint({
  method: 'POST',
  path: '/staff/hiring-events',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: "Schedule a livestream: station staff feature their station's postings, admins any",
  body: hiringEventBody,
  response: z.object({ id: z.number() }),
})

export const hiringEventFunnel = z.object({
  /** As staff reported them from the platform (null until reported). */
  viewers: z.nullable(z.number()),
  reminders: z.number(),
  signups: z.number(),
  /** Sign-ups staff contacted for an interview (已联系) or went further (hired). */
  interviews: z.number(),
  hires: z.number(),
  /** Event sign-ups holding a seat on a county transport batch leaving after the event began. */
  riders: z.number(),
})

export const staffHiringEvent = z.extend(hiringEvent, { stationId: z.nullable(z.number()), viewers: z.nullable(z.number()), funnel: hiringEventFunnel })
export type StaffHiringEvent = z.infer<typeof staffHiringEvent>

export const staffListHiringEvents = endpoint({
  method: 'GET',
  path: '/staff/hiring-events',
  access: 'staff',
  summary: "Events with their funnel, newest first: station staff their station's, admins all",
  response: z.object({ items: z.array(staffHiringEvent) }),
})

export const staffUpdateHiringEvent = endpoint({
  method: 'PATCH',
  path: '/staff/hiring-events/:id',
  access: 'staff',
  summary: 'After the event: the viewers the platform showed and the replay link',
  params: idParam,
  body: z.object({
    viewers: z.optional(z.number('请填写观看人数').check(z.int('请填写整数'), z.gte(0, '人数不能是负数'), z.lte(100_000_000, '人数太大了'))),
    replayUrl: z.optional(urlText),
  }),
  response: staffHiringEvent,
})
