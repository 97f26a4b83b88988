import type { Station } from '@contract'

/** Opens Amap's web marker page (it takes GCJ-02 and offers to start navigation in the Amap app). */
export function openMap(s: Pick<Station, 'lat' | 'lng' | 'name' | 'address'>): void {
  window.location.href = mapLink(s)
}

export function mapLink(s: Pick<Station, 'lat' | 'lng' | 'name'>): string {
  const name = encodeURIComponent(s.name)
  return `https://uri.amap.com/marker?position=${s.lng},${s.lat}&name=${name}&coordinate=gaode&callnative=1`
}
