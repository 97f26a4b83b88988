/** What buildApp decorates the instance with; routes and plugins read these, never globals. */
import type { Kysely } from 'kysely'
import type { DataKeys } from '../accounts/crypto'
import type { SmsProvider } from '../accounts/sms'
import type { Config } from '../config'
import type { DialectName } from '../db/dialect'
import type { DB } from '../db/schema'
import type { PhotoStorage } from '../uploads/photo-storage'

export type Clock = () => Date

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>
    dbDialect: DialectName
    clock: Clock
    config: Config
    /** Encryption and lookup hashes for personal data. */
    keys: DataKeys
    sms: SmsProvider
    /** Where photo bytes are kept: DATA_DIR/uploads or an S3-compatible bucket. */
    photos: PhotoStorage
    /** The hourly clean-up of unused and orphan photos: its unref'd timer (null once closed) and one run now. */
    uploadSweep: { timer: NodeJS.Timeout | null; run(): Promise<void> }
  }
}
