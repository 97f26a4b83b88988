/** What buildApp decorates the instance with; routes and plugins read these, never globals. */
import type { Kysely } from 'kysely'
import type { DialectName } from '../db/dialect'
import type { DB } from '../db/schema'

export type Clock = () => Date

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>
    dbDialect: DialectName
    clock: Clock
  }
}
