/** A ledger as CSV for Excel: the one staff CSV download (csv-export), for /staff/ledgers/:kind. */
import { exportStaffCsv } from './csv-export'

export function exportLedgerCsv(kind: string, query: Record<string, string>): Promise<string> {
  return exportStaffCsv(`/staff/ledgers/${encodeURIComponent(kind)}`, query, 'ledger.csv')
}
