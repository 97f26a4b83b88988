import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import { maskPhone } from '../../../types'
import type { DB } from '../../db/schema'
import { insertDevSms } from '../sms-codes.repository'
import type { SmsProvider } from './index'

/** Development: the code goes to the dev outbox table; the log shows only the masked number. */
export function consoleSms(db: Kysely<DB>, log: FastifyBaseLogger): SmsProvider {
  return {
    name: 'console',
    async send({ phone, phoneHash, code, at }) {
      await insertDevSms(db, { phoneHash, code, at })
      log.info({ to: maskPhone(phone) }, 'console SMS: sign-in code stored in the dev outbox (GET /api/dev/sms-outbox)')
    },
    async sendNotice({ phone, kind }) {
      log.info({ to: maskPhone(phone), kind }, 'console SMS: notice (text not logged)')
    },
  }
}
