/**
 * One interface for sending sign-in codes. `console` (never in production) logs a masked line
 * and keeps the code in the dev outbox table, readable at GET /api/dev/sms-outbox; `http`
 * posts to an SMS gateway. A failed send throws, and the caller makes the code unusable.
 * The same gateway sends notices (`sendNotice`), queued and retried by server/notifications.
 */
import type { Kysely } from 'kysely'
import type { FastifyBaseLogger } from 'fastify'
import type { SmsConfig } from '../../config'
import type { DB } from '../../db/schema'
import { consoleSms } from './console'
import { httpSms } from './http'

export interface SmsMessage {
  phone: string
  phoneHash: string
  code: string
  at: Date
}

/** A notice (case accepted, bus cancelled …): the gateway's template for the kind, filled with a title and text. */
export interface SmsNotice {
  phone: string
  kind: string
  title: string
  text: string
}

export interface SmsProvider {
  readonly name: 'console' | 'http'
  send(message: SmsMessage): Promise<void>
  /** Throws on failure; a thrown error's `gatewayStatus` (if any) says what the gateway answered. */
  sendNotice(notice: SmsNotice): Promise<void>
}

export function createSmsProvider(config: SmsConfig, deps: { db: Kysely<DB>; log: FastifyBaseLogger }): SmsProvider {
  return config.provider === 'http' ? httpSms(config) : consoleSms(deps.db, deps.log)
}
