import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDateTime, listOf, pageQuery, recordId } from './common'

/**
 * Telling people what happened: every event leaves a message in the worker's 消息 inbox, and may also go out by
 * SMS (and, later, a WeChat subscribe message) as the worker chose per kind.
 */
export const workerNoticeKinds = [
  'rights_accepted',
  'rights_note',
  'rights_resolved',
  'rights_referred',
  'application_contacted',
  'application_hired',
  'application_rejected',
  'waitlist_seat',
  'transport_cancelled',
  // Reminders the scheduler makes, and a batch moved by staff.
  'transport_changed',
  'transport_reminder',
  'course_reminder',
  'roster_check',
  /** A station's message to every rider of a batch (集合地点改到县汽车站). */
  'transport_announcement',
  /** A subsidy claim moved: approved, on the 公示 list, paid, or refused with the reason. */
  'subsidy_claim',
] as const
export type WorkerNoticeKind = (typeof workerNoticeKinds)[number]
export const staffNoticeKinds = [
  'staff_new_case',
  'staff_case_overdue',
  'staff_batch_underfilled',
  'staff_batch_filling',
  'staff_risk_new',
  'staff_self_registered',
  'staff_new_applicant',
  'staff_township_case',
] as const
export const noticeKinds = [...workerNoticeKinds, ...staffNoticeKinds] as const
export type NoticeKind = (typeof noticeKinds)[number]

export const noticeKindLabel: Record<NoticeKind, string> = {
  rights_accepted: '求助已受理',
  rights_note: '工作人员留言',
  rights_resolved: '求助已办结',
  rights_referred: '求助已转交',
  application_contacted: '招聘方要联系您',
  application_hired: '您被录用了',
  application_rejected: '报名没有通过',
  waitlist_seat: '候补到名额了',
  transport_cancelled: '专车取消了',
  transport_announcement: '专车通知',
  subsidy_claim: '补贴申请有进展',
  staff_new_case: '新的求助',
  transport_changed: '专车时间或地点改了',
  transport_reminder: '明天坐专车',
  course_reminder: '明天开课',
  roster_check: '务工情况有变化吗',
  staff_case_overdue: '求助快要超时',
  staff_batch_underfilled: '专车报名不到一半',
  staff_batch_filling: '专车快满了',
  staff_risk_new: '新进风险名单',
  staff_self_registered: '有人登记待确认',
  staff_new_applicant: '有人报名了岗位',
  staff_township_case: '本乡镇有人求助',
}

export const noticeChannels = ['inapp', 'wechat', 'sms'] as const
export type NoticeChannel = (typeof noticeChannels)[number]
export const noticeChannelLabel: Record<NoticeChannel, string> = { inapp: '消息', wechat: '微信通知', sms: '短信' }

/** What cannot wait for the morning: sent at once even in quiet hours (22:00–07:00 China time). */
export const urgentNoticeKinds: readonly NoticeKind[] = ['transport_cancelled', 'waitlist_seat', 'transport_changed']
/** SMS by default for what must reach the worker without the app; the worker may turn it off, except where locked. */
export const smsByDefault: readonly WorkerNoticeKind[] = ['transport_cancelled', 'waitlist_seat', 'rights_resolved', 'transport_changed', 'transport_announcement']
/** A cancelled bus they hold a seat on costs a day's wage: this SMS cannot be turned off. */
export const smsLocked: readonly WorkerNoticeKind[] = ['transport_cancelled']

export const inboxMessage = z.object({
  id: z.number(),
  kind: z.enum(noticeKinds),
  title: z.string(),
  body: z.string(),
  /** The page it is about, e.g. `/packages/rights/pages/case/index?trackingNo=2026-000123`. */
  link: z.nullable(z.string()),
  createdAt: isoDateTime,
  read: z.boolean(),
})
export type InboxMessage = z.infer<typeof inboxMessage>

export const listMyMessages = endpoint({
  method: 'GET',
  path: '/me/messages',
  access: 'worker',
  query: z.object({ ...pageQuery }),
  response: z.object({ ...listOf(inboxMessage).shape, unread: z.number() }),
  summary: "The worker's inbox, newest first, with how many are unread",
})

export const markMessagesRead = endpoint({
  method: 'POST',
  path: '/me/messages/read',
  access: 'worker',
  /** `ids`, or `all: true`; neither is a 400 on ids. */
  body: z.object({
    ids: z.optional(z.array(recordId).check(z.maxLength(100, '一次最多 100 条'))),
    all: z.optional(z.boolean()),
  }),
  response: z.object({ unread: z.number() }),
  summary: 'Marks own messages read (the ids, or all); marking again changes nothing',
})

export const staffListAlerts = endpoint({
  method: 'GET',
  path: '/staff/alerts',
  access: 'staff',
  query: z.object({ ...pageQuery }),
  response: z.object({ ...listOf(inboxMessage).shape, unread: z.number() }),
  summary:
    "A staff member's own alerts (提醒), newest first, with the unread count: a new or overdue case of their station, " +
    'a batch under half full (admins), a person of their township newly at risk or registered by themself (officers)',
})

export const staffMarkAlertsRead = endpoint({
  method: 'POST',
  path: '/staff/alerts/read',
  access: 'staff',
  body: z.object({
    ids: z.optional(z.array(recordId).check(z.maxLength(100, '一次最多 100 条'))),
    all: z.optional(z.boolean()),
  }),
  response: z.object({ unread: z.number() }),
  summary: "Marks the staff member's own alerts read (the ids, or all)",
})

export const noticeSetting = z.object({
  kind: z.enum(workerNoticeKinds),
  wechat: z.boolean(),
  sms: z.boolean(),
  /** SMS stays on for this kind (a cancelled bus the worker holds a seat on). */
  smsLocked: z.boolean(),
})
export type NoticeSetting = z.infer<typeof noticeSetting>

export const getNotificationSettings = endpoint({
  method: 'GET',
  path: '/me/notification-settings',
  access: 'worker',
  response: z.object({ items: z.array(noticeSetting) }),
  summary: 'Per kind, the channels the worker wants besides the inbox (which is always on)',
})

export const updateNotificationSettings = endpoint({
  method: 'PATCH',
  path: '/me/notification-settings',
  access: 'worker',
  body: z.object({
    items: z
      .array(z.object({ kind: z.enum(workerNoticeKinds, '没有这种通知'), wechat: z.optional(z.boolean()), sms: z.optional(z.boolean()) }))
      .check(z.minLength(1, '请选择要改的通知'), z.maxLength(workerNoticeKinds.length, '通知种类太多')),
  }),
  response: z.object({ items: z.array(noticeSetting) }),
  summary: 'Changes channels per kind; SMS for a cancelled bus cannot be turned off',
})

export const notificationStates = ['pending', 'sent', 'failed', 'skipped'] as const
export type NotificationState = (typeof notificationStates)[number]
export const notificationStateLabel: Record<NotificationState, string> = { pending: '等待发送', sent: '已发送', failed: '发送失败', skipped: '未发送' }

export const staffNotification = z.object({
  id: z.number(),
  kind: z.enum(noticeKinds),
  channel: z.enum(noticeChannels),
  /** 139****0002 for a worker, the display name for staff; null once the account is gone. */
  recipient: z.nullable(z.string()),
  state: z.enum(notificationStates),
  attempts: z.number(),
  /** Why the last attempt failed or why it was not sent. */
  failure: z.nullable(z.string()),
  createdAt: isoDateTime,
  sentAt: z.nullable(isoDateTime),
})
export type StaffNotification = z.infer<typeof staffNotification>

export const staffListNotifications = endpoint({
  method: 'GET',
  path: '/staff/notifications',
  access: 'staff',
  query: z.object({
    ...pageQuery,
    state: z.optional(z.enum(notificationStates, '没有这种状态')),
    channel: z.optional(z.enum(noticeChannels, '没有这种渠道')),
    kind: z.optional(z.enum(noticeKinds, '没有这种通知')),
  }),
  response: listOf(staffNotification),
  summary: 'Admins: what was sent, to whom (masked), on which channel, its state and failures; newest first',
})

export const staffResendNotification = endpoint({
  method: 'POST',
  path: '/staff/notifications/:id/resend',
  access: 'staff',
  params: idParam,
  response: staffNotification,
  summary: 'Admins: a failed external message is queued again, attempts from zero',
})
