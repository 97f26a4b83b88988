/**
 * Sends the queued external notices. Each round claims due rows (a lease, see claimDueNotifications), sends them one
 * by one outside any transaction, and settles each: sent, retried later with backoff, failed after the last attempt,
 * or skipped (no phone, daily limit). Several processes may run it on one PostgreSQL database; none sends a row
 * another has claimed. A process killed between send and settle sends that row again when its lease ends: at least
 * once, never lost.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { chinaDate } from '../../types'
import type { SmsProvider } from '../accounts/sms'
import type { DataKeys } from '../accounts/crypto'
import type { NotifyConfig } from '../config'
import type { DB } from '../db/schema'
import { installRepeatingRound } from '../lib/repeating-round'
import { backoffMs, deliverAt, isQuietHour } from './notice-rules'
import { claimDueNotifications, countSmsSentOnDay, findUserPhone, type NotificationRow, settleNotification } from './notifications.repository'
import { wechatSender } from './wechat-channel'
import { dispatchWechatRow, type WechatChannel } from './wechat-dispatch'

export interface DispatchDeps {
  db: Kysely<DB>
  keys: DataKeys
  sms: SmsProvider
  /** Subscribe messages; without it a WeChat row falls back to SMS where the kind allows. */
  wechat?: WechatChannel
  config: NotifyConfig
  clock: () => Date
  log?: FastifyBaseLogger
}

export interface DispatchRound {
  claimed: number
  sent: number
  retried: number
  failed: number
  skipped: number
  deferred: number
}

type Outcome = keyof Omit<DispatchRound, 'claimed'>

export async function dispatchOnce(deps: DispatchDeps): Promise<DispatchRound> {
  const now = deps.clock()
  const rows = await claimDueNotifications(deps.db, now.toISOString(), new Date(now.getTime() + deps.config.leaseMs).toISOString(), deps.config.batchSize)
  const round: DispatchRound = { claimed: rows.length, sent: 0, retried: 0, failed: 0, skipped: 0, deferred: 0 }
  // Different people's messages go out side by side (a slow gateway is not waited on one at a time); one person's
  // in order, so the daily limit counts what was really sent before.
  const byPerson = new Map<number, NotificationRow[]>()
  for (const row of rows) byPerson.set(row.user_id ?? -row.id, [...(byPerson.get(row.user_id ?? -row.id) ?? []), row])
  await Promise.all(
    [...byPerson.values()].map(async (own) => {
      for (const row of own) {
        const outcome = await dispatchRow(deps, row)
        if (outcome) round[outcome] += 1
      }
    }),
  )
  return round
}

/** Rounds until nothing is due (tests, and the timer while a backlog lasts). */
export async function dispatchUntilIdle(deps: DispatchDeps, maxRounds = 1000): Promise<DispatchRound> {
  const total: DispatchRound = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0, deferred: 0 }
  for (let i = 0; i < maxRounds; i++) {
    const round = await dispatchOnce(deps)
    for (const key of Object.keys(total) as (keyof DispatchRound)[]) total[key] += round[key]
    if (round.claimed === 0) break
  }
  return total
}

async function dispatchRow(deps: DispatchDeps, row: NotificationRow): Promise<Outcome | null> {
  const now = deps.clock()
  const urgent = row.urgent === 1
  const settle = async (outcome: Outcome, change: Parameters<typeof settleNotification>[2]) =>
    ((await settleNotification(deps.db, row, change)) ? outcome : null)

  // A retry (or a clock that moved) can land in the night: it waits for the morning without using up an attempt.
  if (!urgent && isQuietHour(now)) return settle('deferred', { attempts: row.attempts - 1, next_attempt_at: deliverAt(now, false).toISOString() })
  if (row.channel === 'wechat' && row.user_id !== null) return dispatchWechatRow(deps, { ...row, user_id: row.user_id })
  if (row.channel !== 'sms' || row.user_id === null) return settle('skipped', { state: 'skipped', last_error: '这个渠道还不能发送' })

  const user = await findUserPhone(deps.db, row.user_id)
  if (!user || user.deleted_at !== null || !user.phone_enc || !user.phone_hash) {
    return settle('skipped', { state: 'skipped', last_error: '没有手机号（未绑定或账号已注销）' })
  }
  const day = chinaDate(now)
  if (!urgent && (await countSmsSentOnDay(deps.db, user.phone_hash, day)) >= deps.config.smsDailyLimit) {
    return settle('skipped', { state: 'skipped', last_error: '今天发给这个号码的短信已到上限', phone_hash: user.phone_hash })
  }
  const { title, body } = JSON.parse(row.payload) as { title: string; body: string }
  try {
    await deps.sms.sendNotice({ phone: deps.keys.decrypt(user.phone_enc), kind: row.kind, title, text: body })
  } catch (error) {
    const status = (error as { gatewayStatus?: number }).gatewayStatus
    const reason = status ? `短信网关答复 ${status}` : '短信网关连不上或超时'
    deps.log?.warn({ notification: row.id, attempts: row.attempts, reason }, 'notice SMS failed')
    if (row.attempts >= deps.config.maxAttempts) return settle('failed', { state: 'failed', last_error: `${reason}（已试 ${row.attempts} 次）` })
    const next = deliverAt(new Date(now.getTime() + backoffMs(row.attempts, deps.config.retryBaseMs)), urgent)
    return settle('retried', { next_attempt_at: next.toISOString(), last_error: reason })
  }
  const at = deps.clock()
  return settle('sent', { state: 'sent', sent_at: at.toISOString(), sent_day: chinaDate(at), phone_hash: user.phone_hash, last_error: null })
}

/**
 * The timer of this process: off in tests unless a test turns it on; rounds run back to back while a backlog lasts,
 * then every `intervalMs`. Stopped on close (after the round in flight), before the database closes.
 */
export function installNotificationDispatcher(app: FastifyInstance): void {
  if (!app.config.notify.dispatch) return
  // One WeChat sender for the process, so its access token is fetched once and shared by every round.
  const wechat: WechatChannel = { sender: wechatSender(app.config.wechat), config: app.config.wechat }
  const deps = (): DispatchDeps => ({ db: app.db, keys: app.keys, sms: app.sms, wechat, config: app.config.notify, clock: app.clock, log: app.log })
  let closing = false
  app.addHook('onClose', async () => {
    closing = true
  })
  installRepeatingRound(app, 'notice dispatch round', app.config.notify.intervalMs, async () => {
    // Rounds back to back while a backlog lasts.
    for (;;) {
      const round = await dispatchOnce(deps())
      if (closing || round.claimed < app.config.notify.batchSize) break
    }
  })
}
