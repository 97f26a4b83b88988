import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { api } from '../../types'
import { route } from '../http/route'

export function healthRoutes(app: FastifyInstance): void {
  route(app, api.health, async () => {
    // A real round trip: a pool that can't reach the database must fail the check.
    await sql`select 1`.execute(app.db)
    return { status: 'ok' as const, db: app.dbDialect }
  })
}
