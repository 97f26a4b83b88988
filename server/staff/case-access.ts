import type { Kysely } from 'kysely'
import type { RightsRequest } from '../../types'
import type { DB } from '../db/schema'
import type { Caller } from '../http/caller'
import { writeAccess } from './access-log.repository'

/**
 * A case answered to its first-responsible officer carries the worker's phone unmasked: that read goes to
 * the access log like an applicant's phone. Called by the rights routes with what they are about to send.
 */
export async function logCasePhoneRead(db: Kysely<DB>, caller: Caller | null, result: RightsRequest, now: Date): Promise<RightsRequest> {
  if (caller?.kind !== 'staff' || !result.contactPhone || result.contactPhone.includes('*')) return result
  const row = await db.selectFrom('rights_requests').select('user_id').where('tracking_no', '=', result.trackingNo).executeTakeFirst()
  await writeAccess(db, [{ staffId: caller.staffId, action: 'case_phone', userId: row?.user_id ?? null, detail: `求助 ${result.trackingNo}`, at: now }])
  return result
}
