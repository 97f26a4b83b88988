import { useApi } from '@/api'
import type { StationType } from '@contract'
import type { Position } from '../location'
import { listStations } from '@contract/stations'

/** All organisations (up to 200), optionally of one type; nearest first when a position is given. */
export function useStations(type?: StationType, position?: Position | null) {
  const query: { type?: StationType; lat?: number; lng?: number; limit: number } = { limit: 200 }
  if (type) query.type = type
  if (position) {
    query.lat = position.lat
    query.lng = position.lng
  }
  // All organisations open offline too (the last list seen, distances as they were then).
  return useApi(listStations, { query }, { cache: type ? undefined : 'stations' })
}
