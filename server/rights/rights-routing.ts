/**
 * Which station handles a case. The rule: a station in the province of the work city, preferring one in
 * the same city, then a labour station (staffed for this work) over a Party branch over an enterprise
 * recruitment point, then the oldest; when the province has none, or the city is not recognised, the
 * county service centre (县劳务输转服务中心) takes it.
 */
import type { Kysely } from 'kysely'
import { prefectureOf, provinceOfCity } from '../../types'
import type { DB } from '../db/schema'
import { serviceCentre, stationsForRouting } from './rights.repository'

const typeOrder = ['labour_station', 'party_branch', 'recruitment_point']

/** "江苏常州", "常州市" and "常州" are one city. */
function cityCore(text: string, province: string): string {
  const short = province.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '')
  let core = text.trim()
  if (core.startsWith(province)) core = core.slice(province.length)
  else if (core.startsWith(short) && core.length > short.length + 1) core = core.slice(short.length)
  return core.replace(/市$/, '') || short
}

export async function routeCase(db: Kysely<DB>, workCity: string): Promise<{ province: string | null; stationId: number | null }> {
  const province = provinceOfCity(workCity)
  if (province) {
    // A county-level city (昆山) is served by its prefecture's stations (苏州).
    const city = cityCore(prefectureOf(workCity), province)
    const sameCity = (c: string) => cityCore(c, province) === city
    const candidates = (await stationsForRouting(db, province)).sort(
      (a, b) =>
        Number(sameCity(b.city)) - Number(sameCity(a.city)) || typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || a.id - b.id,
    )
    if (candidates[0]) return { province, stationId: candidates[0].id }
  }
  return { province, stationId: (await serviceCentre(db))?.id ?? null }
}
