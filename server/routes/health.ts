import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { writeAndRollBack } from '../health/health.repository'
import { AppError } from '../http/app-error'
import { route } from '../http/route'

export function healthRoutes(app: FastifyInstance): void {
  route(app, api.health, async ({ req }) => {
    // A real write round trip: a pool that can't reach the database, or a database that can't write, fails.
    try {
      await writeAndRollBack(app.db, app.clock())
    } catch (error) {
      req.log.error({ err: error }, 'health check: the database did not take a write')
      throw new AppError('UNAVAILABLE')
    }
    return { status: 'ok' as const, db: app.dbDialect }
  })
}
