import type { FastifyInstance } from 'fastify'
import { api, isRosterLedgerKind, ledgerKindLabel } from '../../types'
import { FileAnswer } from '../http/file-answer'
import { route } from '../http/route'
import { chinaDate } from '../lib/dates'
import { ledger, ledgerCsv } from '../staff/ledgers.service'
import { rosterLedger, rosterLedgerCsv } from '../roster/roster-ledgers.service'

export function staffLedgerRoutes(app: FastifyInstance): void {
  route(app, api.staffLedger, async ({ caller, params, query, reply }) => {
    const now = app.clock()
    const kind = params.kind
    if (isRosterLedgerKind(kind)) {
      const result = await rosterLedger(app.db, app.keys, caller, kind, { ...query, villageId: query.villageId === undefined ? undefined : Number(query.villageId) }, now)
      if (query.format === 'csv') {
        return new FileAnswer('csv', `${ledgerKindLabel[kind]}-${query.asOf ?? chinaDate(now)}`, `ledger-${kind}-${query.asOf ?? chinaDate(now)}`, rosterLedgerCsv(result.items))
      }
      reply.header('cache-control', 'no-store')
      return result
    }
    const result = await ledger(app.db, app.keys, caller, kind, query, now)
    if (query.format === 'csv') {
      return new FileAnswer('csv', `${ledgerKindLabel[params.kind]}-${chinaDate(now)}`, `ledger-${params.kind}-${chinaDate(now)}`, ledgerCsv(result.items))
    }
    // Personal data: never kept by a browser or a proxy.
    reply.header('cache-control', 'no-store')
    return result
  })
}
