import { byPinyin } from '@contract/destinations'
import { stationTypeLabel, type Station, type StationType } from '@contract/stations'

/** Short names for the filter chips; cards use the full `stationTypeLabel`. */
export const stationTypeShort: Record<StationType, string> = {
  party_branch: '党支部',
  labour_station: '工作站',
  recruitment_point: '直招点',
  service_centre: '服务中心',
}

export { stationTypeLabel }

/**
 * Stations grouped by province, provinces A–Z by pinyin (北京, 甘肃, 广东, 江苏 …) for a person to scan; within a
 * province, in the order the server returned them.
 */
export function groupByProvince(stations: Station[]): { province: string; stations: Station[] }[] {
  const groups: { province: string; stations: Station[] }[] = []
  for (const s of stations) {
    const last = groups[groups.length - 1]
    const existing = last?.province === s.province ? last : groups.find((g) => g.province === s.province)
    if (existing) existing.stations.push(s)
    else groups.push({ province: s.province, stations: [s] })
  }
  return groups.sort((a, b) => byPinyin(a.province, b.province))
}

export function formatPlace(s: Pick<Station, 'province' | 'city' | 'district'>): string {
  const parts = [s.province, s.city, s.district].filter(Boolean)
  return parts.filter((p, i) => parts.indexOf(p) === i).join(' ')
}
