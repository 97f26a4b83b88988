import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import {
  addRightsMessage,
  addRightsNote,
  askRightsCallback,
  closeRightsRequest,
  createRightsRequest,
  getRightsRequest,
  listMyRightsRequests,
  recordRightsCall,
  fillPhoneLastFourHashes,
  getCaseWorklogEvidence,
  listRightsRequests,
  transitionRightsRequest,
} from '../rights/rights.service'

export function rightsRoutes(app: FastifyInstance): void {
  // Cases from before the phone's last-four hash existed get it once the data key is at hand.
  app.addHook('onReady', async () => {
    await fillPhoneLastFourHashes(app.db, app.keys)
  })
  route(app, api.createRightsRequest, ({ trx, caller, body }) => createRightsRequest(trx, app.keys, caller, body, app.clock()))
  route(app, api.askRightsCallback, ({ trx, caller, body }) => askRightsCallback(trx, app.keys, caller, body, app.clock()))
  route(app, api.getRightsRequest, ({ caller, params }) => getRightsRequest(app.db, app.keys, caller, params.trackingNo, app.clock()))
  route(app, api.listMyRightsRequests, ({ caller, query }) => listMyRightsRequests(app.db, caller, query, app.clock()))
  route(app, api.addRightsMessage, ({ trx, caller, params, body }) => addRightsMessage(trx, app.keys, caller, params.trackingNo, body, app.clock()))
  route(app, api.closeRightsRequest, ({ trx, caller, params, body }) => closeRightsRequest(trx, app.keys, caller, params.trackingNo, body, app.clock()))
  route(app, api.staffListRightsRequests, ({ caller, query }) => listRightsRequests(app.db, app.keys, caller, query, app.clock()))
  route(app, api.staffTransitionRightsRequest, ({ trx, caller, params, body }) => transitionRightsRequest(trx, app.keys, caller, params.trackingNo, body, app.clock()))
  route(app, api.staffRecordRightsCall, ({ trx, caller, params }) => recordRightsCall(trx, app.keys, caller, params.trackingNo, app.clock()))
  route(app, api.staffCaseWorklogEvidence, ({ caller, params }) => getCaseWorklogEvidence(app.db, caller, params.trackingNo))
  route(app, api.staffAddRightsNote, ({ trx, caller, params, body }) => addRightsNote(trx, app.keys, caller, params.trackingNo, body, app.clock()))
}
