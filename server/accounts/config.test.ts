/** What production refuses to start without. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../app'
import { loadConfig } from '../config'
import { createTestDatabase } from '../test-support/test-app'
import { loadDataKey, parseDataKey } from './crypto'

const production = {
  NODE_ENV: 'production',
  APP_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: 'https://sms.example.invalid/send',
  STAFF_PASSWORD_ADMIN: 'a-real-admin-password',
  STAFF_PASSWORD_WUXI: 'a-real-wuxi-password',
  STAFF_PASSWORD_KUNSHAN: 'a-real-kunshan-password',
}

test('a complete production config loads', () => {
  expect(loadConfig(production)).toMatchObject({ nodeEnv: 'production', sms: { provider: 'http' } })
})

test.each([
  ['the console SMS provider', { SMS_PROVIDER: 'console' }, /SMS_PROVIDER/],
  ['no SMS provider named', { SMS_PROVIDER: undefined }, /SMS_PROVIDER/],
  ['a one-character admin password', { STAFF_PASSWORD_ADMIN: 'x' }, /STAFF_PASSWORD_ADMIN is too weak \(shorter than 12/],
  ['an 11-character station password', { STAFF_PASSWORD_WUXI: '12345678901' }, /STAFF_PASSWORD_WUXI is too weak/],
  ['a published default password', { STAFF_PASSWORD_KUNSHAN: 'wgt-station-2026' }, /STAFF_PASSWORD_KUNSHAN is too weak \(a published default\)/],
  ['the old shared station password', { STAFF_STATION_PASSWORD: 'a-real-station-password' }, /STAFF_STATION_PASSWORD is no longer read/],
  ['no APP_DATA_KEY', { APP_DATA_KEY: undefined }, /APP_DATA_KEY/],
])('production refuses to start with %s', (_what, change, message) => {
  expect(() => loadConfig({ ...production, ...change })).toThrow(message)
})

test('buildApp refuses a production config that bypassed loadConfig', async () => {
  const db = await createTestDatabase()
  try {
    const config = { ...loadConfig(production), sms: { ...loadConfig(production).sms, provider: 'console' as const } }
    await expect(buildApp({ config, database: db.database, logger: false })).rejects.toThrow(/SMS_PROVIDER/)
    const noKey = { ...loadConfig(production), dataKey: null }
    await expect(buildApp({ config: noKey, database: db.database, logger: false })).rejects.toThrow(/APP_DATA_KEY/)
  } finally {
    await db.close()
  }
})

test.each(['prod', 'Production', 'staging', 'dev'])('NODE_ENV=%s is refused: only development, test and production start', (value) => {
  expect(() => loadConfig({ NODE_ENV: value })).toThrow(`NODE_ENV must be development, test or production (unset means development), got "${value}"`)
})

test('unset NODE_ENV is development, which listens only on this machine unless HOST says otherwise', () => {
  expect(loadConfig({})).toMatchObject({ nodeEnv: 'development', host: '127.0.0.1' })
  expect(loadConfig({ NODE_ENV: '' })).toMatchObject({ nodeEnv: 'development', host: '127.0.0.1' })
  expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ host: '127.0.0.1' })
  expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0' })
  expect(loadConfig(production)).toMatchObject({ host: '0.0.0.0' })
})

test('http SMS needs a URL; bad keys are refused', () => {
  expect(() => loadConfig({ SMS_PROVIDER: 'http' })).toThrow(/SMS_HTTP_URL/)
  expect(() => loadConfig({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(/SMS_PROVIDER/)
  expect(() => parseDataKey('too-short')).toThrow(/32 bytes/)
  expect(parseDataKey('ab'.repeat(32))).toHaveLength(32)
})

test('outside production a data key is generated once into DATA_DIR/data-key (0600) and reused', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-key-'))
  try {
    const config = { dataKey: null, dataDir: dir, nodeEnv: 'development' as const }
    const first = loadDataKey(config)
    const second = loadDataKey(config)
    expect(first.equals(second)).toBe(true)
    expect(fs.statSync(path.join(dir, 'data-key')).mode & 0o777).toBe(0o600)
    expect(() => loadDataKey({ ...config, nodeEnv: 'production' })).toThrow(/APP_DATA_KEY/)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test('the dev SMS outbox is not registered in production', async () => {
  const db = await createTestDatabase()
  try {
    const { migrateToLatest } = await import('../db/migrate')
    await migrateToLatest(db.database.db)
    const app = await buildApp({ config: { ...loadConfig(production), dataDir: db.config.dataDir, databaseUrl: db.config.databaseUrl }, database: db.database, logger: false })
    try {
      const res = await app.inject({ url: '/api/dev/sms-outbox?phone=13900000002' })
      expect(res.statusCode).toBe(404)
    } finally {
      await app.close()
    }
  } finally {
    await db.close()
  }
})
