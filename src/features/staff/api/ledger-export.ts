/** A ledger as CSV for Excel: the one staff CSV download (csv-export), for /staff/ledgers/:kind. */
import { exportStaffCsv } from './csv-export'

export function exportLedgerCsv(kind: string, query: Record<string, string>): Promise<string> {
  return exportStaffCsv(`/staff/ledgers/${encodeURIComponent(kind)}`, query, 'ledger.csv')
}

/** The roster import's template (.xlsx): the county's headers and a sheet of allowed values, through the same download. */
export function downloadRosterTemplate(): Promise<string> {
  return exportStaffCsv('/staff/roster-imports/template', { format: 'xlsx' }, '劳动力台账导入模板.xlsx')
}
