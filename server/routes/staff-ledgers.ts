import type { FastifyInstance } from 'fastify'
import { api, isRosterLedgerKind, ledgerKindLabel } from '../../types'
import { FileAnswer } from '../http/file-answer'
import { route } from '../http/route'
import { chinaDate } from '../lib/dates'
import { xlsxStream } from '../lib/xlsx'
import { ledger, ledgerCells, ledgerCsv, ledgerCsvHeader } from '../staff/ledgers.service'
import { rosterLedger, rosterLedgerCells, rosterLedgerCsv, rosterLedgerCsvHeader } from '../roster/roster-ledgers.service'

/** Columns Excel must keep as text: an ID number as a number loses its last digits. */
const textColumns = ['身份证号', '手机号']

export function staffLedgerRoutes(app: FastifyInstance): void {
  route(app, api.staffLedger, async ({ caller, params, query, reply }) => {
    const now = app.clock()
    const kind = params.kind
    if (isRosterLedgerKind(kind)) {
      const result = await rosterLedger(app.db, app.keys, caller, kind, { ...query, villageId: query.villageId === undefined ? undefined : Number(query.villageId) }, now)
      if (query.format === 'csv') {
        return new FileAnswer('csv', `${ledgerKindLabel[kind]}-${query.asOf ?? chinaDate(now)}`, `ledger-${kind}-${query.asOf ?? chinaDate(now)}`, rosterLedgerCsv(result.items))
      }
      if (query.format === 'xlsx') {
        const pages = result.pages
        const rows = (async function* () {
          if (pages) for await (const page of pages) yield* page.map(rosterLedgerCells)
        })()
        const sheet = { name: ledgerKindLabel[kind], header: rosterLedgerCsvHeader, textColumns, rows }
        return new FileAnswer('xlsx', `${ledgerKindLabel[kind]}-${query.asOf ?? chinaDate(now)}`, `ledger-${kind}-${query.asOf ?? chinaDate(now)}`, xlsxStream([sheet]))
      }
      reply.header('cache-control', 'no-store')
      return result
    }
    const result = await ledger(app.db, app.keys, caller, kind, query, now)
    if (query.format === 'csv') {
      return new FileAnswer('csv', `${ledgerKindLabel[params.kind]}-${chinaDate(now)}`, `ledger-${params.kind}-${chinaDate(now)}`, ledgerCsv(result.items))
    }
    if (query.format === 'xlsx') {
      const sheet = { name: ledgerKindLabel[params.kind], header: ledgerCsvHeader, textColumns, rows: result.items.map(ledgerCells) }
      return new FileAnswer('xlsx', `${ledgerKindLabel[params.kind]}-${chinaDate(now)}`, `ledger-${params.kind}-${chinaDate(now)}`, xlsxStream([sheet]))
    }
    // Personal data: never kept by a browser or a proxy.
    reply.header('cache-control', 'no-store')
    return result
  })
}
