import type { FastifyInstance } from 'fastify'
import { z } from 'zod/mini'
import { api, fieldErrors, idParam, manifestQuery, transportManifest } from '../../types'
import { validationFailed } from '../http/app-error'
import { authenticate, type StaffCaller } from '../http/caller'
import { API_PREFIX, route } from '../http/route'
import { cancel, createBatch, depart, listStaffBatches, manifest, manifestCsv } from '../transport/staff-transport.service'
import { cancelSignup, getBatch, listBatches, listMine, signUp } from '../transport/transport.service'

function parse<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const result = z.safeParse(schema, input ?? {})
  if (!result.success) throw validationFailed(fieldErrors(result.error))
  return result.data
}

export function transportRoutes(app: FastifyInstance): void {
  route(app, api.listTransportBatches, ({ query }) => listBatches(app.db, query, app.clock()))
  route(app, api.getTransportBatch, ({ params, caller }) => getBatch(app.db, params.id, caller?.kind === 'worker' ? caller.userId : null))
  route(app, api.signUpForTransport, ({ trx, params, caller }) => signUp(trx, caller.userId, params.id, app.clock()))
  route(app, api.cancelTransportSignup, ({ params, caller }) => cancelSignup(app.db, caller.userId, params.id, app.clock()))
  route(app, api.listMyTransportSignups, ({ caller }) => listMine(app.db, caller.userId))

  route(app, api.staffCreateTransportBatch, ({ trx, caller, body }) => createBatch(trx, caller, body, app.clock()))
  route(app, api.staffDepartTransportBatch, ({ caller, params }) => depart(app.db, caller, params.id, app.clock()))
  route(app, api.staffListTransportBatches, ({ caller, query }) => listStaffBatches(app.db, caller, query))
  route(app, api.staffCancelTransportBatch, ({ caller, params, body }) => cancel(app.db, caller, params.id, body.reason, app.clock()))

  // The manifest answers CSV as well as JSON, which route() (JSON only) cannot send: a plain route with the
  // same authentication (before anything is parsed) and the contract's schemas.
  const m = api.staffTransportManifest
  app.get(API_PREFIX + m.path, async (req, reply) => {
    const caller = (await authenticate(app, req, m.access)) as StaffCaller
    const params = parse(idParam, req.params)
    const query = parse(manifestQuery, req.query)
    const result = await manifest(app.db, app.keys, caller, params.id, { format: query.format, now: app.clock() })
    // Personal data: never kept by a browser or a proxy.
    reply.header('Cache-Control', 'no-store')
    if (query.format === 'csv') {
      const name = `乘车名单-${result.batch.destinationCity}-${result.batch.departAt.slice(0, 10)}-${result.batch.id}.csv`
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="manifest-${result.batch.id}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(manifestCsv(result.riders))
    }
    return reply.send(parse(transportManifest, result))
  })
}
