/**
 * Sends one claimed WeChat row: takes one of the worker's allowances for the kind's template, sends, settles. Without
 * an allowance, with WeChat not set up, or when WeChat refuses (43101) or keeps failing, the row ends skipped or
 * failed and, if the SMS was left out for it, an SMS row is queued in the same transaction as that settle, so the
 * fallback is written exactly once.
 */
import { chinaDate, templateOfKind, type WorkerNoticeKind } from '../../types'
import type { WechatConfig } from '../config'
import { backoffMs, deliverAt } from './notice-rules'
import { insertNotifications, type NotificationRow, settleNotification } from './notifications.repository'
import type { WechatPayload } from './notify'
import { releaseSubscription, takeSubscription } from './subscriptions.repository'
import { fitKeyword, WECHAT_REFUSED, WechatError, type WechatSender, wechatTime } from './wechat-channel'
import type { DispatchDeps } from './dispatcher'

export interface WechatChannel {
  sender: WechatSender
  config: WechatConfig
}

type Outcome = 'sent' | 'retried' | 'failed' | 'skipped'
type Change = Parameters<typeof settleNotification>[2]

export async function dispatchWechatRow(deps: DispatchDeps, row: NotificationRow & { user_id: number }): Promise<Outcome | null> {
  const now = deps.clock()
  const urgent = row.urgent === 1
  const payload = JSON.parse(row.payload) as WechatPayload

  /** Settles the row and, when the SMS was owed to this one, queues it in the same transaction. */
  const settle = (outcome: Outcome, change: Change, fallback = false): Promise<Outcome | null> =>
    deps.db.transaction().execute(async (trx) => {
      if (!(await settleNotification(trx, row, change))) return null
      if (fallback && payload.smsFallback) {
        const at = deps.clock()
        await insertNotifications(trx, [
          {
            message_id: row.message_id,
            user_id: row.user_id,
            staff_id: null,
            kind: row.kind,
            channel: 'sms',
            urgent: row.urgent,
            payload: JSON.stringify({ title: payload.title, body: payload.body }),
            state: 'pending',
            attempts: 0,
            next_attempt_at: deliverAt(at, urgent).toISOString(),
            last_error: null,
            phone_hash: null,
            created_at: at.toISOString(),
            sent_at: null,
            sent_day: null,
          },
        ])
      }
      return outcome
    })
  const giveUp = (state: 'skipped' | 'failed', reason: string) => settle(state, { state, last_error: reason }, true)

  const template = templateOfKind[row.kind as WorkerNoticeKind]
  const setting = template ? deps.wechat?.config.templates[template] : undefined
  if (!template || !setting || !deps.wechat) return giveUp('skipped', '微信通知没有设置好')

  const allowance = await takeSubscription(deps.db, row.user_id, template, row.id, now.toISOString())
  if (!allowance) return giveUp('skipped', '没有可用的微信订阅')

  const values = { title: payload.title, body: payload.body, time: wechatTime(new Date(row.created_at)) }
  try {
    await deps.wechat.sender.send({
      openid: deps.keys.decrypt(allowance.openid_enc),
      templateId: setting.id,
      page: payload.link ? payload.link.replace(/^\//, '') : null,
      data: Object.fromEntries(Object.entries(setting.data).map(([keyword, source]) => [keyword, fitKeyword(keyword, values[source])])),
    })
  } catch (error) {
    const code = error instanceof WechatError ? error.errcode : null
    const status = error instanceof WechatError ? error.status : null
    // Refused: the allowance is spent (or never was); anything else did not use it, so it is kept for a later send.
    if (code !== WECHAT_REFUSED) await releaseSubscription(deps.db, allowance.id)
    if (code === WECHAT_REFUSED) return giveUp('skipped', `微信答复：用户不接收这种通知（${code}）`)
    const reason = code !== null ? `微信答复 ${code}` : status !== null ? `微信答复 HTTP ${status}` : '微信连不上或超时'
    deps.log?.warn({ notification: row.id, attempts: row.attempts, reason }, 'WeChat notice failed')
    // WeChat's own errors (bad data, a wrong template) will not mend with time; busy (-1), limits and the network may.
    const lasting = code !== null && code !== -1 && code !== 45009
    if (lasting || row.attempts >= deps.config.maxAttempts) return giveUp('failed', `${reason}（已试 ${row.attempts} 次）`)
    const next = deliverAt(new Date(now.getTime() + backoffMs(row.attempts, deps.config.retryBaseMs)), urgent)
    return settle('retried', { next_attempt_at: next.toISOString(), last_error: reason })
  }
  const at = deps.clock()
  return settle('sent', { state: 'sent', sent_at: at.toISOString(), sent_day: chinaDate(at), last_error: null })
}
