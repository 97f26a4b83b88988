/** The worker's inbox and channel choices; the admins' view of what was sent. */
import type { Kysely } from 'kysely'
import {
  maskPhone,
  smsLocked,
  workerNoticeKinds,
  type InboxMessage,
  type NoticeChannel,
  type NoticeKind,
  type NoticeSetting,
  type NotificationState,
  type StaffNotification,
  type WorkerNoticeKind,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import type { DB } from '../db/schema'
import { notFound, conflict, validationFailed } from '../http/app-error'
import type { StaffCaller } from '../http/caller'
import { decodeCursor, paginate } from '../lib/cursor'
import { requireAdmin } from '../staff/staff-scope'
import { deliverAt, effectiveChoice } from './notice-rules'
import {
  countUnread,
  deleteUserMessages,
  listAllUserMessages,
  listUserNotifications,
  findNotificationForStaff,
  listNotifications,
  listSettings,
  type Inbox,
  listInboxMessages,
  markInboxRead,
  requeueNotification,
  type StaffNotificationRow,
  upsertSetting,
} from './notifications.repository'

async function listInbox(db: Kysely<DB>, inbox: Inbox, query: { cursor?: string; limit: number }) {
  const after = decodeCursor(query.cursor, { id: 'number' })
  const rows = await listInboxMessages(db, inbox, { afterId: after?.id, limit: query.limit })
  const { page, nextCursor } = paginate(rows, query.limit, (last) => ({ id: last.id }))
  const items: InboxMessage[] = page.map((r) => ({
    id: r.id,
    kind: r.kind as NoticeKind,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.created_at,
    read: r.read_at !== null,
  }))
  return { items, nextCursor, unread: await countUnread(db, inbox) }
}

async function markRead(db: Kysely<DB>, inbox: Inbox, body: { ids?: number[]; all?: boolean }, now: Date) {
  if (body.all === true) await markInboxRead(db, inbox, 'all', now.toISOString())
  else if (body.ids?.length) await markInboxRead(db, inbox, body.ids, now.toISOString())
  else throw validationFailed({ ids: '请选择要标为已读的消息' })
  return { unread: await countUnread(db, inbox) }
}

export const listMyMessages = (db: Kysely<DB>, userId: number, query: { cursor?: string; limit: number }) => listInbox(db, { userId }, query)
export const markMessagesRead = (db: Kysely<DB>, userId: number, body: { ids?: number[]; all?: boolean }, now: Date) => markRead(db, { userId }, body, now)
/** Staff read their own alerts (提醒: a new or overdue case, a thin batch, a person at risk or to confirm) the same way. */
export const listStaffAlerts = (db: Kysely<DB>, caller: StaffCaller, query: { cursor?: string; limit: number }) => listInbox(db, { staffId: caller.staffId }, query)
export const markStaffAlertsRead = (db: Kysely<DB>, caller: StaffCaller, body: { ids?: number[]; all?: boolean }, now: Date) =>
  markRead(db, { staffId: caller.staffId }, body, now)

export async function getNotificationSettings(db: Kysely<DB>, userId: number): Promise<{ items: NoticeSetting[] }> {
  const stored = new Map((await listSettings(db, userId)).map((r) => [r.kind, { wechat: r.wechat === 1, sms: r.sms === 1 }]))
  return {
    items: workerNoticeKinds.map((kind) => ({ kind, ...effectiveChoice(kind, stored.get(kind)), smsLocked: smsLocked.includes(kind) })),
  }
}

export async function updateNotificationSettings(
  db: Kysely<DB>,
  userId: number,
  body: { items: { kind: WorkerNoticeKind; wechat?: boolean; sms?: boolean }[] },
  now: Date,
): Promise<{ items: NoticeSetting[] }> {
  const fields: Record<string, string> = {}
  body.items.forEach((item, i) => {
    if (item.sms === false && smsLocked.includes(item.kind)) fields[`items.${i}.sms`] = '您已报名的专车取消时一定会发短信，这项不能关'
  })
  if (Object.keys(fields).length) throw validationFailed(fields)
  await db.transaction().execute(async (trx) => {
    const current = new Map((await getNotificationSettings(trx, userId)).items.map((s) => [s.kind, s]))
    for (const item of body.items) {
      const was = current.get(item.kind)!
      await upsertSetting(trx, {
        user_id: userId,
        kind: item.kind,
        wechat: (item.wechat ?? was.wechat) ? 1 : 0,
        sms: (item.sms ?? was.sms) ? 1 : 0,
        updated_at: now.toISOString(),
      })
    }
  })
  return getNotificationSettings(db, userId)
}

function toStaffNotification(row: StaffNotificationRow, keys: DataKeys): StaffNotification {
  const recipient = row.user_id !== null ? (row.phone_enc ? maskPhone(keys.decrypt(row.phone_enc)) : null) : (row.staff_name ?? null)
  return {
    id: row.id,
    kind: row.kind as NoticeKind,
    channel: row.channel as NoticeChannel,
    recipient,
    state: row.state as NotificationState,
    attempts: row.attempts,
    failure: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  }
}

export async function listStaffNotifications(
  db: Kysely<DB>,
  keys: DataKeys,
  caller: StaffCaller,
  query: { cursor?: string; limit: number; state?: string; channel?: string; kind?: string },
) {
  requireAdmin(caller, '只有县级管理员可以查看通知发送记录')
  const before = decodeCursor(query.cursor, { id: 'number' })
  const rows = await listNotifications(db, { state: query.state, channel: query.channel, kind: query.kind, beforeId: before?.id, limit: query.limit })
  const { page, nextCursor } = paginate(rows, query.limit, (last) => ({ id: last.id }))
  return { items: page.map((r) => toStaffNotification(r, keys)), nextCursor }
}

export async function resendNotification(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, now: Date): Promise<StaffNotification> {
  requireAdmin(caller, '只有县级管理员可以重发通知')
  const row = await findNotificationForStaff(db, id)
  if (!row) throw notFound('没有找到这条通知')
  if (row.channel === 'inapp') throw conflict('站内消息已经在收件箱里，不用重发')
  if (row.state !== 'failed' && row.state !== 'skipped') throw conflict('只有发送失败或未发送的通知可以重发')
  // An admin's resend is a deliberate act: it goes now, quiet hours or not.
  if (!(await requeueNotification(db, id, deliverAt(now, true).toISOString()))) throw conflict()
  return toStaffNotification((await findNotificationForStaff(db, id))!, keys)
}

/** Account deletion, inside its transaction: the inbox, the send records and the choices go with the account. */
export async function eraseNotifications(trx: Kysely<DB>, userId: number): Promise<void> {
  await deleteUserMessages(trx, userId)
}

/** The account export: the inbox, what was sent where, and the channel choices. */
export async function exportNotifications(db: Kysely<DB>, userId: number) {
  return {
    messages: (await listAllUserMessages(db, userId)).map((m) => ({ title: m.title, body: m.body, link: m.link, createdAt: m.created_at, readAt: m.read_at })),
    notificationsSent: (await listUserNotifications(db, userId)).map((n) => ({ kind: n.kind, channel: n.channel, state: n.state, createdAt: n.created_at, sentAt: n.sent_at })),
    notificationSettings: (await listSettings(db, userId)).map((s) => ({ kind: s.kind, wechat: s.wechat === 1, sms: s.sms === 1, updatedAt: s.updated_at })),
  }
}
