/** Pure rules: quiet hours, retry backoff and which channels a kind goes out on. */
import { smsByDefault, smsLocked, urgentNoticeKinds, type NoticeKind, type WorkerNoticeKind } from '../../types'

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000
export const QUIET_FROM_HOUR = 22
export const QUIET_TO_HOUR = 7

const chinaHour = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).getUTCHours()

/** 22:00–07:00 China time: nobody is woken for what can wait. */
export function isQuietHour(at: Date): boolean {
  const h = chinaHour(at)
  return h >= QUIET_FROM_HOUR || h < QUIET_TO_HOUR
}

/** When an external send may go: at once if urgent or outside quiet hours, else at the next 07:00 China time. */
export function deliverAt(at: Date, urgent: boolean): Date {
  if (urgent || !isQuietHour(at)) return at
  const wall = new Date(at.getTime() + CHINA_OFFSET_MS)
  const morning = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), QUIET_TO_HOUR) - CHINA_OFFSET_MS
  return new Date(chinaHour(at) >= QUIET_FROM_HOUR ? morning + 24 * HOUR_MS : morning)
}

export const isUrgent = (kind: NoticeKind) => urgentNoticeKinds.includes(kind)

/** 30 s, 1 min, 2 min … capped at an hour: a gateway that is down for a while is not hammered. */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), HOUR_MS)
}

export interface ChannelChoice {
  wechat: boolean
  sms: boolean
}

export function defaultChoice(kind: WorkerNoticeKind): ChannelChoice {
  return { wechat: true, sms: smsByDefault.includes(kind) }
}

/** The worker's choice, with SMS forced on where it cannot be turned off. */
export function effectiveChoice(kind: WorkerNoticeKind, stored: ChannelChoice | undefined): ChannelChoice {
  const choice = stored ?? defaultChoice(kind)
  return { wechat: choice.wechat, sms: choice.sms || smsLocked.includes(kind) }
}
