import { api } from '../../types'
import { findAudit } from '../audit/audit.repository'
import { bearer, signIn } from '../test-support/accounts'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'
import { usesPostgres } from '../test-support/test-app'
import { manifestCsv } from './staff-transport.service'
import { listDepartedRiders } from './transport.repository'

jest.setTimeout(60000)

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
// 10:00 in China: the seeded batches leave 4 to 26 days after this.
const T0 = new Date('2026-03-10T02:00:00.000Z')

const t = useTestApp({ start: T0 })
let admin: string
let kunshan: string
let wuxi: string
beforeAll(async () => {
  admin = await t.staffToken('admin')
  kunshan = await t.staffToken('kunshan')
  wuxi = await t.staffToken('wuxi')
})

let phoneCounter = 0
const newWorker = async (name?: string) => {
  const phone = `1372000${String(++phoneCounter).padStart(4, '0')}`
  const { token, user } = await signIn(t.app, phone)
  if (name) {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': key() }, payload: { name, hometownTownship: '洛门镇' } })
    expect(res.statusCode).toBe(200)
  }
  return { token, id: user.id, phone }
}

const seeded = async (seedKey: string) =>
  (await t.db.selectFrom('transport_batches').select('id').where('seed_key', '=', seedKey).executeTakeFirstOrThrow()).id

const signUp = (token: string, id: number, idempotencyKey = key()) =>
  t.app.inject({ method: 'POST', url: `/api/transport-batches/${id}/signups`, headers: { ...bearer(token), 'idempotency-key': idempotencyKey } })
const cancel = (token: string, signupId: number) => t.app.inject({ method: 'DELETE', url: `/api/transport-signups/${signupId}`, headers: bearer(token) })
const detail = (id: number, token?: string) => t.app.inject({ url: `/api/transport-batches/${id}`, headers: token ? bearer(token) : {} })

const batchBody = (over: Record<string, unknown> = {}) => ({
  departAt: new Date(t.clock().getTime() + 3 * DAY).toISOString(),
  departureTownship: '城关镇',
  meetingPoint: '县劳务输转服务中心门前',
  destinationProvince: '江苏省',
  destinationCity: '苏州市',
  vehicleKind: 'bus',
  seats: 3,
  ...over,
})
const createBatch = async (token: string, over: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/staff/transport-batches', headers: { ...bearer(token), 'idempotency-key': key() }, payload: batchBody(over) })
const newBatch = async (over: Record<string, unknown> = {}) => {
  const res = await createBatch(admin, over)
  expect(res.statusCode).toBe(201)
  return res.json() as { id: number; seatsLeft: number; status: string }
}

async function seatsOf(batchId: number) {
  const b = await t.db.selectFrom('transport_batches').select(['seats', 'seats_taken']).where('id', '=', batchId).executeTakeFirstOrThrow()
  const active = await t.db.selectFrom('transport_signups').select('id').where('batch_id', '=', batchId).where('status', '=', 'active').execute()
  return { ...b, active: active.length }
}

describe('seats', () => {
  test('40 workers at once for a 3-seat batch: exactly 3 seats, 37 told it is full', async () => {
    const batch = await newBatch({ seats: 3 })
    const workers = await Promise.all(Array.from({ length: 40 }, () => newWorker()))
    const started = Date.now()
    const responses = await Promise.all(workers.map((w) => signUp(w.token, batch.id)))
    const elapsed = Date.now() - started
    const codes = responses.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 201)).toHaveLength(3)
    expect(codes.filter((c) => c === 409)).toHaveLength(37)
    for (const r of responses.filter((x) => x.statusCode === 409)) expect(r.json().error.message).toContain('座位已经满了')
    expect(await seatsOf(batch.id)).toEqual({ seats: 3, seats_taken: 3, active: 3 })
    const after = (await detail(batch.id)).json()
    expect(after).toMatchObject({ seatsLeft: 0, status: 'full' })
    console.log(`40 concurrent transport sign-ups on ${usesPostgres() ? 'PostgreSQL' : 'SQLite'}: ${elapsed} ms`)
  })

  test('on two app instances sharing the database the limit still holds (PostgreSQL)', async () => {
    if (!usesPostgres()) return // SQLite: one writer per file; covered by the test above and BEGIN IMMEDIATE.
    const other = await t.secondInstance()
    const batch = await newBatch({ seats: 2 })
    const workers = await Promise.all(Array.from({ length: 12 }, () => newWorker()))
    const responses = await Promise.all(
      workers.map((w, i) =>
        (i % 2 ? other : t.app).inject({ method: 'POST', url: `/api/transport-batches/${batch.id}/signups`, headers: { ...bearer(w.token), 'idempotency-key': key() } }),
      ),
    )
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(2)
    expect(await seatsOf(batch.id)).toEqual({ seats: 2, seats_taken: 2, active: 2 })
  })

  test('sign up, see the boarding notice, cancel: the seat is free again', async () => {
    const batch = await newBatch({ seats: 1, meetingPoint: '洛门镇政府门前', whatToBring: '身份证' })
    const a = await newWorker()
    const b = await newWorker()
    const res = await signUp(a.token, batch.id)
    expect(res.statusCode).toBe(201)
    const signup = res.json()
    expect(signup).toMatchObject({ batchId: batch.id, status: 'active', batch: { meetingPoint: '洛门镇政府门前', whatToBring: '身份证', seatsLeft: 0, status: 'full' } })
    expect((await detail(batch.id, a.token)).json().mySignup).toMatchObject({ id: signup.id })
    expect((await detail(batch.id, b.token)).json().mySignup).toBeNull()
    expect((await detail(batch.id)).json().mySignup).toBeNull()
    expect((await signUp(b.token, batch.id)).statusCode).toBe(409)

    // Someone else's seat is not found; the owner's cancel frees it.
    expect((await cancel(b.token, signup.id)).statusCode).toBe(404)
    const cancelled = await cancel(a.token, signup.id)
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', batch: { seatsLeft: 1, status: 'open' } })
    expect((await cancel(a.token, signup.id)).json().status).toBe('cancelled') // a repeat changes nothing
    expect(await seatsOf(batch.id)).toEqual({ seats: 1, seats_taken: 0, active: 0 })
    expect((await signUp(b.token, batch.id)).statusCode).toBe(201)

    const mine = await t.app.inject({ url: '/api/me/transport-signups', headers: bearer(a.token) })
    expect(mine.json().items.map((s: { id: number; status: string }) => [s.id, s.status])).toEqual([[signup.id, 'cancelled']])
  })

  test('one seat per worker: a repeat with a new key returns the same seat; the same key replays', async () => {
    const batch = await newBatch({ seats: 5 })
    const w = await newWorker()
    const first = await signUp(w.token, batch.id, 'same-key-0001')
    const replay = await signUp(w.token, batch.id, 'same-key-0001')
    const again = await signUp(w.token, batch.id)
    const both = await Promise.all([signUp(w.token, batch.id), signUp(w.token, batch.id)])
    expect([first, replay, again, ...both].map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201])
    expect(new Set([first, replay, again, ...both].map((r) => r.json().id)).size).toBe(1)
    expect(replay.headers['idempotent-replayed']).toBeDefined()
    expect(await seatsOf(batch.id)).toEqual({ seats: 5, seats_taken: 1, active: 1 })
  })

  test('409: departed, cancelled, past the meeting time; 404: no such batch', async () => {
    const w = await newWorker()
    const gone = await newBatch()
    await t.db.updateTable('transport_batches').set({ status: 'departed', departed_at: t.clock().toISOString() }).where('id', '=', gone.id).execute()
    expect((await signUp(w.token, gone.id)).json().error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已经发车') })

    const off = await newBatch()
    await t.db.updateTable('transport_batches').set({ status: 'cancelled', cancelled_at: t.clock().toISOString() }).where('id', '=', off.id).execute()
    expect((await signUp(w.token, off.id)).json().error.message).toContain('已经取消')

    const late = await newBatch({ departAt: new Date(t.clock().getTime() + HOUR).toISOString(), meetAt: new Date(t.clock().getTime() - 10 * 60 * 1000).toISOString() })
    expect((await signUp(w.token, late.id)).statusCode).toBe(409)

    const ok = await newBatch()
    const seat = (await signUp(w.token, ok.id)).json()
    t.clock.set(new Date(t.clock().getTime() + 3 * DAY + HOUR)) // the vehicle has left
    expect((await signUp(w.token, ok.id)).statusCode).toBe(201) // asking again shows the seat held
    expect((await cancel(w.token, seat.id)).statusCode).toBe(409)
    expect((await signUp(w.token, 999999)).statusCode).toBe(404)
  })
})

describe('the list', () => {
  test('upcoming open batches by departure, with seats left; destination and month filters; pages', async () => {
    const all = (await t.app.inject({ url: '/api/transport-batches?limit=50' })).json()
    expect(all.items.length).toBeGreaterThanOrEqual(8)
    const departs = all.items.map((b: { departAt: string }) => b.departAt)
    expect([...departs].sort()).toEqual(departs)
    expect(all.items.every((b: { status: string; departAt: string }) => b.departAt > t.clock().toISOString() && (b.status === 'open' || b.status === 'full'))).toBe(true)
    const wx = all.items.find((b: { destinationCity: string }) => b.destinationCity === '无锡市')
    expect(wx).toMatchObject({ seats: 49, seatsLeft: 49, vehicleKind: 'bus', departureTownship: '洛门镇', station: { name: expect.stringContaining('恒锐') } })

    for (const d of ['无锡', '无锡市']) {
      const res = (await t.app.inject({ url: `/api/transport-batches?destination=${encodeURIComponent(d)}` })).json()
      expect(res.items.map((b: { destinationCity: string }) => b.destinationCity)).toEqual(['无锡市'])
    }
    const jiangsu = (await t.app.inject({ url: `/api/transport-batches?destination=${encodeURIComponent('江苏')}&limit=50` })).json()
    expect(jiangsu.items.length).toBeGreaterThanOrEqual(2)
    expect(jiangsu.items.every((b: { destinationProvince: string }) => b.destinationProvince === '江苏省')).toBe(true)

    const march = (await t.app.inject({ url: '/api/transport-batches?month=2026-03&limit=50' })).json()
    const april = (await t.app.inject({ url: '/api/transport-batches?month=2026-04&limit=50' })).json()
    expect(march.items.length + april.items.length).toBe(all.items.length)
    expect(april.items.every((b: { departAt: string }) => b.departAt >= '2026-03-31T16:00:00.000Z')).toBe(true)

    const seen: number[] = []
    let cursor: string | null = null
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await t.app.inject({ url: `/api/transport-batches?limit=3${cursor ? `&cursor=${cursor}` : ''}` })
      ).json()
      seen.push(...page.items.map((b) => b.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(all.items.map((b: { id: number }) => b.id))
    expect((await t.app.inject({ url: '/api/transport-batches?month=2026-3' })).statusCode).toBe(400)
  })

  test('a month that does not exist is a 400 naming the month, not a 500', async () => {
    for (const month of ['2026-13', '9999-12', '0000-00', '2026-00']) {
      const res = await t.app.inject({ url: `/api/transport-batches?month=${month}` })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.fields.month).toMatch(/月份/)
    }
  })
})

describe('staff', () => {
  test('who may schedule: admin any station, station staff their own, workers never', async () => {
    const kunshanStation = (await t.db.selectFrom('stations').select('id').where('seed_key', '=', 'station-kunshan').executeTakeFirstOrThrow()).id
    const wuxiStation = (await t.db.selectFrom('stations').select('id').where('seed_key', '=', 'branch-wuxi').executeTakeFirstOrThrow()).id
    const own = await createBatch(kunshan, {})
    expect(own.statusCode).toBe(201)
    expect(own.json().station.id).toBe(kunshanStation)
    expect((await createBatch(kunshan, { stationId: wuxiStation })).statusCode).toBe(403)
    expect((await createBatch(admin, { stationId: wuxiStation })).json().station.id).toBe(wuxiStation)
    const w = await newWorker()
    expect((await createBatch(w.token)).statusCode).toBe(403)
    const bad = await createBatch(admin, { departAt: new Date(t.clock().getTime() - HOUR).toISOString(), seats: 0 })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['seats'])
    const past = await createBatch(admin, { departAt: new Date(t.clock().getTime() - HOUR).toISOString() })
    expect(past.json().error.fields).toEqual({ departAt: '发车时间要在现在以后' })
    const audit = await findAudit(t.db, 'transport_batch', own.json().id)
    expect(audit.map((a) => a.action)).toEqual(['transport.create'])
  })

  test('manifest: the station sees masked phones, admin the full ones, another station and workers nothing', async () => {
    const id = await seeded('transport-kunshan-1')
    const a = await newWorker('王小红')
    const b = await newWorker('李建国')
    expect((await signUp(a.token, id)).statusCode).toBe(201)
    expect((await signUp(b.token, id)).statusCode).toBe(201)

    const url = `/api/staff/transport-batches/${id}/manifest`
    const own = await t.app.inject({ url, headers: bearer(kunshan) })
    expect(own.statusCode).toBe(200)
    expect(own.headers['cache-control']).toBe('no-store')
    expect(own.json().riders).toEqual([
      { seq: 1, signupId: expect.any(Number), name: '王小红', phone: `${a.phone.slice(0, 3)}****${a.phone.slice(7)}`, hometownTownship: '洛门镇', signedUpAt: expect.any(String) },
      { seq: 2, signupId: expect.any(Number), name: '李建国', phone: `${b.phone.slice(0, 3)}****${b.phone.slice(7)}`, hometownTownship: '洛门镇', signedUpAt: expect.any(String) },
    ])
    expect((await t.app.inject({ url, headers: bearer(admin) })).json().riders.map((r: { phone: string }) => r.phone)).toEqual([a.phone, b.phone])
    expect((await t.app.inject({ url, headers: bearer(wuxi) })).statusCode).toBe(403)
    expect((await t.app.inject({ url, headers: bearer(a.token) })).statusCode).toBe(403)
    expect((await t.app.inject({ url })).statusCode).toBe(401)
    expect((await t.app.inject({ url: `${url}?format=xls`, headers: bearer(admin) })).statusCode).toBe(400)

    const csv = await t.app.inject({ url: `${url}?format=csv`, headers: bearer(kunshan) })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="manifest-\d+\.csv"; filename\*=UTF-8''/)
    const raw = csv.rawPayload
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = raw.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe('序号,姓名,手机号,家乡乡镇,报名时间')
    expect(lines[1]).toMatch(new RegExp(`^1,王小红,${a.phone.slice(0, 3)}\\*\\*\\*\\*${a.phone.slice(7)},洛门镇,2026-03-10 10:00$`))
    expect(lines).toHaveLength(4) // header, two riders, the final line end
    expect(csv.body).not.toContain(a.phone)

    // Every answered read of the riders' phones is in the access log; refused reads are not.
    const logged = await t.db.selectFrom('access_log').selectAll().where('action', '=', 'manifest_read').orderBy('id').execute()
    expect(logged.map((l) => l.detail)).toEqual([
      expect.stringMatching(new RegExp(`^专车 #${id}（.+ → .+）乘车名单 JSON 2 人，电话已遮挡$`)),
      expect.stringMatching(/乘车名单 JSON 2 人，电话完整$/),
      expect.stringMatching(/乘车名单 CSV 2 人，电话已遮挡$/),
    ])
    expect(JSON.stringify(logged)).not.toContain(a.phone)
  })

  test('the CSV escapes commas, quotes and line breaks, and neutralises formulas', () => {
    const csv = manifestCsv([
      { seq: 1, signupId: 1, name: '张,三', phone: '139****0002', hometownTownship: '说"好"的', signedUpAt: '2026-03-10T02:00:00.000Z' },
      { seq: 2, signupId: 2, name: '=HYPERLINK("x")', phone: '已注销', hometownTownship: '一\n二', signedUpAt: '2026-03-10T17:30:00.000Z' },
      { seq: 3, signupId: 3, name: null, phone: '+86', hometownTownship: null, signedUpAt: '2026-03-10T02:00:00.000Z' },
    ])
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF序号,姓名,手机号,家乡乡镇,报名时间',
      '1,"张,三",139****0002,"说""好""的",2026-03-10 10:00',
      `2,"'=HYPERLINK(""x"")",已注销,"一\n二",2026-03-11 01:30`,
      "3,,'+86,,2026-03-10 10:00",
      '',
    ])
  })

  test('depart: riders count as sent out by province; afterwards no sign-up or cancel; station scoping holds', async () => {
    const id = await seeded('transport-wuxi-1') // a recruitment point: neither seeded station account runs it
    const riders = await Promise.all([newWorker(), newWorker(), newWorker()])
    const seats = []
    for (const r of riders) seats.push((await signUp(r.token, id)).json())
    expect((await cancel(riders[2].token, seats[2].id)).statusCode).toBe(200) // gave the seat up: not sent out

    const url = `/api/staff/transport-batches/${id}/depart`
    expect((await t.app.inject({ method: 'POST', url, headers: bearer(kunshan) })).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'POST', url, headers: bearer(riders[0].token) })).statusCode).toBe(403)
    // What the staff figures count: riders of departed batches since a China date's start, by destination province.
    const since = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString()
    const toJiangsu = async (date: string) => (await listDepartedRiders(t.db, since(date))).filter((r) => r.province === '江苏省').length
    const before = await toJiangsu('2026-03-01')
    t.clock.set(new Date(T0.getTime() + 6 * DAY))
    const res = await t.app.inject({ method: 'POST', url, headers: bearer(admin) })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id, status: 'departed', riders: 2, seatsLeft: 0 })
    const again = await t.app.inject({ method: 'POST', url, headers: bearer(admin) })
    expect(again.json()).toMatchObject({ status: 'departed', riders: 2 })
    expect((await findAudit(t.db, 'transport_batch', id)).map((a) => a.action)).toEqual(['transport.depart'])

    expect((await toJiangsu('2026-03-01')) - before).toBe(2)
    expect(await listDepartedRiders(t.db, since('2026-03-17'))).toEqual([]) // departed on the 16th (China date)
    expect(await toJiangsu('2026-03-16')).toBe(2)

    expect((await signUp(riders[2].token, id)).statusCode).toBe(409)
    expect((await cancel(riders[0].token, seats[0].id)).statusCode).toBe(409)

    // A rider who deletes the account afterwards still counts as sent out.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(riders[0].token) })).statusCode).toBe(200)
    expect((await toJiangsu('2026-03-01')) - before).toBe(2)
    const manifest = (await t.app.inject({ url: `/api/staff/transport-batches/${id}/manifest`, headers: bearer(admin) })).json()
    expect(manifest.riders.map((r: { name: string | null; phone: string }) => [r.name, r.phone])).toEqual([
      [null, '已注销'],
      [null, riders[1].phone],
    ])
  })
})

describe('my data', () => {
  test('export lists my seats; deleting the account gives an upcoming seat back', async () => {
    const batch = await newBatch({ seats: 1 })
    const w = await newWorker()
    const seat = (await signUp(w.token, batch.id)).json()
    const exported = (await t.app.inject({ url: '/api/me/export', headers: bearer(w.token) })).json()
    expect(exported.records.transportSignups).toEqual([
      { id: seat.id, status: 'active', createdAt: seat.createdAt, cancelledAt: null, batch: expect.objectContaining({ id: batch.id, to: '苏州市' }) },
    ])
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(w.token) })).statusCode).toBe(200)
    expect(await seatsOf(batch.id)).toEqual({ seats: 1, seats_taken: 0, active: 0 })
    const row = await t.db.selectFrom('transport_signups').select(['user_id', 'status']).where('id', '=', seat.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ user_id: null, status: 'cancelled' })
  })

  test('the contract lists every endpoint of the area', () => {
    expect(Object.keys(api)).toEqual(
      expect.arrayContaining(['listTransportBatches', 'getTransportBatch', 'signUpForTransport', 'cancelTransportSignup', 'listMyTransportSignups', 'staffCreateTransportBatch', 'staffTransportManifest', 'staffDepartTransportBatch']),
    )
  })
})
