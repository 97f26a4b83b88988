import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import {
  addMessage,
  addNote,
  closeByWorker,
  createRequest,
  getRequest,
  listMine,
  recordCall,
  fillPhoneLastFourHashes,
  staffList,
  transition,
} from '../rights/rights.service'

export function rightsRoutes(app: FastifyInstance): void {
  // Cases from before the phone's last-four hash existed get it once the data key is at hand.
  app.addHook('onReady', async () => {
    await fillPhoneLastFourHashes(app.db, app.keys)
  })
  route(app, api.createRightsRequest, ({ trx, caller, body }) => createRequest(trx, app.keys, caller, body, app.clock()))
  route(app, api.getRightsRequest, ({ caller, params }) => getRequest(app.db, app.keys, caller, params.trackingNo, app.clock()))
  route(app, api.listMyRightsRequests, ({ caller, query }) => listMine(app.db, caller, query, app.clock()))
  route(app, api.addRightsMessage, ({ trx, caller, params, body }) => addMessage(trx, app.keys, caller, params.trackingNo, body, app.clock()))
  route(app, api.closeRightsRequest, ({ trx, caller, params, body }) => closeByWorker(trx, app.keys, caller, params.trackingNo, body, app.clock()))
  route(app, api.staffListRightsRequests, ({ caller, query }) => staffList(app.db, app.keys, caller, query, app.clock()))
  route(app, api.staffTransitionRightsRequest, ({ trx, caller, params, body }) => transition(trx, app.keys, caller, params.trackingNo, body, app.clock()))
  route(app, api.staffRecordRightsCall, ({ trx, caller, params }) => recordCall(trx, app.keys, caller, params.trackingNo, app.clock()))
  route(app, api.staffAddRightsNote, ({ trx, caller, params, body }) => addNote(trx, app.keys, caller, params.trackingNo, body, app.clock()))
}
