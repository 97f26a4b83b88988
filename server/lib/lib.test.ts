import { loadConfig } from '../config'
import { maskPersonalNumbers } from '../http/logging'
import { cacheControlFor } from '../http/static-web'
import { decodeCursor, encodeCursor } from './cursor'
import { addDays, chinaDate } from './dates'
import { haversineKm } from './geo'

test('config defaults and overrides', () => {
  const c = loadConfig({})
  expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, nodeEnv: 'development', bodyLimit: 65536 })
  expect(c.dataDir.endsWith('/data')).toBe(true)
  expect(c.webRoot.endsWith('/dist/h5')).toBe(true)
  const production = {
    APP_DATA_KEY: 'a'.repeat(64),
    SMS_PROVIDER: 'http',
    SMS_HTTP_URL: 'https://sms.example.invalid/send',
    STAFF_PASSWORD_ADMIN: 'a-real-admin-password',
  }
  expect(loadConfig({ ...production, PORT: '8080', DATABASE_URL: 'postgres://x@h/db', NODE_ENV: 'production' })).toMatchObject({
    port: 8080,
    databaseUrl: 'postgres://x@h/db',
    nodeEnv: 'production',
  })
  expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/)
  expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres/)
})

test('masking phone and ID numbers', () => {
  expect(maskPersonalNumbers('/api/jobs?q=13900000002&x=1')).toBe('/api/jobs?q=139****0002&x=1')
  expect(maskPersonalNumbers('id=62052419900101123X')).toBe('id=620524********123X')
  expect(maskPersonalNumbers('id=1234 limit=20 page=12345678901234567890')).toBe('id=1234 limit=20 page=12345678901234567890')
})

test('cursors round-trip and reject junk', () => {
  expect(decodeCursor(encodeCursor({ p: '2026-01-01T00:00:00.000Z', id: 3 }), { p: 'string', id: 'number' })).toEqual({
    p: '2026-01-01T00:00:00.000Z',
    id: 3,
  })
  expect(decodeCursor(undefined, { id: 'number' })).toBeUndefined()
  for (const bad of ['%%%', 'e30', encodeCursor({ id: 'x' }), Buffer.from('[1]').toString('base64url')]) {
    expect(() => decodeCursor(bad, { id: 'number' })).toThrow()
  }
})

test('China dates and distances', () => {
  expect(chinaDate(new Date('2026-03-09T16:30:00Z'))).toBe('2026-03-10')
  expect(addDays('2026-02-27', 2)).toBe('2026-03-01')
  // 兰州 → 乌鲁木齐 is about 1,630 km as the crow flies.
  expect(haversineKm(36.06, 103.83, 43.83, 87.62)).toBeGreaterThan(1550)
  expect(haversineKm(36.06, 103.83, 43.83, 87.62)).toBeLessThan(1700)
})

test('cache headers by path', () => {
  expect(cacheControlFor('js/app.3f2a9c1b.js')).toBe('public, max-age=31536000, immutable')
  expect(cacheControlFor('css/app.3f2a9c1b.css')).toBe('public, max-age=31536000, immutable')
  expect(cacheControlFor('index.html')).toBe('no-cache')
  expect(cacheControlFor('js/app.js')).toBe('no-cache')
})
