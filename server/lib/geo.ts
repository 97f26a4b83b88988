const EARTH_RADIUS_KM = 6371.0088

const rad = (deg: number) => (deg * Math.PI) / 180

/** Great-circle distance in km. GCJ-02 offsets are a few hundred metres: irrelevant at this scale. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = rad(lat2 - lat1)
  const dLng = rad(lng2 - lng1)
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}

export const roundKm = (km: number) => Math.round(km * 10) / 10

/** cos(latitude), computed in JS so SQL can order by an equirectangular distance without trig functions. */
export const lngScale = (lat: number) => Math.cos(rad(lat))
