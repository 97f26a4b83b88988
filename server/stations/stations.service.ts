import type { Kysely } from 'kysely'
import type { Station, StationType } from '../../types'
import type { DB, StationRow } from '../db/schema'
import { notFound } from '../http/app-error'
import { haversineKm, roundKm } from '../lib/geo'
import { findStationById, findStations } from './stations.repository'

export function toStation(row: StationRow): Station {
  let services: Station['services'] = []
  try {
    services = JSON.parse(row.services)
  } catch {
    services = []
  }
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
  if (lat === undefined || lng === undefined) return { items: rows.slice(0, query.limit).map(toStation), nextCursor: null }
  // The whole network is a few dozen rows: exact great-circle distances in JS beat approximating in SQL.
  const items = rows
    .map((row) => ({ row, km: haversineKm(lat, lng, row.lat, row.lng) }))
    .sort((a, b) => a.km - b.km || a.row.id - b.row.id)
    .slice(0, query.limit)
    .map(({ row, km }) => ({ ...toStation(row), distanceKm: roundKm(km) }))
  return { items, nextCursor: null }
}

export async function getStation(db: Kysely<DB>, id: number): Promise<Station> {
  const row = await findStationById(db, id)
  if (!row) throw notFound('没有找到这个站点，可能已被删除')
  return toStation(row)
}
