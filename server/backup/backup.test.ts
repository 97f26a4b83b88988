/** npm run backup while the app writes, npm run restore into a fresh DATA_DIR, and a new app reads the worker's case and photo. */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { buildApp } from '../app'
import { loadConfig } from '../config'
import { createDatabase } from '../db/database'
import { migrateToLatest } from '../db/migrate'
import { bearer, signIn } from '../test-support/accounts'
import { multipart } from '../test-support/images'
import { buildTestApp, TEST_DATA_KEY, type TestApp, usesPostgres } from '../test-support/test-app'

jest.setTimeout(120_000)
const run = promisify(execFile)
const root = path.resolve(__dirname, '../..')
const cli = (args: string[], env: Record<string, string>) => run(path.join(root, 'node_modules/.bin/tsx'), ['server/backup/cli.ts', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'test', ...env } })

const sqliteOnly = usesPostgres() ? describe.skip : describe
sqliteOnly('backup and restore (SQLite; PostgreSQL uses pg_dump)', () => {
  let t: TestApp
  let scratch: string
  beforeAll(async () => {
    t = await buildTestApp()
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-backup-'))
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(scratch, { recursive: true, force: true })
  })

  test('a case with a photo survives backup and restore, taken while the server writes', async () => {
    const worker = await signIn(t.app, '13700440001')
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#228844' } }).jpeg().toBuffer()
    const { payload, headers } = multipart(photo)
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(worker.token), ...headers }, payload })
    expect(uploaded.statusCode).toBe(201)
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/rights-requests',
      headers: { ...bearer(worker.token), 'idempotency-key': 'backup-case-1' },
      payload: {
        category: 'unpaid_wages', description: '包工头欠我们八个人的工资，过年前一直没结。', employerName: '兰州某建筑公司', workCity: '兰州市',
        workAddress: '兰州市城关区', workedFrom: '2025-08', workedTo: '2026-01', amountOwedYuan: 26000, workersAffected: 8, attachmentIds: [uploaded.json().id],
      },
    })
    expect(submitted.statusCode).toBe(201)
    const trackingNo = submitted.json().trackingNo as string
    const served = (await t.app.inject({ url: `/api/uploads/${uploaded.json().id}`, headers: bearer(worker.token) })).rawPayload

    // Writes keep going while the backup runs.
    let writing = true
    let writes = 0
    const writer = (async () => {
      while (writing) {
        const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(worker.token), 'idempotency-key': `backup-w-${writes}` }, payload: { name: ['张三', '李四', '王五'][writes % 3] } })
        expect(res.statusCode).toBe(200)
        writes++
      }
    })()
    const backupRoot = path.join(scratch, 'backups')
    const done = await cli(['backup'], { DATA_DIR: t.config.dataDir, BACKUP_DIR: backupRoot, APP_DATA_KEY: TEST_DATA_KEY })
    writing = false
    await writer
    expect(writes).toBeGreaterThan(0)
    const [folder] = fs.readdirSync(backupRoot)
    expect(folder).toMatch(/^wugongtong-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/)
    expect(done.stdout).toContain(folder)
    expect(fs.statSync(path.join(backupRoot, folder)).mode & 0o777).toBe(0o700)
    const manifest = JSON.parse(fs.readFileSync(path.join(backupRoot, folder, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ database: 'app.db', uploads: 2 }) // the photo and its thumbnail

    // Restore into a fresh directory, and start an app on it.
    const fresh = path.join(scratch, 'restored')
    await cli(['restore', path.join(backupRoot, folder)], { DATA_DIR: fresh, APP_DATA_KEY: TEST_DATA_KEY })
    await expect(cli(['restore', path.join(backupRoot, folder)], { DATA_DIR: fresh, APP_DATA_KEY: TEST_DATA_KEY })).rejects.toMatchObject({ stderr: expect.stringMatching(/exists.*new, empty DATA_DIR/) })

    const config = loadConfig({ DATA_DIR: fresh, NODE_ENV: 'test', APP_DATA_KEY: TEST_DATA_KEY, WEB_ROOT: path.join(fresh, 'no-web') })
    const database = createDatabase(config)
    await migrateToLatest(database.db)
    const restored = await buildApp({ config, database, logger: false })
    await restored.ready()
    try {
      const read = await restored.inject({ url: `/api/rights-requests/${trackingNo}`, headers: bearer(worker.token) })
      expect(read.statusCode).toBe(200)
      expect(read.json()).toMatchObject({ trackingNo, description: '包工头欠我们八个人的工资，过年前一直没结。', employerName: '兰州某建筑公司' })
      const [attachment] = read.json().attachments
      const again = await restored.inject({ url: attachment.url })
      expect(again.statusCode).toBe(200)
      expect(again.rawPayload).toEqual(served)
      expect((await sharp((await restored.inject({ url: attachment.thumbUrl })).rawPayload).metadata()).width).toBe(480)
    } finally {
      await restored.close()
      await database.close()
    }
  })
})

test('on PostgreSQL the backup says to use pg_dump instead of copying half', async () => {
  const { backup } = await import('./backup')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-backup-pg-'))
  try {
    const done = await backup({ dataDir: path.join(dir, 'data'), databaseUrl: 'postgres://db/wgt', s3: null }, dir)
    expect(done.manifest).toMatchObject({ database: 'postgresql: use pg_dump', uploads: 0 })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
