import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { listBranchMembers, listMyPartyMemberships, registerPartyMember } from '../stations/party-members.service'
import { getStation, listStationCities, listStations } from '../stations/stations.service'

export function stationRoutes(app: FastifyInstance): void {
  route(app, api.listStations, ({ trx, query }) => listStations(trx, query), { cache: true })
  // Declared before /stations/:id for readers; the router prefers the static segment either way.
  route(app, api.listStationCities, ({ trx }) => listStationCities(trx))
  route(app, api.getStation, ({ trx, params }) => getStation(trx, params.id))
  route(app, api.registerPartyMember, ({ trx, caller, params, body }) =>
    registerPartyMember(trx, caller.userId, params.id, body, app.clock()),
  )
  route(app, api.listMyPartyMemberships, ({ trx, caller }) => listMyPartyMemberships(trx, caller.userId))
  route(app, api.listBranchMembers, ({ trx, caller, params }) => listBranchMembers(trx, app.keys, caller, params.id))
}
