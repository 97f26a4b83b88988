import { rosterImportFieldName, rosterImportMaxBytes, staffCheckRosterImport, type RosterImport } from '@contract/roster-imports'
import { ApiError } from './api-error'
import { sendFile } from './upload'

// Not in the api barrel: the import contract's schemas stay in the roster subpackage, out of every page's first load.

/** A county sheet's dry run takes up to a minute on the server (longer when it is busy): the server waits ten. */
const sheetTimeoutMs = 10 * 60 * 1000

/**
 * Sends a roster sheet (.xlsx; a temp path from chooseSheet) to POST /api/staff/roster-imports and answers the dry
 * run. One past the server's limit is refused here, before a phone sends megabytes for nothing.
 */
export function uploadRosterSheet(file: { path: string; name: string; size: number }): Promise<RosterImport> {
  if (file.size > rosterImportMaxBytes) {
    return Promise.reject(new ApiError('PAYLOAD_TOO_LARGE', `文件太大了（最大${rosterImportMaxBytes / 1024 / 1024}MB），请按乡镇分开后再导入`, { status: 413 }))
  }
  return sendFile(staffCheckRosterImport, { path: file.path, name: file.name, field: rosterImportFieldName, timeoutMs: sheetTimeoutMs })
}
