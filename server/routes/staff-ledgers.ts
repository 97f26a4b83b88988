/**
 * GET /api/staff/ledgers/:kind answers JSON or, with ?format=csv, a file download: route() only sends JSON,
 * so this one endpoint is registered by hand with the same order of checks (caller first, then input,
 * then the response schema for JSON).
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod/mini'
import { api, fieldErrors, ledgerKindLabel, ledgerParams, ledgerQuery } from '../../types'
import { validationFailed } from '../http/app-error'
import { authenticate, type StaffCaller } from '../http/caller'
import { API_PREFIX } from '../http/route'
import { chinaDate } from '../lib/dates'
import { ledger, ledgerCsv } from '../staff/ledgers.service'

function parse<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const result = z.safeParse(schema, input ?? {})
  if (!result.success) throw validationFailed(fieldErrors(result.error))
  return result.data
}

export function staffLedgerRoutes(app: FastifyInstance): void {
  const e = api.staffLedger
  app.route({
    method: e.method,
    url: API_PREFIX + e.path,
    handler: async (req, reply) => {
      const caller = (await authenticate(app, req, e.access)) as StaffCaller
      const { kind } = parse(ledgerParams, req.params)
      const query = parse(ledgerQuery, req.query)
      const now = app.clock()
      const result = await ledger(app.db, app.keys, caller, kind, query, now)
      reply.header('cache-control', 'no-store')
      if (query.format === 'csv') {
        const name = `${ledgerKindLabel[kind]}-${chinaDate(now)}.csv`
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="ledger-${kind}-${chinaDate(now)}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(ledgerCsv(result.items))
      }
      return reply.send(z.parse(e.response, result))
    },
  })
}
