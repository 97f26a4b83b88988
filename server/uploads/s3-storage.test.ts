/** Photos in an S3-compatible bucket: stored, served through the server, swept, and a bucket that is away leaves nothing half-written. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { loadConfig } from '../config'
import { bearer, signIn } from '../test-support/accounts'
import { jpeg, multipart } from '../test-support/images'
import { startTestS3, type TestS3 } from '../test-support/s3'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { s3Storage } from './photo-storage'
import { sweepUploads } from './uploads.service'

// A seeded app on PostgreSQL and a bucket take longer than Jest's 5 s on a busy machine.
jest.setTimeout(30_000)

const HOUR = 60 * 60 * 1000
let s3: TestS3
let s3Dir: string
let t: TestApp
beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-s3-'))
  s3 = await startTestS3(s3Dir)
  t = await buildTestApp({ config: (c) => ({ ...c, s3: s3.config }) })
})
afterAll(async () => {
  await t.close()
  await s3.stop().catch(() => undefined)
  fs.rmSync(s3Dir, { recursive: true, force: true })
})

let phoneN = 0
const newWorker = async () => signIn(t.app, `1370088${String(++phoneN).padStart(4, '0')}`)
const upload = (token: string, bytes: Buffer) => {
  const { payload, headers } = multipart(bytes)
  return t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(token), ...headers }, payload })
}
const bucketNames = async () => {
  const names: string[] = []
  for await (const f of s3Storage(s3.config).list()) names.push(f.name)
  return names
}
const caseBody = (attachmentIds: string[]) => ({
  category: 'unpaid_wages', description: '老板拖欠我们三个月的工资，一直没给。', employerName: '无锡某劳务公司', workCity: '无锡市',
  workAddress: '无锡市新吴区', workedFrom: '2025-10', workedTo: '2026-01', amountOwedYuan: 18000, workersAffected: 3, attachmentIds,
})

test('S3_* chooses the bucket; all four or none, path style and region optional', () => {
  const env = { S3_ENDPOINT: 'https://oss-cn-lanzhou.aliyuncs.com', S3_BUCKET: 'wushan', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' }
  expect(loadConfig({}).s3).toBeNull()
  expect(loadConfig(env).s3).toEqual({ endpoint: env.S3_ENDPOINT, bucket: 'wushan', accessKeyId: 'id', secretAccessKey: 'secret', region: 'us-east-1', forcePathStyle: false })
  expect(loadConfig({ ...env, S3_REGION: 'cn-lanzhou', S3_FORCE_PATH_STYLE: 'true' }).s3).toMatchObject({ region: 'cn-lanzhou', forcePathStyle: true })
  expect(() => loadConfig({ ...env, S3_SECRET_ACCESS_KEY: '' })).toThrow(/S3_SECRET_ACCESS_KEY/)
})

test('a photo and its thumbnail go to the bucket, not the disk, and are streamed back to those allowed', async () => {
  const w = await newWorker()
  const big = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#cc3333' } }).jpeg().toBuffer()
  const res = await upload(w.token, big)
  expect(res.statusCode).toBe(201)
  const id = res.json().id as string
  expect(await bucketNames()).toEqual(expect.arrayContaining([id, `${id}.thumb`]))
  expect(fs.existsSync(path.join(t.config.dataDir, 'uploads', id))).toBe(false)

  const own = await t.app.inject({ url: `/api/uploads/${id}`, headers: bearer(w.token) })
  expect(own.statusCode).toBe(200)
  expect(own.headers['content-type']).toBe('image/jpeg')
  expect(own.rawPayload.length).toBe(res.json().sizeBytes)
  expect(await sharp(own.rawPayload).metadata()).toMatchObject({ width: 1000, height: 600 })
  const thumb = await t.app.inject({ url: `/api/uploads/${id}?size=thumb`, headers: bearer(w.token) })
  expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ width: 480 })
  expect((await t.app.inject({ url: `/api/uploads/${id}`, headers: bearer((await newWorker()).token) })).statusCode).toBe(404)

  // Through a case: the signed url opens it without a token.
  const submitted = await t.app.inject({ method: 'POST', url: '/api/rights-requests', headers: { ...bearer(w.token), 'idempotency-key': `s3-case-${phoneN}` }, payload: caseBody([id]) })
  expect(submitted.statusCode).toBe(201)
  const signed = await t.app.inject({ url: submitted.json().attachments[0].thumbUrl })
  expect(signed.statusCode).toBe(200)
  expect(signed.rawPayload).toEqual(thumb.rawPayload)
})

test('the sweeps work on the bucket: an unused photo after a day, an object with no row after an hour', async () => {
  const w = await newWorker()
  const unused = (await upload(w.token, jpeg())).json().id as string
  const kept = (await upload(w.token, jpeg())).json().id as string
  await t.app.inject({ method: 'POST', url: '/api/rights-requests', headers: { ...bearer(w.token), 'idempotency-key': `s3-sweep-${phoneN}` }, payload: caseBody([kept]) })
  const orphan = 'ef'.repeat(16)
  const stranger = 'backup-notes.txt'
  const store = s3Storage(s3.config)
  await store.put(orphan, jpeg(), 'image/jpeg')
  await store.put(`${orphan}.thumb`, jpeg(), 'image/jpeg')
  await store.put(stranger, Buffer.from('x'), 'text/plain')

  const inAnHour = await sweepUploads(t.db, t.app.photos, new Date(Date.now() + 2 * HOUR))
  expect(inAnHour.orphans).toBe(1)
  let names = await bucketNames()
  expect(names).not.toContain(orphan)
  expect(names).not.toContain(`${orphan}.thumb`)
  expect(names).toEqual(expect.arrayContaining([unused, kept, stranger]))

  const nextDay = await sweepUploads(t.db, t.app.photos, new Date(Date.now() + 25 * HOUR))
  expect(nextDay.unused).toBeGreaterThanOrEqual(1)
  names = await bucketNames()
  expect(names).not.toContain(unused)
  expect(names).toEqual(expect.arrayContaining([kept, stranger]))
  await store.remove([stranger])
  store.close()
})

test('a bucket that is down: the worker is told to try again (503), no upload row and no case half-written; it works once back', async () => {
  const w = await newWorker()
  const before = await t.app.inject({ url: '/api/uploads/x', headers: bearer(w.token) }) // warm the route
  expect(before.statusCode).toBe(404)
  const earlier = (await upload(w.token, jpeg())).json().id as string
  const cases = async () => (await t.db.selectFrom('rights_requests').select('id').execute()).length
  const casesBefore = await cases()
  await s3.stop()
  try {
    const started = Date.now()
    const failed = await upload(w.token, jpeg())
    expect(failed.statusCode).toBe(503)
    expect(failed.json().error).toMatchObject({ code: 'UNAVAILABLE', message: '照片没有保存成功，请再试一次' })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect((await t.db.selectFrom('uploads').select('id').where('owner_user_id', '=', w.user.id).execute()).map((r) => r.id)).toEqual([earlier])
    expect(await cases()).toBe(casesBefore)
    const reading = await t.app.inject({ url: `/api/uploads/${earlier}`, headers: bearer(w.token) })
    expect(reading.statusCode).toBe(503)
    expect(reading.json().error.message).toMatch(/照片/)
  } finally {
    await s3.start()
  }
  const again = await upload(w.token, jpeg())
  expect(again.statusCode).toBe(201)
  expect(await bucketNames()).toContain(again.json().id)
})
