import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { getStation, listStations } from '../stations/stations.service'

export function stationRoutes(app: FastifyInstance): void {
  route(app, api.listStations, ({ trx, query }) => listStations(trx, query))
  route(app, api.getStation, ({ trx, params }) => getStation(trx, params.id))
}
