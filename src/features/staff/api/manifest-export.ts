/** A batch's 乘车名单 as CSV for Excel, through the same download as the ledgers. */
import { exportStaffCsv } from './csv-export'

export function exportManifestCsv(batchId: number): Promise<string> {
  return exportStaffCsv(`/staff/transport-batches/${batchId}/manifest`, {}, `manifest-${batchId}.csv`)
}
