import type { Kysely } from 'kysely'
import type { AccountLedgerKind } from '../../types'
import type { DB } from '../db/schema'

/**
 * The workers on one 台账, by their own profiles. `stationId` undefined: every worker (admins); else those who applied to
 * one of the station's postings or whose request for help was routed to it.
 */
export function listLedgerWorkers(db: Kysely<DB>, kind: AccountLedgerKind, filter: { township?: string; stationId?: number }) {
  let q = db.selectFrom('users').selectAll().where('deleted_at', 'is', null)
  switch (kind) {
    case 'working_away':
      q = q.where('working_away', '=', 1)
      break
    case 'poverty_working_away':
      q = q.where('working_away', '=', 1).where('poverty_alleviated', '=', 1)
      break
    case 'returned':
      q = q.where('returned_home', '=', 1)
      break
    case 'willing':
      q = q.where('willing_to_go_out', '=', 1)
      break
    case 'left_last_year':
      q = q.where('worked_away_last_year', '=', 1).where('working_away', '=', 0)
      break
    case 'all':
      break
  }
  if (filter.township) q = q.where('hometown_township', '=', filter.township)
  const station = filter.stationId
  if (station !== undefined) {
    q = q.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('job_applications')
            .innerJoin('jobs', 'jobs.id', 'job_applications.job_id')
            .select('job_applications.id')
            .whereRef('job_applications.user_id', '=', 'users.id')
            .where('jobs.source_station_id', '=', station),
        ),
        eb.exists(eb.selectFrom('rights_requests').select('rights_requests.id').whereRef('rights_requests.user_id', '=', 'users.id').where('rights_requests.station_id', '=', station)),
      ]),
    )
  }
  return q.orderBy('hometown_township').orderBy('id').execute()
}
