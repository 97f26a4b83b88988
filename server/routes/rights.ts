import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import {
  addMessage,
  addNote,
  askCallback,
  closeByWorker,
  createRequest,
  getRequest,
  listMine,
  recordCall,
  fillPhoneLastFourHashes,
  staffList,
  transition,
} from '../rights/rights.service'
import { logCasePhoneRead } from '../staff/case-access'

export function rightsRoutes(app: FastifyInstance): void {
  // Cases from before the phone's last-four hash existed get it once the data key is at hand.
  app.addHook('onReady', async () => {
    await fillPhoneLastFourHashes(app.db, app.keys)
  })
  route(app, api.createRightsRequest, ({ trx, caller, body }) => createRequest(trx, app.keys, caller, body, app.clock()))
  route(app, api.askRightsCallback, ({ trx, caller, body }) => askCallback(trx, app.keys, caller, body, app.clock()))
  route(app, api.getRightsRequest, async ({ caller, params }) =>
    logCasePhoneRead(app.db, caller, await getRequest(app.db, app.keys, caller, params.trackingNo, app.clock()), app.clock()),
  )
  route(app, api.listMyRightsRequests, ({ caller, query }) => listMine(app.db, caller, query, app.clock()))
  route(app, api.addRightsMessage, ({ trx, caller, params, body }) => addMessage(trx, app.keys, caller, params.trackingNo, body, app.clock()))
  route(app, api.closeRightsRequest, ({ trx, caller, params, body }) => closeByWorker(trx, app.keys, caller, params.trackingNo, body, app.clock()))
  route(app, api.staffListRightsRequests, ({ caller, query }) => staffList(app.db, app.keys, caller, query, app.clock()))
  route(app, api.staffTransitionRightsRequest, async ({ trx, caller, params, body }) =>
    logCasePhoneRead(trx, caller, await transition(trx, app.keys, caller, params.trackingNo, body, app.clock()), app.clock()),
  )
  route(app, api.staffRecordRightsCall, async ({ trx, caller, params }) =>
    logCasePhoneRead(trx, caller, await recordCall(trx, app.keys, caller, params.trackingNo, app.clock()), app.clock()),
  )
  route(app, api.staffAddRightsNote, async ({ trx, caller, params, body }) =>
    logCasePhoneRead(trx, caller, await addNote(trx, app.keys, caller, params.trackingNo, body, app.clock()), app.clock()),
  )
}
