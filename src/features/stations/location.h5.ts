import gcoord from 'gcoord'
import type { Position } from './location.types'

export type { Position } from './location.types'

/**
 * The browser's position converted to GCJ-02 (what the server stores), or null when refused or unavailable.
 * Browsers give WGS-84; Chinese maps and our data use GCJ-02, a few hundred metres apart.
 */
export function getPosition(): Promise<Position | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null)
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const [lng, lat] = gcoord.transform([pos.coords.longitude, pos.coords.latitude], gcoord.WGS84, gcoord.GCJ02)
        resolve({ lat: round(lat), lng: round(lng) })
      },
      () => resolve(null),
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 10 * 60 * 1000 },
    )
  })
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6
}
