import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { FileAnswer } from '../http/file-answer'
import { route } from '../http/route'
import {
  cancelTransportBatch,
  createTransportBatch,
  departTransportBatch,
  getTransportManifest,
  listStaffTransportBatches,
  manifestCsv,
  updateTransportBatch,
  announceTransportBatch,
} from '../transport/staff-transport.service'
import { cancelTransportSignup, getTransportBatch, listMyTransportSignups, listTransportBatches, signUpForTransport } from '../transport/transport.service'

export function transportRoutes(app: FastifyInstance): void {
  route(app, api.listTransportBatches, ({ query }) => listTransportBatches(app.db, query, app.clock()))
  route(app, api.getTransportBatch, ({ params, caller }) => getTransportBatch(app.db, params.id, caller?.kind === 'worker' ? caller.userId : null))
  route(app, api.signUpForTransport, ({ trx, params, caller }) => signUpForTransport(trx, caller.userId, params.id, app.clock()))
  route(app, api.cancelTransportSignup, ({ params, caller }) => cancelTransportSignup(app.db, caller.userId, params.id, app.clock()))
  route(app, api.listMyTransportSignups, ({ caller }) => listMyTransportSignups(app.db, caller.userId))

  route(app, api.staffCreateTransportBatch, ({ trx, caller, body }) => createTransportBatch(trx, caller, body, app.clock()))
  route(app, api.staffDepartTransportBatch, ({ caller, params }) => departTransportBatch(app.db, caller, params.id, app.clock()))
  route(app, api.staffListTransportBatches, ({ caller, query }) => listStaffTransportBatches(app.db, caller, query))
  route(app, api.staffUpdateTransportBatch, ({ trx, caller, params, body }) => updateTransportBatch(trx, caller, params.id, body, app.clock()))
  route(app, api.staffAnnounceTransportBatch, ({ trx, caller, params, body }) => announceTransportBatch(trx, caller, params.id, body.text, app.clock()))
  route(app, api.staffCancelTransportBatch, ({ caller, params, body }) => cancelTransportBatch(app.db, caller, params.id, body.reason, app.clock()))

  route(app, api.staffTransportManifest, async ({ caller, params, query, reply }) => {
    const result = await getTransportManifest(app.db, app.keys, caller, params.id, { format: query.format, now: app.clock() })
    if (query.format === 'csv') {
      const { batch } = result
      return new FileAnswer('csv', `乘车名单-${batch.destinationCity}-${batch.departAt.slice(0, 10)}-${batch.id}`, `manifest-${batch.id}`, manifestCsv(result.riders))
    }
    // Personal data: never kept by a browser or a proxy.
    reply.header('Cache-Control', 'no-store')
    return result
  })
}
