/**
 * The workbench's side of notices: a staff member's own 提醒, and what was sent to whom for admins. Apart from
 * notifications.ts, as staff-courses.ts is from training.ts: the worker's tabs then do not carry them.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDateTime, listOf, pageQuery, recordId } from './common'
import { inboxMessage, noticeChannels, noticeKinds } from './notifications'

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
