import fs from 'node:fs'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { z } from 'zod/mini'
import { api, rightsStaffTransitions, type RightsStatus, rightsStatuses } from '../../types'
import { rightsCaseBody as validBody } from '../test-support/bodies'
import { bearer, signIn } from '../test-support/accounts'
import { jpeg as jpegImage, webp as webpImage } from '../test-support/images'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'

const T0 = new Date('2026-03-10T02:00:00.000Z')
const HOUR = 60 * 60 * 1000
const later = (ms: number) => new Date(T0.getTime() + ms)

const t = useTestApp({ start: T0 })
let admin: string
let wuxiStaff: string
let kunshanStaff: string
let worker: { token: string; id: number }
let other: { token: string; id: number }
const stationIds: Record<string, number> = {}

beforeAll(async () => {
  admin = await t.staffToken('admin')
  wuxiStaff = await t.staffToken('wuxi')
  kunshanStaff = await t.staffToken('kunshan')
  const a = await signIn(t.app, '13900001001')
  worker = { token: a.token, id: a.user.id }
  const b = await signIn(t.app, '13900001002')
  other = { token: b.token, id: b.user.id }
  for (const s of await t.db.selectFrom('stations').select(['id', 'seed_key']).execute()) stationIds[s.seed_key!] = s.id
})

const submit = (token: string, body: object = validBody, idempotencyKey = key()) =>
  t.app.inject({ method: 'POST', url: '/api/rights-requests', headers: { ...bearer(token), 'idempotency-key': idempotencyKey }, payload: body })

async function create(body: object = validBody, token = worker.token) {
  const res = await submit(token, body)
  if (res.statusCode !== 201) throw new Error(`submit: ${res.statusCode} ${res.body}`)
  return z.parse(api.createRightsRequest.response, res.json())
}

const read = (trackingNo: string, token?: string) =>
  t.app.inject({ url: `/api/rights-requests/${trackingNo}`, headers: token ? bearer(token) : {} })

const move = (trackingNo: string, to: string, extra: object = {}, token = admin) =>
  t.app.inject({
    method: 'POST',
    url: `/api/staff/rights-requests/${trackingNo}/transitions`,
    headers: { ...bearer(token), 'idempotency-key': key() },
    payload: { to, note: `改为${to}`, visibleToWorker: true, ...(to === 'referred' ? { referredTo: 'arbitration' } : {}), ...extra },
  })

const note = (trackingNo: string, text: string, visibleToWorker: boolean, token = admin) =>
  t.app.inject({
    method: 'POST',
    url: `/api/staff/rights-requests/${trackingNo}/notes`,
    headers: { ...bearer(token), 'idempotency-key': key() },
    payload: { text, visibleToWorker },
  })

const closeCase = (trackingNo: string, body: object, token = worker.token) =>
  t.app.inject({
    method: 'POST',
    url: `/api/rights-requests/${trackingNo}/close`,
    headers: { ...bearer(token), 'idempotency-key': key() },
    payload: body,
  })

const message = (trackingNo: string, body: object, token = worker.token) =>
  t.app.inject({
    method: 'POST',
    url: `/api/rights-requests/${trackingNo}/messages`,
    headers: { ...bearer(token), 'idempotency-key': key() },
    payload: body,
  })

const staffList = (query: string, token = admin) => t.app.inject({ url: `/api/staff/rights-requests?${query}`, headers: bearer(token) })

/** A real 2×2 PNG, built here: signature, IHDR, IDAT (zlib), IEND with their CRCs. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), 8 + data.length)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(2, 0)
  ihdr.writeUInt32BE(2, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function multipart(bytes: Buffer, filename: string, contentType: string, field = 'file') {
  const boundary = `----wgt${Math.random().toString(16).slice(2)}`
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

const upload = (token: string, bytes: Buffer, filename = 'photo.png', contentType = 'image/png') => {
  const { payload, headers } = multipart(bytes, filename, contentType)
  return t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(token), ...headers }, payload })
}

async function uploadId(token = worker.token): Promise<string> {
  const res = await upload(token, png())
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`)
  return res.json().id
}

// ── Submission ──

test('a request is routed, numbered, masked and encrypted at rest', async () => {
  const c = await create()
  // Digits a worker can read out on the phone: the year and six digits, no letters.
  expect(c.trackingNo).toMatch(/^2026-\d{6}$/)
  expect(c).toMatchObject({
    status: 'submitted',
    overdue: false,
    workProvince: '江苏省',
    station: { id: stationIds['branch-wuxi'] },
    contactPhone: '139****1001',
    contactTime: 'any',
    amountOwedYuan: 18000,
    workersAffected: 3,
    firstResponsible: null,
    submittedAt: T0.toISOString(),
  })
  expect(c.timeline).toEqual([expect.objectContaining({ kind: 'submitted', toStatus: 'submitted', author: 'worker' })])
  const row = await t.db.selectFrom('rights_requests').selectAll().where('tracking_no', '=', c.trackingNo).executeTakeFirstOrThrow()
  expect(JSON.stringify(row)).not.toContain('13900001001')
  expect(row.contact_phone_enc).toMatch(/^v1:/)
})

test('a given contact phone is used instead of the account’s, and masked', async () => {
  const c = await create({ ...validBody, contactPhone: '13812345678', contactName: '李建国', contactTime: 'evening' })
  expect(c).toMatchObject({ contactPhone: '138****5678', contactName: '李建国', contactTime: 'evening' })
})

test.each([
  ['常州市', 'point-changzhou-electrical', '江苏省'],
  ['江苏常州', 'point-changzhou-electrical', '江苏省'],
  ['江苏镇江', 'station-kunshan', '江苏省'],
  ['苏州', 'station-kunshan', '江苏省'],
  // County-level cities go to their prefecture's stations: 江阴 is in 无锡, 慈溪 in 宁波, 义乌 in 金华.
  ['江阴', 'branch-wuxi', '江苏省'],
  ['江苏省江阴市', 'branch-wuxi', '江苏省'],
  ['慈溪市', 'station-ningbo', '浙江省'],
  ['义乌', 'point-yiwu-packaging', '浙江省'],
  ['北京', 'station-beijing', '北京市'],
  ['惠州市', 'branch-huizhou', '广东省'],
  ['重庆市', 'centre-wushan', '重庆市'],
  ['火星城', 'centre-wushan', null],
])('a case in %s goes to %s', async (workCity, station, province) => {
  const c = await create({ ...validBody, workCity })
  expect(c.station?.id).toBe(stationIds[station])
  expect(c.workProvince).toBe(province)
})

const bad: [string, object, string][] = [
  ['category', { category: undefined }, 'category'],
  ['category', { category: 'robbery' }, 'category'],
  ['description', { description: '没给工资' }, 'description'],
  ['description', { description: '欠'.repeat(2001) }, 'description'],
  ['employerName', { employerName: '' }, 'employerName'],
  ['employerName', { employerName: 'x'.repeat(101) }, 'employerName'],
  ['workCity', { workCity: undefined }, 'workCity'],
  ['workAddress', { workAddress: ' ' }, 'workAddress'],
  ['workedFrom', { workedFrom: '2026-13' }, 'workedFrom'],
  ['workedFrom', { workedFrom: '2025/10' }, 'workedFrom'],
  ['workedFrom', { workedFrom: '2026-04', workedTo: null }, 'workedFrom'],
  ['workedTo', { workedTo: '2025-09' }, 'workedTo'],
  ['workedTo', { workedTo: '2026-05' }, 'workedTo'],
  ['amountOwedYuan', { amountOwedYuan: undefined }, 'amountOwedYuan'],
  ['amountOwedYuan', { amountOwedYuan: -1 }, 'amountOwedYuan'],
  ['amountOwedYuan', { amountOwedYuan: 100.5 }, 'amountOwedYuan'],
  ['amountOwedYuan', { amountOwedYuan: '18000' }, 'amountOwedYuan'],
  ['workersAffected', { workersAffected: 0 }, 'workersAffected'],
  ['workersAffected', { workersAffected: 2.5 }, 'workersAffected'],
  ['contactPhone', { contactPhone: '12345678901' }, 'contactPhone'],
  ['contactName', { contactName: 'x' }, 'contactName'],
  ['contactTime', { contactTime: 'midnight' }, 'contactTime'],
  ['attachmentIds', { attachmentIds: ['not-an-id'] }, 'attachmentIds.0'],
  ['attachmentIds', { attachmentIds: Array.from({ length: 10 }, (_, i) => i.toString(16).padStart(32, '0')) }, 'attachmentIds'],
  ['attachmentIds', { attachmentIds: ['f'.repeat(32)] }, 'attachmentIds'],
  ['applicationId', { applicationId: -1 }, 'applicationId'],
  ['applicationId', { applicationId: 987654 }, 'applicationId'],
]
test.each(bad)('%s (case %#) is refused in plain Chinese on that field', async (_field, change, path) => {
  const res = await submit(worker.token, { ...validBody, ...change })
  expect(res.statusCode).toBe(400)
  const { error } = res.json()
  expect(error.code).toBe('VALIDATION_FAILED')
  expect(Object.keys(error.fields)).toEqual([path])
  expect(error.fields[path]).toMatch(/[\u4e00-\u9fa5]/)
})

test('amount is optional for other categories; every missing field is reported at once', async () => {
  const c = await create({ ...validBody, category: 'injury', amountOwedYuan: undefined, workedTo: null })
  expect(c).toMatchObject({ category: 'injury', amountOwedYuan: null, workedTo: null })
  const res = await submit(worker.token, { category: 'unpaid_wages' })
  expect(Object.keys(res.json().error.fields).sort()).toEqual(
    ['amountOwedYuan', 'description', 'employerName', 'workAddress', 'workCity', 'workedFrom'].sort(),
  )
  expect(await t.db.selectFrom('rights_requests').select('id').where('category', '=', 'robbery').execute()).toEqual([])
})

test('a replayed submission returns the same case and stores one row', async () => {
  const k = key()
  const body = { ...validBody, employerName: '重放测试公司' }
  const first = await submit(worker.token, body, k)
  const again = await submit(worker.token, body, k)
  expect(first.statusCode).toBe(201)
  expect(again.statusCode).toBe(201)
  expect(again.headers['idempotent-replayed']).toBe('true')
  expect(again.json().trackingNo).toBe(first.json().trackingNo)
  const rows = await t.db.selectFrom('rights_requests').select('id').where('employer_name', '=', '重放测试公司').execute()
  expect(rows).toHaveLength(1)
  expect((await submit(worker.token, { ...body, workersAffected: 9 }, k)).statusCode).toBe(409)
})

// ── 只留电话，请回电 ──

const askCallback = (token: string, body: object, idempotencyKey = key()) =>
  t.app.inject({ method: 'POST', url: '/api/rights-requests/callback', headers: { ...bearer(token), 'idempotency-key': idempotencyKey }, payload: body })

test('只留电话: a category alone opens a case at the county service centre, on the account’s phone, with nothing else recorded', async () => {
  const res = await askCallback(worker.token, { category: 'injury' })
  expect(res.statusCode).toBe(201)
  const c = z.parse(api.askRightsCallback.response, res.json())
  expect(c.trackingNo).toMatch(/^2026-\d{6}$/)
  expect(c).toMatchObject({
    callbackOnly: true,
    category: 'injury',
    status: 'submitted',
    station: { id: stationIds['centre-wushan'] },
    contactPhone: '139****1001',
    contactTime: 'any',
    description: '',
    employerName: '',
    workCity: '',
    workProvince: null,
    amountOwedYuan: null,
    attachments: [],
  })
  expect(c.station!.phone).toBe('0938-342 5617')
  expect(c.timeline).toEqual([expect.objectContaining({ kind: 'submitted', text: expect.stringContaining('请回电') })])
  const row = await t.db.selectFrom('rights_requests').selectAll().where('tracking_no', '=', c.trackingNo).executeTakeFirstOrThrow()
  expect(row.callback_only).toBe(1)
  expect(JSON.stringify(row)).not.toContain('13900001001')
  // The queue tells it apart from a full request, whose flag is false.
  const queue = (await staffList(`q=${c.trackingNo}`)).json().items
  expect(queue).toEqual([expect.objectContaining({ trackingNo: c.trackingNo, callbackOnly: true })])
  expect((await create()).callbackOnly).toBe(false)
})

test('只留电话: another number and a time to call are kept; a replay is one case; bad input is refused per field', async () => {
  const k = key()
  const first = await askCallback(worker.token, { category: 'unpaid_wages', contactPhone: '13812345678', contactTime: 'evening' }, k)
  const again = await askCallback(worker.token, { category: 'unpaid_wages', contactPhone: '13812345678', contactTime: 'evening' }, k)
  expect(first.statusCode).toBe(201)
  expect(again.json().trackingNo).toBe(first.json().trackingNo)
  expect(first.json()).toMatchObject({ contactPhone: '138****5678', contactTime: 'evening' })
  expect(await t.db.selectFrom('rights_requests').select('id').where('tracking_no', '=', first.json().trackingNo).execute()).toHaveLength(1)

  const bad = await askCallback(worker.token, { category: 'money', contactPhone: '123' })
  expect(bad.statusCode).toBe(400)
  expect(Object.keys(bad.json().error.fields).sort()).toEqual(['category', 'contactPhone'])
  expect(bad.json().error.fields.category).toBe('请选择遇到了什么事')
  expect((await t.app.inject({ method: 'POST', url: '/api/rights-requests/callback', payload: { category: 'injury' } })).statusCode).toBe(401)
})

test('tracking numbers are unique and sequential under concurrent submissions', async () => {
  const second = await t.secondInstance()
  const apps = [t.app, second]
  const results = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      apps[i % 2].inject({
        method: 'POST',
        url: '/api/rights-requests',
        headers: { ...bearer(i % 3 ? worker.token : other.token), 'idempotency-key': key() },
        payload: { ...validBody, employerName: `并发公司${i}` },
      }),
    ),
  )
  expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201))
  const seqs = results.map((r) => Number(r.json().trackingNo.slice(-6))).sort((a, b) => a - b)
  expect(new Set(seqs).size).toBe(12)
  expect(seqs[11] - seqs[0]).toBe(11)
  const all = await t.db.selectFrom('rights_requests').select('tracking_no').orderBy('id').execute()
  const numbers = all.map((r) => Number(r.tracking_no.slice(-6)))
  expect(numbers).toEqual(numbers.map((_, i) => i + 1))
})

test('a new year starts again at 000001', async () => {
  t.clock.set(new Date('2026-12-31T16:30:00.000Z')) // 2027-01-01 00:30 in China
  const { token } = await signIn(t.app, '13900001004')
  const c = await create({ ...validBody, workedFrom: '2026-10', workedTo: '2026-12' }, token)
  expect(c.trackingNo).toBe('2027-000001')
})

// ── Uploads ──

test('photos are recognised by their bytes, not their name or declared type', async () => {
  const pngAsJpeg = await upload(worker.token, png(), 'photo.jpg', 'image/jpeg')
  expect(pngAsJpeg.statusCode).toBe(201)
  expect(pngAsJpeg.json()).toMatchObject({ contentType: 'image/png', sizeBytes: expect.any(Number) })
  expect(pngAsJpeg.json().id).toMatch(/^[0-9a-f]{32}$/)
  expect(fs.readdirSync(path.join(t.config.dataDir, 'uploads'))).toContain(pngAsJpeg.json().id) // the client's name is not used

  const text = await upload(worker.token, Buffer.from('这不是照片，是一段文字'.repeat(20)), 'photo.jpg', 'image/jpeg')
  expect(text.statusCode).toBe(400)
  expect(text.json().error.fields.file).toMatch(/照片/)
  const jpeg = await upload(worker.token, jpegImage(), 'x.bin', 'application/octet-stream')
  expect(jpeg.json().contentType).toBe('image/jpeg')
  expect((await upload(worker.token, webpImage(), 'a.png', 'image/png')).json().contentType).toBe('image/webp')
  expect((await upload(worker.token, Buffer.alloc(0))).statusCode).toBe(400)
})

test('a photo over 5 MB is 413; uploads need a worker and a multipart file', async () => {
  const big = Buffer.concat([png(), Buffer.alloc(5 * 1024 * 1024)])
  const res = await upload(worker.token, big)
  expect(res.statusCode).toBe(413)
  expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE')
  const exactly = Buffer.concat([png(), Buffer.alloc(5 * 1024 * 1024 - png().length)])
  expect((await upload(worker.token, exactly)).statusCode).toBe(201)

  expect((await upload(admin, png())).statusCode).toBe(403)
  const { payload, headers } = multipart(png(), 'a.png', 'image/png')
  expect((await t.app.inject({ method: 'POST', url: '/api/uploads', headers, payload })).statusCode).toBe(401)
  const json = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: bearer(worker.token), payload: { file: 'x' } })
  expect(json.statusCode).toBe(400)
  const wrongField = multipart(png(), 'a.png', 'image/png', 'photo')
  const res2 = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(worker.token), ...wrongField.headers }, payload: wrongField.payload })
  expect(res2.statusCode).toBe(400)
})

test('a photo is read by its owner and the staff of its case, no one else', async () => {
  const id = await uploadId()
  const get = (token?: string, query = '') => t.app.inject({ url: `/api/uploads/${id}${query}`, headers: token ? bearer(token) : {} })
  const own = await get(worker.token)
  expect(own.statusCode).toBe(200)
  expect(own.headers['content-type']).toBe('image/png')
  expect(await sharp(own.rawPayload).raw().toBuffer()).toEqual(await sharp(png()).raw().toBuffer()) // the same pixels, encoded again
  expect((await get(other.token)).statusCode).toBe(404)
  expect((await get()).statusCode).toBe(404)
  expect((await get(admin)).statusCode).toBe(404) // not attached to any case yet
  expect((await t.app.inject({ url: '/api/uploads/..%2F..%2Fdata-key', headers: bearer(worker.token) })).statusCode).toBe(404)

  const c = await create({ ...validBody, attachmentIds: [id] })
  expect(c.attachments.map((a) => a.id)).toEqual([id])
  expect((await get(wuxiStaff)).statusCode).toBe(200)
  expect((await get(admin)).statusCode).toBe(200)
  expect((await get(kunshanStaff)).statusCode).toBe(404)
  expect((await get(other.token)).statusCode).toBe(404)

  // The signed url in the case opens it without a token, until it expires; a changed signature does not.
  const signed = await t.app.inject({ url: c.attachments[0].url })
  expect((await t.app.inject({ url: c.attachments[0].thumbUrl })).statusCode).toBe(200) // the timeline's thumbnail, same signature
  expect(signed.statusCode).toBe(200)
  // Change the signature's first character to a different one (a fixed replacement could equal it by chance).
  const forged = c.attachments[0].url.replace(/sig=(.)/, (_m: string, ch: string) => `sig=${ch === 'A' ? 'B' : 'A'}`)
  expect(forged).not.toBe(c.attachments[0].url)
  expect((await t.app.inject({ url: forged })).statusCode).toBe(404)
  t.clock.set(later(3 * HOUR))
  expect((await t.app.inject({ url: c.attachments[0].url })).statusCode).toBe(404)
})

test('attachments must be the caller’s own and unused', async () => {
  const mine = await uploadId()
  const theirs = await uploadId(other.token)
  const res = await submit(worker.token, { ...validBody, attachmentIds: [mine, theirs] })
  expect(res.statusCode).toBe(400)
  expect(res.json().error.fields).toEqual({ attachmentIds: expect.stringMatching(/照片/) })
  await create({ ...validBody, attachmentIds: [mine, mine] })
  const reused = await submit(worker.token, { ...validBody, attachmentIds: [mine] })
  expect(reused.statusCode).toBe(400)
})

// ── Who may read ──

test('only the owner, the station’s staff and admins can read a case', async () => {
  const c = await create()
  expect((await read(c.trackingNo, worker.token)).statusCode).toBe(200)
  expect((await read(c.trackingNo, other.token)).statusCode).toBe(404)
  expect((await read(c.trackingNo, kunshanStaff)).statusCode).toBe(404)
  expect((await read(c.trackingNo, wuxiStaff)).statusCode).toBe(200)
  expect((await read(c.trackingNo, admin)).statusCode).toBe(200)
  expect((await read(c.trackingNo)).statusCode).toBe(401)
  expect((await read('WS-2026-999999', worker.token)).statusCode).toBe(404)
  expect((await read('12', worker.token)).statusCode).toBe(400)
  // Someone else's case can't be moved, noted, closed or added to either.
  expect((await move(c.trackingNo, 'accepted', {}, kunshanStaff)).statusCode).toBe(404)
  expect((await note(c.trackingNo, '看看', true, kunshanStaff)).statusCode).toBe(404)
  expect((await message(c.trackingNo, { text: '补充' }, other.token)).statusCode).toBe(404)
  expect((await closeCase(c.trackingNo, { rating: 5 }, other.token)).statusCode).toBe(404)
  expect((await move(c.trackingNo, 'accepted', {}, worker.token)).statusCode).toBe(403)
})

test('my list holds only my cases, newest first, in pages', async () => {
  const fresh = await signIn(t.app, '13900001003')
  const a = await create(validBody, fresh.token)
  const b = await create({ ...validBody, category: 'contract', amountOwedYuan: null }, fresh.token)
  const page1 = await t.app.inject({ url: '/api/me/rights-requests?limit=1', headers: bearer(fresh.token) })
  const body1 = z.parse(api.listMyRightsRequests.response, page1.json())
  expect(body1.items.map((i) => i.trackingNo)).toEqual([b.trackingNo])
  const page2 = await t.app.inject({ url: `/api/me/rights-requests?limit=1&cursor=${body1.nextCursor}`, headers: bearer(fresh.token) })
  expect(page2.json()).toEqual({ items: [expect.objectContaining({ trackingNo: a.trackingNo })], nextCursor: null })
})

test('the staff queue: station staff see their station only; admins filter', async () => {
  const wuxiCase = await create()
  const kunshanCase = await create({ ...validBody, workCity: '昆山市' })
  const nos = async (query: string, token: string) => (await staffList(query, token)).json().items.map((i: { trackingNo: string }) => i.trackingNo)
  const wuxiSees = await nos('limit=50', wuxiStaff)
  expect(wuxiSees).toContain(wuxiCase.trackingNo)
  expect(wuxiSees).not.toContain(kunshanCase.trackingNo)
  expect(await nos(`stationId=${stationIds['station-kunshan']}`, wuxiStaff)).toEqual([])
  const adminKunshan = await nos(`stationId=${stationIds['station-kunshan']}&limit=50`, admin)
  expect(adminKunshan).toContain(kunshanCase.trackingNo)
  expect(adminKunshan).not.toContain(wuxiCase.trackingNo)
  const contract = (await staffList('category=contract&limit=50')).json().items
  expect(contract.every((i: { category: string }) => i.category === 'contract')).toBe(true)
  expect((await staffList('status=nonsense')).statusCode).toBe(400)
  expect((await t.app.inject({ url: '/api/staff/rights-requests', headers: bearer(worker.token) })).statusCode).toBe(403)
})

test('an old number with the WS- prefix still finds its case, for the worker and for staff', async () => {
  const c = await create({ ...validBody, employerName: '旧编号测试公司' })
  const old = `WS-${c.trackingNo}`
  const res = await read(old, worker.token)
  expect(res.statusCode).toBe(200)
  expect(res.json().trackingNo).toBe(c.trackingNo)
  expect((await read(`ws-${c.trackingNo}`, admin)).json().trackingNo).toBe(c.trackingNo)
  const moved = await move(old, 'accepted', {}, wuxiStaff)
  expect(moved.statusCode).toBe(200)
  expect(moved.json()).toMatchObject({ trackingNo: c.trackingNo, status: 'accepted' })
  expect((await message(old, { text: '补充一下情况' })).statusCode).toBe(201)
  expect((await read('WS-2026-12345', worker.token)).statusCode).toBe(400)
  expect((await read('WSX2026-000001', worker.token)).json().error.fields.trackingNo).toBe('求助编号不对，例如 2026-000123')
})

// ── The queue: order, search, 我负责的 ──

const queue = async (query: string, token = admin) => {
  const res = await staffList(query, token)
  if (res.statusCode !== 200) throw new Error(`queue: ${res.statusCode} ${res.body}`)
  return z.parse(api.staffListRightsRequests.response, res.json())
}
const nosOf = async (query: string, token = admin) => (await queue(query, token)).items.map((i) => i.trackingNo)

test('the queue puts overdue and oldest-waiting cases first, then cases in hand, concluded and closed', async () => {
  const employerName = '排队顺序测试公司'
  const at = async (hours: number) => {
    t.clock.set(later(hours * HOUR))
    return (await create({ ...validBody, employerName })).trackingNo
  }
  const inHand = await at(0)
  const overdueOld = await at(1)
  const overdueNewer = await at(2)
  const concluded = await at(3)
  const closed = await at(4)
  const waiting = await at(30)
  const waitingNewest = await at(31)
  t.clock.set(later(32 * HOUR))
  for (const to of ['accepted', 'in_progress']) expect((await move(inHand, to)).statusCode).toBe(200)
  for (const to of ['accepted', 'in_progress', 'resolved']) expect((await move(concluded, to)).statusCode).toBe(200)
  for (const to of ['accepted', 'in_progress', 'resolved']) expect((await move(closed, to)).statusCode).toBe(200)
  expect((await closeCase(closed, { rating: 5 })).statusCode).toBe(200)

  const expected = [overdueOld, overdueNewer, waiting, waitingNewest, inHand, concluded, closed]
  expect(await nosOf(`q=${encodeURIComponent(employerName)}&limit=50`)).toEqual(expected)
  const first = await queue(`q=${encodeURIComponent(employerName)}&limit=50`)
  expect(first.items.slice(0, 2).map((i) => i.overdue)).toEqual([true, true])
  expect(first.items[2].overdue).toBe(false)

  // Paging keeps the same order across the groups, with no case twice or left out.
  const paged: string[] = []
  let cursor: string | null = ''
  while (cursor !== null) {
    const res: { items: { trackingNo: string }[]; nextCursor: string | null } = await queue(`q=${encodeURIComponent(employerName)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
    paged.push(...res.items.map((i) => i.trackingNo))
    cursor = res.nextCursor
  }
  expect(paged).toEqual(expected)

  // 在办: waiting and in hand only.
  expect(await nosOf(`open=true&q=${encodeURIComponent(employerName)}&limit=50`)).toEqual([overdueOld, overdueNewer, waiting, waitingNewest, inHand])
  expect(await nosOf(`open=true&status=resolved&q=${encodeURIComponent(employerName)}`)).toEqual([])
})

test('the queue finds a case by its tracking number, old or new, or by the number’s last digits', async () => {
  const c = await create({ ...validBody, employerName: '编号搜索测试公司' })
  expect(await nosOf(`q=${c.trackingNo}`)).toEqual([c.trackingNo])
  expect(await nosOf(`q=WS-${c.trackingNo}`)).toEqual([c.trackingNo])
  expect(await nosOf(`q=${c.trackingNo.slice(-6)}`)).toEqual([c.trackingNo])
  expect(await nosOf(`q=${encodeURIComponent(' ' + c.trackingNo + ' ')}`)).toEqual([c.trackingNo])
})

test('the queue finds a case by the last four digits of the contact phone without decrypting rows', async () => {
  const c = await create({ ...validBody, employerName: '尾号搜索测试公司', contactPhone: '13712345678' })
  const found = await nosOf('q=5678&limit=50')
  expect(found).toContain(c.trackingNo)
  expect(await nosOf('q=5679&limit=50')).not.toContain(c.trackingNo)
  // Stored as a keyed hash, not the digits.
  const row = await t.db.selectFrom('rights_requests').select(['contact_phone_last4_hash']).where('tracking_no', '=', c.trackingNo).executeTakeFirstOrThrow()
  expect(row.contact_phone_last4_hash).toMatch(/^[0-9a-f]{64}$/)
  expect(row.contact_phone_last4_hash).not.toContain('5678')
  // Every case in the answer really ends in 5678 or carries it in its number.
  for (const no of found) {
    const full = (await read(no, admin)).json()
    expect(`${full.contactPhone}|${no}`).toMatch(/5678(\||$)/)
  }
})

test('cases written before the last-four hash get it when the server starts', async () => {
  const c = await create({ ...validBody, employerName: '补算尾号测试公司', contactPhone: '13712340909' })
  await t.db.updateTable('rights_requests').set({ contact_phone_last4_hash: null }).where('tracking_no', '=', c.trackingNo).execute()
  expect(await nosOf('q=0909&limit=50')).not.toContain(c.trackingNo)
  await t.secondInstance()
  expect(await nosOf('q=0909&limit=50')).toContain(c.trackingNo)
})

test('the queue finds a case by part of the employer’s name; % and _ are plain characters', async () => {
  const c = await create({ ...validBody, employerName: '锡山区宏达电子厂' })
  expect(await nosOf(`q=${encodeURIComponent('宏达电子')}&limit=50`)).toEqual([c.trackingNo])
  expect(await nosOf(`q=${encodeURIComponent('%')}&limit=50`)).toEqual([])
  expect(await nosOf(`q=${encodeURIComponent('宏_电子')}&limit=50`)).toEqual([])
  expect((await staffList(`q=${'长'.repeat(51)}`)).statusCode).toBe(400)
})

test('search never reaches past the caller’s station', async () => {
  const kunshan = await create({ ...validBody, workCity: '昆山市', employerName: '范围测试昆山公司', contactPhone: '13700004321' })
  expect(await nosOf(`q=${kunshan.trackingNo}`, wuxiStaff)).toEqual([])
  expect(await nosOf('q=4321&limit=50', wuxiStaff)).not.toContain(kunshan.trackingNo)
  expect(await nosOf(`q=${encodeURIComponent('范围测试')}`, wuxiStaff)).toEqual([])
  expect(await nosOf(`q=${kunshan.trackingNo}`, kunshanStaff)).toEqual([kunshan.trackingNo])
  expect(await nosOf('q=4321&limit=50', kunshanStaff)).toContain(kunshan.trackingNo)
})

test('我负责的: the cases the caller accepted, in queue order, within the caller’s station', async () => {
  const employerName = '我负责的测试公司'
  const mineOld = (await create({ ...validBody, employerName })).trackingNo
  t.clock.set(later(HOUR))
  const mineNew = (await create({ ...validBody, employerName })).trackingNo
  const someoneElses = (await create({ ...validBody, employerName })).trackingNo
  const nobodys = (await create({ ...validBody, employerName })).trackingNo
  expect((await move(mineNew, 'accepted', {}, wuxiStaff)).statusCode).toBe(200)
  expect((await move(mineOld, 'accepted', {}, wuxiStaff)).statusCode).toBe(200)
  expect((await move(someoneElses, 'accepted', {}, admin)).statusCode).toBe(200)
  const q = `q=${encodeURIComponent(employerName)}&limit=50`
  expect(await nosOf(`mine=true&${q}`, wuxiStaff)).toEqual([mineOld, mineNew])
  expect(await nosOf(`mine=true&${q}`, admin)).toEqual([someoneElses])
  expect(await nosOf(`mine=true&${q}`, kunshanStaff)).toEqual([])
  expect(await nosOf(q, wuxiStaff)).toEqual([nobodys, mineOld, mineNew, someoneElses])
})

// ── Workflow ──

/** A fresh case brought along the legal path to `status`. */
async function caseAt(status: RightsStatus): Promise<string> {
  const { trackingNo } = await create()
  const path: Record<RightsStatus, string[]> = {
    submitted: [],
    accepted: ['accepted'],
    in_progress: ['accepted', 'in_progress'],
    resolved: ['accepted', 'in_progress', 'resolved'],
    referred: ['accepted', 'in_progress', 'referred'],
    closed: ['accepted', 'in_progress', 'resolved'],
  }
  for (const to of path[status]) expect((await move(trackingNo, to)).statusCode).toBe(200)
  if (status === 'closed') expect((await closeCase(trackingNo, { rating: 4 })).statusCode).toBe(200)
  return trackingNo
}

test.each(rightsStatuses.map((s) => [s]))('from %s, every move staff may not make is 409 and changes nothing', async (from) => {
  const trackingNo = await caseAt(from)
  for (const to of rightsStatuses) {
    if (rightsStaffTransitions[from].includes(to)) continue
    const res = await move(trackingNo, to)
    expect([to, res.statusCode]).toEqual([to, 409])
    expect(res.json().error.code).toBe('CONFLICT')
  }
  const after = (await read(trackingNo, admin)).json()
  expect(after.status).toBe(from)
  // And the legal moves from here succeed.
  for (const to of rightsStaffTransitions[from]) {
    const fresh = await caseAt(from)
    expect((await move(fresh, to)).json().status).toBe(to)
  }
  // The worker may close only a resolved or referred case.
  const close = await closeCase(trackingNo, { rating: 3 })
  expect(close.statusCode).toBe(from === 'resolved' || from === 'referred' ? 200 : 409)
})

test('accepting makes the officer first-responsible; only they see the phone unmasked', async () => {
  const { trackingNo } = await create()
  const accepted = await move(trackingNo, 'accepted', { note: '已联系老板', visibleToWorker: true }, wuxiStaff)
  expect(accepted.statusCode).toBe(200)
  expect(accepted.json()).toMatchObject({ status: 'accepted', firstResponsible: { name: '无锡流动党员党支部' }, contactPhone: '13900001001', acceptedAt: T0.toISOString() })
  expect((await read(trackingNo, admin)).json().contactPhone).toBe('139****1001')
  expect((await read(trackingNo, worker.token)).json()).toMatchObject({ contactPhone: '139****1001', firstResponsible: { name: '无锡流动党员党支部' } })
  const referred = await move(trackingNo, 'in_progress', {}, wuxiStaff)
  expect(referred.statusCode).toBe(200)
  const noTarget = await move(trackingNo, 'referred', { referredTo: undefined }, wuxiStaff)
  expect(noTarget.statusCode).toBe(400)
  expect(noTarget.json().error.fields.referredTo).toMatch(/劳动/)
  expect((await move(trackingNo, 'resolved', { note: '' }, wuxiStaff)).json().error.fields.note).toBeDefined()
  const done = await move(trackingNo, 'referred', { referredTo: 'labour_inspection' }, wuxiStaff)
  expect(done.json()).toMatchObject({ status: 'referred', referredTo: 'labour_inspection', concludedAt: T0.toISOString() })
})

const call = (trackingNo: string, token: string, idempotencyKey = key()) =>
  t.app.inject({ method: 'POST', url: `/api/staff/rights-requests/${trackingNo}/calls`, headers: { ...bearer(token), 'idempotency-key': idempotencyKey } })

test('a case without a name is told apart from a deleted account', async () => {
  // The worker signed in without ever saving a name, and left none on the form.
  const nameless = await signIn(t.app, '13900001021')
  const c = await create({ ...validBody, contactName: null }, nameless.token)
  expect((await read(c.trackingNo, admin)).json()).toMatchObject({ contactName: null, contactPhone: '139****1021', requesterDeleted: false, mayCall: false })
  expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(nameless.token) })).statusCode).toBe(200)
  expect((await read(c.trackingNo, admin)).json()).toMatchObject({ contactName: null, contactPhone: null, requesterDeleted: true, mayCall: false })
})

test('the first-responsible officer records a call to the worker; nobody else can', async () => {
  const { trackingNo } = await create()
  // Before anyone accepted the case, nobody sees the whole number, so nobody may record a call.
  expect((await call(trackingNo, wuxiStaff)).statusCode).toBe(403)
  expect((await move(trackingNo, 'accepted', {}, wuxiStaff)).json()).toMatchObject({ mayCall: true, contactPhone: '13900001001' })
  expect((await read(trackingNo, admin)).json().mayCall).toBe(false)

  const k = key()
  const res = await call(trackingNo, wuxiStaff, k)
  expect(res.statusCode).toBe(201)
  const calls = (r: { timeline: { kind: string }[] }) => r.timeline.filter((e) => e.kind === 'call')
  expect(calls(res.json())).toEqual([expect.objectContaining({ kind: 'call', author: 'staff', staffName: '无锡流动党员党支部', visibleToWorker: false })])
  // A resend of the same tap is the same call.
  const replay = await call(trackingNo, wuxiStaff, k)
  expect(replay.headers['idempotent-replayed']).toBe('true')
  expect(calls((await read(trackingNo, admin)).json())).toHaveLength(1)
  const events = await t.db
    .selectFrom('rights_request_events')
    .innerJoin('rights_requests', 'rights_requests.id', 'rights_request_events.request_id')
    .select(['rights_request_events.kind', 'rights_request_events.staff_id', 'rights_request_events.visible_to_worker'])
    .where('rights_requests.tracking_no', '=', trackingNo)
    .where('rights_request_events.kind', '=', 'call')
    .execute()
  expect(events).toHaveLength(1)
  expect(events[0].visible_to_worker).toBe(0)

  // An admin, another station and the worker cannot record a call; the worker never sees the call entry.
  expect((await call(trackingNo, admin)).statusCode).toBe(403)
  expect((await call(trackingNo, kunshanStaff)).statusCode).toBe(404)
  expect((await call(trackingNo, worker.token)).statusCode).toBe(403)
  expect(calls((await read(trackingNo, worker.token)).json())).toEqual([])
  expect(calls((await read(trackingNo, admin)).json())).toHaveLength(1)
})

test('every answer that shows the first-responsible officer the whole phone is logged once; masked answers are not', async () => {
  const { trackingNo } = await create()
  const logged = async () =>
    t.db.selectFrom('access_log').select(['staff_id', 'user_id', 'detail']).where('action', '=', 'case_phone').where('detail', '=', `求助 ${trackingNo}`).execute()
  // Before anyone accepts it, staff see the phone masked, and nothing is logged.
  expect((await read(trackingNo, wuxiStaff)).json().contactPhone).toBe('139****1001')
  expect(await logged()).toEqual([])
  const officer = (await t.app.inject({ url: '/api/staff/me', headers: bearer(wuxiStaff) })).json().id
  expect((await move(trackingNo, 'accepted', {}, wuxiStaff)).json().contactPhone).toBe('13900001001')
  expect((await note(trackingNo, '内部：明天再打', false, wuxiStaff)).json().contactPhone).toBe('13900001001')
  expect((await call(trackingNo, wuxiStaff)).json().contactPhone).toBe('13900001001')
  expect((await read(trackingNo, wuxiStaff)).json().contactPhone).toBe('13900001001')
  expect(await logged()).toEqual(Array(4).fill({ staff_id: officer, user_id: worker.id, detail: `求助 ${trackingNo}` }))
  // The admin, the worker and the worker's export see it masked or as their own: no staff read to log.
  await read(trackingNo, admin)
  await read(trackingNo, worker.token)
  await t.app.inject({ url: '/api/me/export', headers: bearer(worker.token) })
  expect(await logged()).toHaveLength(4)
})

test('the worker sees the notes meant for them, never the internal ones', async () => {
  const { trackingNo } = await create()
  await move(trackingNo, 'accepted', { note: '内部：老板电话打不通', visibleToWorker: false }, wuxiStaff)
  await note(trackingNo, '我们已经联系上老板，这周给您回话', true, wuxiStaff)
  await note(trackingNo, '内部：这家公司去年也欠过薪', false, wuxiStaff)
  const mine = z.parse(api.getRightsRequest.response, (await read(trackingNo, worker.token)).json())
  expect(mine.timeline.map((e) => [e.kind, e.toStatus, e.text])).toEqual([
    ['submitted', 'submitted', expect.stringContaining('无锡')],
    ['status', 'accepted', ''],
    ['note', null, '我们已经联系上老板，这周给您回话'],
  ])
  expect(JSON.stringify(mine)).not.toContain('内部')
  const staffView = (await read(trackingNo, wuxiStaff)).json()
  expect(staffView.timeline.map((e: { text: string; visibleToWorker: boolean }) => [e.text, e.visibleToWorker]).slice(1)).toEqual([
    ['内部：老板电话打不通', false],
    ['我们已经联系上老板，这周给您回话', true],
    ['内部：这家公司去年也欠过薪', false],
  ])
  expect(staffView.timeline[2].staffName).toBe('无锡流动党员党支部')
})

test('the worker adds information and photos to an open case, not to a closed one', async () => {
  const { trackingNo } = await create()
  const photo = await uploadId()
  const res = await message(trackingNo, { text: '补充：工头姓王，电话我有', attachmentIds: [photo] })
  expect(res.statusCode).toBe(201)
  const last = res.json().timeline.at(-1)
  expect(last).toMatchObject({ kind: 'message', author: 'worker', text: '补充：工头姓王，电话我有' })
  expect(last.attachments.map((a: { id: string }) => a.id)).toEqual([photo])
  expect((await t.app.inject({ url: `/api/uploads/${photo}`, headers: bearer(wuxiStaff) })).statusCode).toBe(200)
  expect((await message(trackingNo, { text: '' })).json().error.fields.text).toBeDefined()
  expect((await message(trackingNo, { attachmentIds: [await uploadId(other.token)] })).statusCode).toBe(400)

  const closed = await caseAt('closed')
  expect((await message(closed, { text: '还有一件事' })).statusCode).toBe(409)
})

test('the worker confirms and rates a resolved case', async () => {
  const trackingNo = await caseAt('resolved')
  expect((await closeCase(trackingNo, { rating: 6 })).json().error.fields.rating).toMatch(/星/)
  expect((await closeCase(trackingNo, {})).statusCode).toBe(400)
  t.clock.set(later(HOUR))
  const res = await closeCase(trackingNo, { rating: 5, comment: '谢谢工作站，钱要回来了' })
  expect(res.json()).toMatchObject({ status: 'closed', rating: 5, ratingComment: '谢谢工作站，钱要回来了', closedAt: later(HOUR).toISOString(), autoCloseAt: null })
  expect(res.json().timeline.at(-1)).toMatchObject({ kind: 'status', fromStatus: 'resolved', toStatus: 'closed', author: 'worker' })
})

test('a case not accepted within 24 hours is overdue in the queue', async () => {
  const { trackingNo } = await create({ ...validBody, employerName: '超时测试公司' })
  const flagged = async (query = 'limit=50') =>
    (await staffList(`${query}&q=${encodeURIComponent('超时测试公司')}`)).json().items.find((i: { trackingNo: string }) => i.trackingNo === trackingNo)
  t.clock.set(later(23 * HOUR))
  expect((await flagged()).overdue).toBe(false)
  expect(await flagged('overdue=true&limit=50')).toBeUndefined()
  expect(await flagged('overdue=false&limit=50')).toBeDefined()
  t.clock.set(later(25 * HOUR))
  expect((await flagged()).overdue).toBe(true)
  expect(await flagged('overdue=true&limit=50')).toBeDefined()
  expect(await flagged('overdue=false&limit=50')).toBeUndefined()
  expect((await read(trackingNo, admin)).json().overdue).toBe(true)
  await move(trackingNo, 'accepted')
  expect((await flagged()).overdue).toBe(false)
})

test('a resolved case closes by itself 7 days later, on read and in the staff queue', async () => {
  const trackingNo = await caseAt('resolved')
  const resolved = (await read(trackingNo, worker.token)).json()
  expect(resolved.autoCloseAt).toBe(later(7 * 24 * HOUR).toISOString())
  t.clock.set(later(7 * 24 * HOUR - 60_000))
  expect((await read(trackingNo, worker.token)).json().status).toBe('resolved')
  t.clock.set(later(7 * 24 * HOUR + 60_000))
  const inQueue = (await staffList('status=closed&limit=50')).json().items.map((i: { trackingNo: string }) => i.trackingNo)
  expect(inQueue).toContain(trackingNo)
  const closed = (await read(trackingNo, worker.token)).json()
  expect(closed).toMatchObject({ status: 'closed', closedAt: later(7 * 24 * HOUR).toISOString(), rating: null })
  expect(closed.timeline.filter((e: { toStatus: string }) => e.toStatus === 'closed')).toEqual([
    expect.objectContaining({ author: 'system', fromStatus: 'resolved', at: later(7 * 24 * HOUR).toISOString() }),
  ])
  expect((await closeCase(trackingNo, { rating: 5 })).statusCode).toBe(409)
})

// ── Export and deletion ──

test('export holds my cases unmasked; deleting the account keeps the cases without identity', async () => {
  const leaving = await signIn(t.app, '13900001009')
  const openPhoto = await uploadId(leaving.token)
  const closedPhoto = await uploadId(leaving.token)
  const loose = await uploadId(leaving.token)
  const open = await create({ ...validBody, contactName: '王小明', attachmentIds: [openPhoto] }, leaving.token)
  const done = await create({ ...validBody, attachmentIds: [closedPhoto] }, leaving.token)
  for (const to of ['accepted', 'in_progress', 'resolved']) await move(done.trackingNo, to)
  await closeCase(done.trackingNo, { rating: 5 }, leaving.token)

  const exported = (await t.app.inject({ url: '/api/me/export', headers: bearer(leaving.token) })).json()
  expect(exported.records.rightsRequests.map((r: { trackingNo: string }) => r.trackingNo)).toEqual([open.trackingNo, done.trackingNo])
  expect(exported.records.rightsRequests[0]).toMatchObject({ contactPhone: '13900001009', contactName: '王小明' })

  expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(leaving.token) })).statusCode).toBe(200)
  const kept = (await read(open.trackingNo, admin)).json()
  expect(kept).toMatchObject({ status: 'submitted', contactPhone: null, contactName: null, description: validBody.description })
  expect(kept.attachments.map((a: { id: string }) => a.id)).toEqual([openPhoto])
  const rows = await t.db.selectFrom('rights_requests').select(['user_id', 'contact_phone_enc', 'contact_name']).where('tracking_no', 'in', [open.trackingNo, done.trackingNo]).execute()
  expect(rows).toEqual([
    { user_id: null, contact_phone_enc: null, contact_name: null },
    { user_id: null, contact_phone_enc: null, contact_name: null },
  ])
  const files = fs.readdirSync(path.join(t.config.dataDir, 'uploads'))
  expect(files).toContain(openPhoto)
  expect(files).not.toContain(closedPhoto)
  expect(files).not.toContain(loose)
  expect(fs.existsSync(path.join(path.join(t.config.dataDir, 'uploads'), loose))).toBe(false)
  // The case can still be worked on.
  expect((await move(open.trackingNo, 'accepted')).statusCode).toBe(200)
})
