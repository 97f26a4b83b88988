/**
 * The outbox's one way in. A service calls `notify(trx, now, event)` inside the transaction of the change that causes
 * it, so a committed change always leaves its messages and a rolled-back one leaves none. Each recipient gets an inbox
 * message at once (the inapp row is written `sent`); an SMS row is written `pending` when the worker's choice for the
 * kind says so, for the dispatcher to send.
 */
import type { Kysely } from 'kysely'
import {
  chinaDate,
  chinaMonthDayWeekdayTime,
  mySubsidiesPagePath,
  rightsReferralLabel,
  vehicleKindLabel,
  type NoticeKind,
  type RightsReferralTarget,
  smsLocked,
  templateOfKind,
  type VehicleKind,
  type WorkerNoticeKind,
} from '../../types'
import type { DB } from '../db/schema'
import { type AlertEvent, alertRecipients } from './alert-notices'
import { deliverAt, effectiveChoice, isUrgent } from './notice-rules'
import {
  findApplicationForNotice,
  findBatchRiders,
  findCaseForNotice,
  findEnrollmentForNotice,
  findSetting,
  insertMessage,
  insertNotifications,
  listStationStaffIds,
} from './notifications.repository'
import { countUnusedSubscriptions } from './subscriptions.repository'

export type NoticeEvent =
  /** Staff moved a case; accepted, resolved and referred tell the worker. */
  | { kind: 'rights_status'; requestId: number }
  /** Staff wrote on a case; only a note the worker may read tells them. */
  | { kind: 'rights_note'; requestId: number; visibleToWorker: boolean }
  /** A worker submitted a case: the staff of the station it went to are told. */
  | { kind: 'staff_new_case'; requestId: number }
  | { kind: 'application_status'; applicationId: number; status: 'contacted' | 'hired' | 'rejected' }
  | { kind: 'waitlist_seat'; enrollmentId: number }
  /** Called before the seats are given back, so the riders are still the active signups. */
  | { kind: 'transport_cancelled'; batchId: number; reason: string }
  /** Reminders, a moved batch and staff alerts (alert-notices.ts). */
  | AlertEvent
  /** Staff's short message to every rider of a batch. */
  | { kind: 'transport_announcement'; batchId: number; text: string }
  /** A subsidy claim moved (server/subsidies): approved, on the 公示 list, paid, or refused with the reason. */
  | {
      kind: 'subsidy_claim'
      userId: number
      status: 'approved' | 'publicised' | 'paid' | 'refused'
      /** 2026年交通补助 */
      scheme: string
      amountYuan: number
      refusalReason?: string | null
      startsOn?: string
      endsOn?: string
      paidOn?: string
    }

interface Notice {
  kind: NoticeKind
  title: string
  body: string
  link: string | null
}

const caseLink = (no: string) => `/packages/rights/pages/case/index?trackingNo=${encodeURIComponent(no)}`

export async function notify(trx: Kysely<DB>, now: Date, event: NoticeEvent): Promise<void> {
  switch (event.kind) {
    case 'rights_status': {
      const row = await findCaseForNotice(trx, event.requestId)
      if (!row || row.user_id === null) return
      const no = row.tracking_no
      if (row.status === 'accepted') {
        return toWorker(trx, now, row.user_id, { kind: 'rights_accepted', title: '您的求助已受理', body: `求助 ${no} 已由工作人员受理，会尽快联系您。`, link: caseLink(no) })
      }
      if (row.status === 'resolved') {
        return toWorker(trx, now, row.user_id, { kind: 'rights_resolved', title: '您的求助已办结', body: `求助 ${no} 已办结，请打开看看结果。`, link: caseLink(no) })
      }
      if (row.status === 'referred') {
        const to = row.referred_to ? rightsReferralLabel[row.referred_to as RightsReferralTarget] : '有关部门'
        return toWorker(trx, now, row.user_id, { kind: 'rights_referred', title: '您的求助已转交', body: `求助 ${no} 已转交${to}办理。`, link: caseLink(no) })
      }
      return
    }
    case 'rights_note': {
      if (!event.visibleToWorker) return
      const row = await findCaseForNotice(trx, event.requestId)
      if (!row || row.user_id === null) return
      const no = row.tracking_no
      return toWorker(trx, now, row.user_id, { kind: 'rights_note', title: '工作人员给您留言了', body: `求助 ${no} 有新留言，请打开查看。`, link: caseLink(no) })
    }
    case 'staff_new_case': {
      const row = await findCaseForNotice(trx, event.requestId)
      if (!row || row.station_id === null) return
      const notice: Notice = {
        kind: 'staff_new_case',
        title: '新的求助',
        body: `求助 ${row.tracking_no} 分到了本站，请在 24 小时内受理。`,
        link: `/packages/staff/pages/case/index?no=${encodeURIComponent(row.tracking_no)}`,
      }
      for (const staffId of await listStationStaffIds(trx, row.station_id)) await toStaff(trx, now, staffId, notice)
      return
    }
    case 'application_status': {
      const row = await findApplicationForNotice(trx, event.applicationId)
      if (!row || row.user_id === null) return
      const link = '/packages/jobs/pages/applications/index'
      const notices: Record<typeof event.status, Notice> = {
        contacted: { kind: 'application_contacted', title: '招聘方要联系您', body: `您报名的「${row.title}」，招聘方会给您打电话，请留意。`, link },
        hired: { kind: 'application_hired', title: '您被录用了', body: `您报名的「${row.title}」已录用您。`, link },
        rejected: { kind: 'application_rejected', title: '报名没有通过', body: `您报名的「${row.title}」这次没有通过，可以再看看别的岗位。`, link },
      }
      return toWorker(trx, now, row.user_id, notices[event.status])
    }
    case 'waitlist_seat': {
      const row = await findEnrollmentForNotice(trx, event.enrollmentId)
      if (!row) return
      return toWorker(trx, now, row.user_id, {
        kind: 'waitlist_seat',
        title: '候补到名额了',
        body: `您候补的「${row.title}」有了名额，已为您报上名。${row.start_date} 开课，地点：${row.location}。不能去请取消，把名额让给别人。`,
        link: '/packages/training/pages/mine/index',
      })
    }
    case 'transport_cancelled': {
      const found = await findBatchRiders(trx, event.batchId)
      if (!found) return
      const { batch } = found
      const what = `${chinaMonthDayWeekdayTime(batch.depart_at)} 去${batch.destination_city}的${vehicleKindLabel[batch.vehicle_kind as VehicleKind] ?? '车'}`
      const notice: Notice = { kind: 'transport_cancelled', title: '专车取消了', body: `您报名的${what}取消了：${event.reason}`, link: '/packages/transport/pages/mine/index' }
      for (const userId of found.userIds) await toWorker(trx, now, userId, notice)
      return
    }
    case 'subsidy_claim': {
      const link = mySubsidiesPagePath
      const what = `${event.scheme}${event.amountYuan}元`
      const bodies = {
        approved: `您申请的${what}审核通过了，公示后发放。`,
        publicised: `您申请的${what}正在村里公示（${event.startsOn ?? ''}到${event.endsOn ?? ''}），公示结束后发放。`,
        paid: `您申请的${what}已发放${event.paidOn ? `（${event.paidOn}）` : ''}，请查看银行卡或社保卡。`,
        refused: `您申请的${event.scheme}没有通过：${event.refusalReason ?? ''}`,
      }
      const titles = { approved: '补贴审核通过', publicised: '补贴正在公示', paid: '补贴已发放', refused: '补贴申请没有通过' }
      return toWorker(trx, now, event.userId, { kind: 'subsidy_claim', title: titles[event.status], body: bodies[event.status], link })
    }
    case 'transport_announcement': {
      const found = await findBatchRiders(trx, event.batchId)
      if (!found) return
      const { batch } = found
      const what = `${chinaMonthDayWeekdayTime(batch.depart_at)} 去${batch.destination_city}的${vehicleKindLabel[batch.vehicle_kind as VehicleKind] ?? '车'}`
      const notice: Notice = { kind: 'transport_announcement', title: '专车通知', body: `您报名的${what}：${event.text}`, link: '/packages/transport/pages/mine/index' }
      for (const userId of found.userIds) await toWorker(trx, now, userId, notice)
      return
    }
    default: {
      const found = await alertRecipients(trx, now, event)
      if (!found) return
      for (const userId of found.userIds) await toWorker(trx, now, userId, found.notice)
      for (const staffId of found.staffIds) await toStaff(trx, now, staffId, found.notice)
      return
    }
  }
}

async function toWorker(trx: Kysely<DB>, now: Date, userId: number, notice: Notice): Promise<void> {
  const at = now.toISOString()
  const messageId = await insertMessage(trx, { user_id: userId, staff_id: null, kind: notice.kind, title: notice.title, body: notice.body, link: notice.link, created_at: at, read_at: null })
  const kind = notice.kind as WorkerNoticeKind
  const stored = await findSetting(trx, userId, kind)
  const choice = effectiveChoice(kind, stored ? { wechat: stored.wechat === 1, sms: stored.sms === 1 } : undefined)
  const urgent = isUrgent(notice.kind)
  const base = { message_id: messageId, user_id: userId, staff_id: null, kind, urgent: urgent ? (1 as const) : (0 as const), payload: JSON.stringify({ title: notice.title, body: notice.body }), created_at: at, phone_hash: null, last_error: null }
  // A WeChat message goes when the worker allowed one for its template; it takes the place of the SMS (sent only if
  // WeChat fails), except where the SMS is locked on.
  const template = templateOfKind[kind]
  const wechat = choice.wechat && template !== undefined && (await countUnusedSubscriptions(trx, userId, template)) > 0
  const sms = choice.sms && (!wechat || smsLocked.includes(kind))
  const pending = { state: 'pending', attempts: 0, next_attempt_at: deliverAt(now, urgent).toISOString(), sent_at: null, sent_day: null }
  await insertNotifications(trx, [
    { ...base, channel: 'inapp', state: 'sent', attempts: 1, next_attempt_at: at, sent_at: at, sent_day: chinaDate(now) },
    ...(wechat ? [{ ...base, ...pending, channel: 'wechat', payload: wechatPayload(notice, choice.sms && !sms) }] : []),
    ...(sms ? [{ ...base, ...pending, channel: 'sms' }] : []),
  ])
}

/** What the WeChat row carries: the page to open, and whether an SMS is owed if WeChat fails. */
export interface WechatPayload {
  title: string
  body: string
  link: string | null
  smsFallback: boolean
}
const wechatPayload = (notice: Notice, smsFallback: boolean) => JSON.stringify({ title: notice.title, body: notice.body, link: notice.link, smsFallback } satisfies WechatPayload)

async function toStaff(trx: Kysely<DB>, now: Date, staffId: number, notice: Notice): Promise<void> {
  const at = now.toISOString()
  const messageId = await insertMessage(trx, { user_id: null, staff_id: staffId, kind: notice.kind, title: notice.title, body: notice.body, link: notice.link, created_at: at, read_at: null })
  await insertNotifications(trx, [
    { message_id: messageId, user_id: null, staff_id: staffId, kind: notice.kind, channel: 'inapp', urgent: 0, payload: JSON.stringify({ title: notice.title, body: notice.body }), state: 'sent', attempts: 1, next_attempt_at: at, last_error: null, phone_hash: null, created_at: at, sent_at: at, sent_day: chinaDate(now) },
  ])
}
