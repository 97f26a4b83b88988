import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { listFollowUps, listRisks, personContacts, recordContact, recordRiskAction } from '../roster/follow-up.service'
import { confirmPerson, listUnconfirmed, mergePerson } from '../roster/roster-links.service'

/** The worker and the roster (confirm, merge), contacts after a move and the risk list; scope in the services. */
export function rosterFollowUpRoutes(app: FastifyInstance): void {
  route(app, api.staffUnconfirmedPeople, ({ caller, query, reply }) => {
    // Personal data: never kept by a browser or a proxy.
    reply.header('cache-control', 'no-store')
    return listUnconfirmed(app.db, app.keys, caller, query)
  })
  route(app, api.staffConfirmPerson, ({ trx, caller, params }) => confirmPerson(trx, app.keys, caller, params.id, app.clock()))
  route(app, api.staffMergePerson, ({ trx, caller, params, body }) => mergePerson(trx, app.keys, caller, params.id, body.intoId, app.clock()))
  route(app, api.staffRecordContact, ({ trx, caller, params, body }) => recordContact(trx, app.keys, caller, params.id, body, app.clock()))
  route(app, api.staffPersonContacts, ({ caller, params, query }) => personContacts(app.db, caller, params.id, query))
  route(app, api.staffFollowUps, ({ caller, query, reply }) => {
    reply.header('cache-control', 'no-store')
    return listFollowUps(app.db, app.keys, caller, query, app.clock())
  })
  route(app, api.staffRisks, ({ caller, query, reply }) => {
    reply.header('cache-control', 'no-store')
    return listRisks(app.db, app.keys, caller, query, app.clock())
  })
  route(app, api.staffRecordRiskAction, ({ trx, caller, params, body }) => recordRiskAction(trx, app.keys, caller, params.id, body, app.clock()))
}
