import type { Kysely } from 'kysely'
import type { AccountLedgerKind } from '../../types'
import type { DB } from '../db/schema'

type LedgerFlag = 'working_away' | 'poverty_alleviated' | 'returned_home' | 'willing_to_go_out' | 'worked_away_last_year'

/** The profile answers that put a worker on each 台账 (去年外出今年未出: away last year, not away now). */
const ledgerFlags: Record<AccountLedgerKind, Partial<Record<LedgerFlag, 0 | 1>>> = {
  working_away: { working_away: 1 },
  poverty_working_away: { working_away: 1, poverty_alleviated: 1 },
  returned: { returned_home: 1 },
  willing: { willing_to_go_out: 1 },
  left_last_year: { worked_away_last_year: 1, working_away: 0 },
  all: {},
}

/**
 * The workers on one 台账, by their own profiles. `stationId` undefined: every worker (admins); else those who applied to
 * one of the station's postings or whose request for help was routed to it.
 */
export function listLedgerWorkers(db: Kysely<DB>, kind: AccountLedgerKind, filter: { township?: string; stationId?: number }) {
  let q = db.selectFrom('users').selectAll().where('deleted_at', 'is', null)
  for (const [column, value] of Object.entries(ledgerFlags[kind]) as [LedgerFlag, 0 | 1][]) q = q.where(column, '=', value)
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
