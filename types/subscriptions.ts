import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import type { WorkerNoticeKind } from './notifications'
import { noHiddenChars } from './validators'

/**
 * WeChat subscribe messages (订阅消息). A worker may allow one later message per template at the moment they act;
 * each "allow" lets the mini-program send exactly one message with that template (WeChat's one-time subscription).
 * Our four templates cover every worker kind; WeChat's real template ids are settings (the same JSON for the server,
 * WECHAT_SUBSCRIBE_TEMPLATES, and the mini-program build, TARO_APP_WECHAT_TEMPLATES).
 */
export const subscribeTemplates = ['rights_progress', 'application_result', 'transport_notice', 'training_notice'] as const
export type SubscribeTemplate = (typeof subscribeTemplates)[number]

/** Which template a kind goes out with; a kind missing here has no WeChat message. */
export const templateOfKind: Partial<Record<WorkerNoticeKind, SubscribeTemplate>> = {
  rights_accepted: 'rights_progress',
  rights_note: 'rights_progress',
  rights_resolved: 'rights_progress',
  rights_referred: 'rights_progress',
  application_contacted: 'application_result',
  application_hired: 'application_result',
  application_rejected: 'application_result',
  waitlist_seat: 'training_notice',
  transport_cancelled: 'transport_notice',
  transport_announcement: 'transport_notice',
  // The reminders and a moved bus use the same allowance: a seat's one WeChat message is best spent on what changes
  // the worker's day. The quarterly roster check has none and stays in the inbox (or SMS if chosen).
  transport_changed: 'transport_notice',
  transport_reminder: 'transport_notice',
  course_reminder: 'training_notice',
}

/** The taps that lead to a later message, and the templates each asks for (WeChat takes at most three at once). */
export const subscribeActions = {
  apply: ['application_result'],
  transport_signup: ['transport_notice'],
  rights_request: ['rights_progress'],
  enroll: ['training_notice'],
} as const satisfies Record<string, readonly SubscribeTemplate[]>
export type SubscribeAction = keyof typeof subscribeActions

/** WeChat's template ids: letters, digits, - and _. */
const templateId = z.string('模板编号不对').check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '模板编号不对'))

export const saveSubscriptions = endpoint({
  method: 'POST',
  path: '/me/subscriptions',
  access: 'worker',
  // Not keyed: the server asks WeChat who the user is first, which must not hold a transaction open. The client does
  // not retry an unkeyed write, so an allowance is not recorded twice.
  body: z.object({
    /** A fresh wx.login code: the server learns from WeChat which WeChat user allowed the messages. */
    code: z.string('请重新打开小程序再试').check(noHiddenChars, z.minLength(1, '请重新打开小程序再试'), z.maxLength(128, '请重新打开小程序再试')),
    /** The template ids WeChat answered "accept" for. */
    templateIds: z.array(templateId).check(z.minLength(1, '没有选择要接收的通知'), z.maxLength(3, '一次最多 3 种通知')),
  }),
  response: z.object({
    /** Per template recorded, how many messages it may still carry; ids the server does not know are left out. */
    items: z.array(z.object({ template: z.enum(subscribeTemplates), available: z.number() })),
  }),
  summary: 'Records the WeChat subscribe-message templates the worker allowed, one message per allowance',
})
