/**
 * One interface for sending sign-in codes. `console` (never in production) logs a masked line
 * and keeps the code in the dev outbox table, readable at GET /api/dev/sms-outbox; `http`
 * posts to an SMS gateway. A failed send throws, and the caller makes the code unusable.
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

export interface SmsProvider {
  readonly name: 'console' | 'http'
  send(message: SmsMessage): Promise<void>
}

export function createSmsProvider(config: SmsConfig, deps: { db: Kysely<DB>; log: FastifyBaseLogger }): SmsProvider {
  return config.provider === 'http' ? httpSms(config) : consoleSms(deps.db, deps.log)
}
