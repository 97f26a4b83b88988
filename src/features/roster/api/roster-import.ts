/** The roster import's calls: the dry run (the sheet's upload), the commit, and reading an import again. */
import { ApiError, isApiError, request } from '@/api'
import { uploadRosterSheet } from '@/api/upload-sheet'
import { staffCommitRosterImport, staffGetRosterImport, type RosterImport } from '@contract/roster-imports'
import type { ChosenFile } from '@/lib/choose-sheet'

export function checkSheet(file: ChosenFile): Promise<RosterImport> {
  return uploadRosterSheet(file)
}

/** How often, and how long, a commit the client stopped waiting for is looked at again. */
export const commitPollMs = 3000
const commitPollTimes = 200

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Writes the checked import's good rows. A county's sheet takes longer to write than a request waits (a minute or
 * more): the server carries on, so a timeout, a lost connection or "正在写入" (409) is followed by reading the import
 * until it says committed. Committing twice writes nothing, but a second commit of one still running is refused.
 */
export async function commitSheet(id: number, pollMs = commitPollMs): Promise<RosterImport> {
  try {
    return await request(staffCommitRosterImport, { params: { id } }, { retryDelaysMs: [] })
  } catch (e) {
    const stillWriting = isApiError(e) && (e.code === 'TIMEOUT' || e.code === 'NETWORK' || e.status === 409 || (e.status !== undefined && e.status >= 502))
    if (!stillWriting) throw e
  }
  for (let i = 0; i < commitPollTimes; i++) {
    await sleep(pollMs)
    try {
      const now = await request(staffGetRosterImport, { params: { id } })
      if (now.state === 'committed') return now
    } catch (e) {
      if (!isApiError(e) || !e.transient) throw e
    }
  }
  throw new ApiError('TIMEOUT', '导入还没有完成，请过一会儿打开劳动力台账看看')
}
