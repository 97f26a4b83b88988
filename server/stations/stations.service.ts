import type { Kysely } from 'kysely'
import { type Station, type StationCity, type StationType, stationTypes } from '../../types'
import type { DB, StationRow } from '../db/schema'
import { notFound } from '../http/app-error'
import { haversineKm } from '../lib/geo'
import { byKeys } from './order'
import { findStationById, findStations } from './stations.repository'

/** Place order without a position: province, city, type, name, then id, by code point on both databases. */
const byPlace = byKeys<StationRow>(
  (r) => r.province,
  (r) => r.city,
  (r) => r.type,
  (r) => r.name,
  (r) => r.id,
)

/** To the metre, so the app can say "800 米" rather than a rounded 0.8 km. */
const roundToMetre = (km: number) => Math.round(km * 1000) / 1000

function parseServices(text: string): Station['services'] {
  try {
    return JSON.parse(text)
  } catch {
    return []
  }
}

function toStation(row: StationRow): Station {
  const services = parseServices(row.services)
  return {
    id: row.id,
    type: row.type as StationType,
    name: row.name,
    province: row.province,
    city: row.city,
    district: row.district,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    phone: row.phone,
    contactPerson: row.contact_person,
    openingHours: row.opening_hours,
    services,
    memberCount: row.member_count,
    isSample: row.is_sample === 1,
  }
}

export async function listStations(
  db: Kysely<DB>,
  query: { type?: StationType; lat?: number; lng?: number; limit: number },
): Promise<{ items: Station[]; nextCursor: null }> {
  const rows = await findStations(db, query.type)
  const { lat, lng } = query
  if (lat === undefined || lng === undefined) {
    return { items: [...rows].sort(byPlace).slice(0, query.limit).map(toStation), nextCursor: null }
  }
  // The whole network is a few dozen rows: exact great-circle distances in JS beat approximating in SQL.
  const items = rows
    .map((row) => ({ row, km: haversineKm(lat, lng, row.lat, row.lng) }))
    .sort((a, b) => a.km - b.km || a.row.id - b.row.id)
    .slice(0, query.limit)
    .map(({ row, km }) => ({ ...toStation(row), distanceKm: roundToMetre(km) }))
  return { items, nextCursor: null }
}

export async function getStation(db: Kysely<DB>, id: number): Promise<Station> {
  const row = await findStationById(db, id)
  if (!row) throw notFound('没有找到这个站点，可能已被删除')
  return toStation(row)
}

/** The city's Party branch first, then its labour station, recruitment point, centre: the place a worker would head for. */
const typeRank = (type: string) => {
  const i = (stationTypes as readonly string[]).indexOf(type)
  return i < 0 ? stationTypes.length : i
}

/** Every city with an organisation, in place order, each with one representative GCJ-02 point. */
export async function listStationCities(db: Kysely<DB>): Promise<{ items: StationCity[] }> {
  const rows = await findStations(db, undefined)
  const cities = new Map<string, { rep: StationRow; count: number }>()
  for (const row of rows) {
    const key = `${row.province}|${row.city}`
    const seen = cities.get(key)
    if (!seen) cities.set(key, { rep: row, count: 1 })
    else {
      seen.count++
      if (typeRank(row.type) < typeRank(seen.rep.type)) seen.rep = row
    }
  }
  const items = [...cities.values()]
    .map(({ rep, count }) => ({ province: rep.province, city: rep.city, lat: rep.lat, lng: rep.lng, stationCount: count }))
    .sort(byKeys<StationCity>((c) => c.province, (c) => c.city))
  return { items }
}
