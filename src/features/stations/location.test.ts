import { getPosition } from './location.h5'

/**
 * The standard WGS-84 → GCJ-02 offset (the widely published "eviltransform" formula, Krasovsky 1940
 * ellipsoid), written out here independently of gcoord so the two can check each other.
 */
function gcjFromWgs(lat: number, lng: number): [number, number] {
  const a = 6378245.0
  const ee = 0.006693421622965943
  const x = lng - 105.0
  const y = lat - 35.0
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  dLng += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  dLng += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  dLng += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  const radLat = (lat / 180.0) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - ee * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI)
  dLng = (dLng * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return [lat + dLat, lng + dLng]
}

function metresBetween(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const r = (d: number) => (d * Math.PI) / 180
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lng2 - lng1) / 2) ** 2
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a))
}

/** Makes navigator.geolocation answer with one WGS-84 position, as a phone browser would. */
function browserAt(latitude: number, longitude: number) {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude, longitude } } as GeolocationPosition) },
  })
}

describe('H5 position: browser WGS-84 converted to GCJ-02', () => {
  test.each([
    ['无锡', 31.5689, 120.2991],
    ['乌鲁木齐', 43.8256, 87.6168],
    ['武山', 34.7214, 104.8907],
  ])('%s converts within a metre of the standard formula, hundreds of metres from the raw point', async (_place, lat, lng) => {
    browserAt(lat, lng)
    const pos = await getPosition()
    expect(pos).not.toBeNull()
    const [gLat, gLng] = gcjFromWgs(lat, lng)
    expect(metresBetween(pos!.lat, pos!.lng, gLat, gLng)).toBeLessThan(1)
    // The shift itself is large, so handing on the raw browser position would fail the line above.
    const shift = metresBetween(lat, lng, gLat, gLng)
    expect(shift).toBeGreaterThan(100)
    expect(shift).toBeLessThan(1000)
  })

  test('refused or unavailable gives null, not an error', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (_ok: PositionCallback, fail: PositionErrorCallback) => fail({ code: 1 } as GeolocationPositionError) },
    })
    await expect(getPosition()).resolves.toBeNull()
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined })
    await expect(getPosition()).resolves.toBeNull()
  })
})
