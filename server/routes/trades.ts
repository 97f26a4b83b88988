import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { listTrades } from '../trades/trades.service'

export function tradeRoutes(app: FastifyInstance): void {
  route(app, api.listTrades, ({ trx }) => listTrades(trx, app.clock()), { cache: true })
}
