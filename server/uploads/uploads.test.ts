/** Upload quotas, the sweep of unused and orphan files, and no partial file left by a failed write. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { bearer, signIn } from '../test-support/accounts'
import { jpeg, multipart, png } from '../test-support/images'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { sweepUploads } from './uploads.service'

const DAY = 24 * 60 * 60 * 1000
// 10:00 in China.
const T0 = new Date('2026-03-10T02:00:00.000Z')
let now = T0
const clock = () => now

let t: TestApp
let dir: string
beforeAll(async () => {
  t = await buildTestApp({ clock, config: (c) => ({ ...c, uploadDailyCount: 4, uploadDailyBytes: 40_000 }) })
  dir = path.join(t.config.dataDir, 'uploads')
})
afterAll(() => t.close())
afterEach(() => {
  now = T0
})

let phoneN = 0
const newWorker = async () => signIn(t.app, `1370077${String(++phoneN).padStart(4, '0')}`)
const upload = (token: string, bytes: Buffer, app = t.app) => {
  const { payload, headers } = multipart(bytes)
  return app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(token), ...headers }, payload })
}
const rowsOf = (userId: number) => t.db.selectFrom('uploads').selectAll().where('owner_user_id', '=', userId).execute()

describe('daily quota', () => {
  test('the fifth photo of a China day is 429 with a plain message; the next day is open again', async () => {
    const w = await newWorker()
    for (let i = 0; i < 4; i++) expect((await upload(w.token, jpeg())).statusCode).toBe(201)
    const refused = await upload(w.token, jpeg())
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED' })
    expect(refused.json().error.message).toMatch(/今天.*4.*张.*明天/)
    expect(await rowsOf(w.user.id)).toHaveLength(4)
    // 23:59 the same China day, then 00:01 the next.
    now = new Date('2026-03-10T15:59:00.000Z')
    expect((await upload(w.token, jpeg())).statusCode).toBe(429)
    now = new Date('2026-03-10T16:01:00.000Z')
    expect((await upload(w.token, jpeg())).statusCode).toBe(201)
    // Another worker has their own allowance.
    expect((await upload((await newWorker()).token, jpeg())).statusCode).toBe(201)
  })

  test('bytes count too: past the day’s bytes the photo is refused and no file is kept', async () => {
    const w = await newWorker()
    expect((await upload(w.token, png(25_000))).statusCode).toBe(201)
    const files = fs.readdirSync(dir).length
    const refused = await upload(w.token, png(25_000))
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.message).toMatch(/MB|明天/)
    expect(fs.readdirSync(dir)).toHaveLength(files)
    expect((await upload(w.token, jpeg())).statusCode).toBe(201) // a small one still fits
  })

  test('twelve at once: exactly the allowance is stored, the rest 429', async () => {
    const w = await newWorker()
    const answers = await Promise.all(Array.from({ length: 12 }, () => upload(w.token, jpeg())))
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(4)
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(8)
    const rows = await rowsOf(w.user.id)
    expect(rows).toHaveLength(4)
    for (const r of rows) expect(fs.existsSync(path.join(dir, r.id))).toBe(true)
  })

  test('the limits come from the environment, with 30 photos and 60 MB a day by default', async () => {
    const { loadConfig } = await import('../config')
    expect(loadConfig({})).toMatchObject({ uploadDailyCount: 30, uploadDailyBytes: 60 * 1024 * 1024 })
    expect(loadConfig({ UPLOAD_DAILY_COUNT: '10', UPLOAD_DAILY_MB: '20' })).toMatchObject({ uploadDailyCount: 10, uploadDailyBytes: 20 * 1024 * 1024 })
    expect(() => loadConfig({ UPLOAD_DAILY_COUNT: 'many' })).toThrow(/UPLOAD_DAILY_COUNT/)
  })
})

describe('sweeps', () => {
  test('a photo never attached is removed after a day, with its file; an attached one stays', async () => {
    const w = await newWorker()
    const unused = (await upload(w.token, jpeg())).json().id as string
    const attached = (await upload(w.token, jpeg())).json().id as string
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/rights-requests',
      headers: { ...bearer(w.token), 'idempotency-key': `uploads-sweep-${phoneN}` },
      payload: {
        category: 'unpaid_wages', description: '老板拖欠我们三个月的工资，一直没给。', employerName: '无锡某劳务公司', workCity: '无锡市',
        workAddress: '无锡市新吴区', workedFrom: '2025-10', workedTo: '2026-01', amountOwedYuan: 18000, workersAffected: 3, attachmentIds: [attached],
      },
    })
    expect(submitted.json()).toMatchObject({ trackingNo: expect.any(String) })

    const early = await sweepUploads(t.db, t.app.photos, new Date(T0.getTime() + DAY - 60_000))
    expect(early.unused).toBe(0)
    expect(fs.existsSync(path.join(dir, unused))).toBe(true)
    const swept = await sweepUploads(t.db, t.app.photos, new Date(T0.getTime() + DAY + 60_000))
    expect(swept.unused).toBeGreaterThanOrEqual(1)
    expect(fs.existsSync(path.join(dir, unused))).toBe(false)
    expect((await rowsOf(w.user.id)).map((r) => r.id)).toEqual([attached])
    expect(fs.existsSync(path.join(dir, attached))).toBe(true)
  })

  test('a file with no row (a crash between file and row) is removed once it is an hour old; fresh ones are left for their upload', async () => {
    now = new Date() // file times are the real clock's
    const w = await newWorker()
    const kept = (await upload(w.token, jpeg())).json().id as string
    fs.mkdirSync(dir, { recursive: true })
    const orphan = path.join(dir, 'ab'.repeat(16))
    const orphanThumb = `${orphan}.thumb`
    const fresh = path.join(dir, 'cd'.repeat(16))
    const stranger = path.join(dir, 'README.txt')
    for (const f of [orphan, orphanThumb, fresh, stranger]) fs.writeFileSync(f, 'x')
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000)
    for (const f of [orphan, orphanThumb, stranger]) fs.utimesSync(f, old, old)
    const swept = await sweepUploads(t.db, t.app.photos, new Date())
    expect(swept.orphans).toBe(1)
    expect(fs.existsSync(orphan)).toBe(false)
    expect(fs.existsSync(orphanThumb)).toBe(false)
    expect(fs.existsSync(fresh)).toBe(true)
    expect(fs.existsSync(stranger)).toBe(true) // not ours to judge
    expect(fs.existsSync(path.join(dir, kept))).toBe(true)
    fs.rmSync(fresh)
    fs.rmSync(stranger)
  })

  test('the app sweeps on a timer that does not hold the process open and stops on close', async () => {
    const app = await buildTestApp({ seed: false })
    try {
      expect(app.app.uploadSweep).toBeDefined()
      expect(app.app.uploadSweep.timer?.hasRef()).toBe(false)
    } finally {
      await app.close()
    }
  })
})

// A real full disk: a tiny tmpfs as DATA_DIR (needs root, as CI runs; elsewhere the case is skipped and says so).
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-full-'))
let mounted = false
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96k', 'tmpfs', mountPoint], { stdio: 'ignore' })
  mounted = true
} catch {
  console.warn('uploads.test: cannot mount a tmpfs here; the full-disk case is skipped')
}
afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint])
  fs.rmSync(mountPoint, { recursive: true, force: true })
})

;(mounted ? test : test.skip)('a full disk: the upload fails in Chinese and leaves no partial file and no row', async () => {
  const full = await buildTestApp({ seed: false, config: (c) => ({ ...c, dataDir: mountPoint }) })
  try {
    const w = await signIn(full.app, '13700779999')
    const first = await upload(w.token, png(60_000), full.app)
    expect(first.statusCode).toBe(201)
    const failed = await upload(w.token, png(60_000), full.app)
    expect(failed.statusCode).toBe(500)
    expect(failed.json().error.message).toMatch(/存储|空间/)
    expect(fs.readdirSync(path.join(mountPoint, 'uploads'))).toEqual([first.json().id])
    expect(await full.db.selectFrom('uploads').select('id').execute()).toEqual([{ id: first.json().id }])
  } finally {
    await full.close()
  }
})
