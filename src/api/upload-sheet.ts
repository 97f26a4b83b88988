import type { Endpoint, ResponseOf } from '@contract'
import { rosterImportFieldName, rosterImportMaxBytes, staffCheckRosterImport, type RosterImport } from '@contract/roster-imports'
import { ApiError } from './api-error'
import { sendFile } from './upload'

// Not in the api barrel: the import contract's schemas stay in the roster subpackage, out of every page's first load.

/** A county sheet's dry run takes up to a minute on the server (longer when it is busy): the server waits ten. */
const sheetTimeoutMs = 10 * 60 * 1000

/**
 * Sends a staff sheet (.xlsx; a temp path from chooseSheet) to an endpoint that takes one file. One past the
 * server's limit is refused here, before a phone sends megabytes for nothing; `tooLarge` says what to do instead.
 */
export function uploadSheet<E extends Endpoint>(
  endpoint: E,
  file: { path: string; name: string; size: number },
  limits: { field: string; maxBytes: number; tooLarge: string },
): Promise<ResponseOf<E>> {
  if (file.size > limits.maxBytes) {
    return Promise.reject(new ApiError('PAYLOAD_TOO_LARGE', `文件太大了（最大${limits.maxBytes / 1024 / 1024}MB），${limits.tooLarge}`, { status: 413 }))
  }
  return sendFile(endpoint, { path: file.path, name: file.name, field: limits.field, timeoutMs: sheetTimeoutMs })
}

/** A roster sheet to POST /api/staff/roster-imports: answers the dry run. */
export function uploadRosterSheet(file: { path: string; name: string; size: number }): Promise<RosterImport> {
  return uploadSheet(staffCheckRosterImport, file, { field: rosterImportFieldName, maxBytes: rosterImportMaxBytes, tooLarge: '请按乡镇分开后再导入' })
}
