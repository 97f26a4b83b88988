/** Inserts the missing sample batches (idempotent by seed_key, like the rest of the seed). */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { addDays, chinaDate } from '../lib/dates'
import { transportBatches } from '../seed/data/transport'

export async function seedTransport(trx: Kysely<DB>, now: Date): Promise<number> {
  if (!transportBatches.length) return 0
  const stations = await trx.selectFrom('stations').select(['id', 'seed_key']).where('seed_key', 'is not', null).execute()
  const stationIds = new Map(stations.map((s) => [s.seed_key as string, s.id]))
  const today = chinaDate(now)
  const rows = transportBatches.map((b) => {
    const depart = new Date(`${addDays(today, b.inDays)}T${b.departTime}:00+08:00`)
    const stationId = b.stationKey ? stationIds.get(b.stationKey) : null
    if (stationId === undefined) throw new Error(`seed: unknown station key "${b.stationKey}"`)
    return {
      seed_key: b.key,
      depart_at: depart.toISOString(),
      meet_at: new Date(depart.getTime() - b.meetMinutesBefore * 60 * 1000).toISOString(),
      departure_township: b.departureTownship,
      meeting_point: b.meetingPoint,
      destination_province: b.destinationProvince,
      destination_city: b.destinationCity,
      station_id: stationId,
      employer: b.employer,
      vehicle_kind: b.vehicleKind,
      seats: b.seats,
      seats_taken: 0,
      status: 'open',
      what_to_bring: b.whatToBring,
      notes: b.notes,
      is_sample: 1 as const,
      created_at: now.toISOString(),
    }
  })
  const result = await trx.insertInto('transport_batches').values(rows).onConflict((oc) => oc.column('seed_key').doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}
