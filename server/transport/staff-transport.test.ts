/** Staff side of 点对点 transport: the workbench list, cancelling a batch, and departed riders in the figures. */
import { z } from 'zod/mini'
import { api } from '../../types'
import { findAudit } from '../audit/audit.repository'
import { transportBatchBody } from '../test-support/bodies'
import { bearer, workerSignIns } from '../test-support/accounts'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'

jest.setTimeout(60000)

const DAY = 24 * 60 * 60 * 1000
// 10:00 in China on 10 March.
const T0 = new Date('2026-03-10T02:00:00.000Z')

const t = useTestApp({ start: T0 })
let admin: string
let kunshan: string
let wuxi: string
let kunshanStation: number
beforeAll(async () => {
  admin = await t.staffToken('admin')
  kunshan = await t.staffToken('kunshan')
  wuxi = await t.staffToken('wuxi')
  kunshanStation = (await t.db.selectFrom('stations').select('id').where('seed_key', '=', 'station-kunshan').executeTakeFirstOrThrow()).id
})

const newWorker = workerSignIns('1372100', () => t.app)

const post = (token: string, url: string, payload?: object, idempotent = false) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...(idempotent ? { 'idempotency-key': key() } : {}) }, ...(payload ? { payload } : {}) })

async function newBatch(token: string, over: Record<string, unknown> = {}) {
  const res = await post(token, '/api/staff/transport-batches', transportBatchBody(t.clock(), over), true)
  expect(res.statusCode).toBe(201)
  return res.json() as { id: number }
}
const signUp = (token: string, id: number) => post(token, `/api/transport-batches/${id}/signups`, undefined, true)
const cancelBatch = (token: string, id: number, reason: unknown = '用工单位推迟到下个月开工') => post(token, `/api/staff/transport-batches/${id}/cancel`, { reason })
const depart = (token: string, id: number) => post(token, `/api/staff/transport-batches/${id}/depart`)
const seatsOf = async (id: number) => {
  const b = await t.db.selectFrom('transport_batches').select(['seats_taken']).where('id', '=', id).executeTakeFirstOrThrow()
  const active = await t.db.selectFrom('transport_signups').select('id').where('batch_id', '=', id).where('status', '=', 'active').execute()
  return { taken: b.seats_taken, active: active.length }
}

describe('cancelling a batch', () => {
  test('its own station cancels with a reason: every seat is given back and the riders read the reason', async () => {
    const batch = await newBatch(kunshan)
    const riders = [await newWorker(), await newWorker()]
    for (const r of riders) expect((await signUp(r.token, batch.id)).statusCode).toBe(201)

    // Who may not: another station, a worker, nobody signed in; a reason is required.
    expect((await cancelBatch(wuxi, batch.id)).statusCode).toBe(403)
    expect((await cancelBatch(riders[0].token, batch.id)).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'POST', url: `/api/staff/transport-batches/${batch.id}/cancel`, payload: { reason: 'x' } })).statusCode).toBe(401)
    const blank = await cancelBatch(kunshan, batch.id, '   ')
    expect(blank.statusCode).toBe(400)
    expect(blank.json().error.fields).toEqual({ reason: '请填写这一项' })
    expect(await seatsOf(batch.id)).toEqual({ taken: 2, active: 2 })

    t.clock.set(new Date(T0.getTime() + 60_000))
    const res = await cancelBatch(kunshan, batch.id)
    expect(res.statusCode).toBe(200)
    const cancelled = z.parse(api.staffCancelTransportBatch.response, res.json())
    expect(cancelled).toMatchObject({ id: batch.id, status: 'cancelled', cancelReason: '用工单位推迟到下个月开工', seatsLeft: 0, released: 2 })
    expect(await seatsOf(batch.id)).toEqual({ taken: 0, active: 0 })

    // 我报名的车: the seat shows cancelled, on a cancelled batch, with the reason.
    const mine = (await t.app.inject({ url: '/api/me/transport-signups', headers: bearer(riders[0].token) })).json()
    expect(mine.items[0]).toMatchObject({
      batchId: batch.id,
      status: 'cancelled',
      cancelledAt: t.clock().toISOString(),
      batch: { status: 'cancelled', cancelReason: '用工单位推迟到下个月开工' },
    })
    expect((await t.app.inject({ url: `/api/transport-batches/${batch.id}` })).json()).toMatchObject({ status: 'cancelled', cancelReason: '用工单位推迟到下个月开工' })
    const open = (await t.app.inject({ url: '/api/transport-batches?limit=50' })).json().items.map((b: { id: number }) => b.id)
    expect(open).not.toContain(batch.id)
    expect((await signUp(riders[0].token, batch.id)).statusCode).toBe(409)

    // A repeat changes nothing (the first reason stays); the manifest is empty.
    const again = await cancelBatch(kunshan, batch.id, '别的原因')
    expect(again.json()).toMatchObject({ status: 'cancelled', cancelReason: '用工单位推迟到下个月开工', released: 0 })
    expect((await t.app.inject({ url: `/api/staff/transport-batches/${batch.id}/manifest`, headers: bearer(kunshan) })).json().riders).toEqual([])

    const audit = await findAudit(t.db, 'transport_batch', batch.id)
    expect(audit.map((a) => [a.action, a.actor_kind])).toEqual([
      ['transport.create', 'staff'],
      ['transport.cancel', 'staff'],
    ])
    expect(JSON.parse(audit[1].before_json!)).toMatchObject({ status: 'open', seatsLeft: 3, cancelReason: null })
    expect(JSON.parse(audit[1].after_json!)).toMatchObject({ status: 'cancelled', released: 2, cancelReason: '用工单位推迟到下个月开工' })
    expect(audit[1].after_json).not.toContain(riders[0].phone)
  })

  test('a departed batch cannot be cancelled (409); admins cancel any station’s; an unknown one is 404', async () => {
    const gone = await newBatch(kunshan)
    expect((await depart(kunshan, gone.id)).statusCode).toBe(200)
    const refused = await cancelBatch(kunshan, gone.id)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.message).toContain('已经发车')
    expect((await t.db.selectFrom('transport_batches').select('status').where('id', '=', gone.id).executeTakeFirstOrThrow()).status).toBe('departed')

    const theirs = await newBatch(kunshan)
    expect((await cancelBatch(admin, theirs.id, '车辆故障')).json()).toMatchObject({ status: 'cancelled', cancelReason: '车辆故障' })
    expect((await depart(kunshan, theirs.id)).statusCode).toBe(409)
    expect((await cancelBatch(admin, 999999)).statusCode).toBe(404)
  })

  test('seats taken while the batch is being cancelled all end up given back', async () => {
    const batch = await newBatch(kunshan, { seats: 10 })
    const workers = await Promise.all(Array.from({ length: 6 }, () => newWorker()))
    const results = await Promise.all([...workers.map((w) => signUp(w.token, batch.id)), cancelBatch(kunshan, batch.id)])
    const signups = results.slice(0, -1).map((r) => r.statusCode)
    expect(signups.every((s) => s === 201 || s === 409)).toBe(true)
    expect(results.at(-1)!.json().released).toBe(signups.filter((s) => s === 201).length)
    expect(await seatsOf(batch.id)).toEqual({ taken: 0, active: 0 })
  })
})

describe('the staff list', () => {
  test('station staff see their own station’s batches, admins all; latest departure first, with seats taken; pages', async () => {
    const later = await newBatch(kunshan, { departAt: new Date(T0.getTime() + 40 * DAY).toISOString(), seats: 4 })
    const w = await newWorker()
    expect((await signUp(w.token, later.id)).statusCode).toBe(201)
    const elsewhere = await newBatch(admin, { stationId: null, departAt: new Date(T0.getTime() + 41 * DAY).toISOString() })
    const off = await newBatch(kunshan, { departAt: new Date(T0.getTime() + 39 * DAY).toISOString() })
    expect((await cancelBatch(kunshan, off.id)).statusCode).toBe(200)

    const list = async (token: string, query = '') => t.app.inject({ url: `/api/staff/transport-batches?limit=50${query}`, headers: bearer(token) })
    const own = z.parse(api.staffListTransportBatches.response, (await list(kunshan)).json())
    expect(own.items.length).toBeGreaterThan(1)
    expect(own.items.every((b) => b.station?.id === kunshanStation)).toBe(true)
    expect(own.items[0]).toMatchObject({ id: later.id, seats: 4, seatsTaken: 1, seatsLeft: 3, status: 'open', departedAt: null, cancelledAt: null })
    const departs = own.items.map((b) => b.departAt)
    expect([...departs].sort().reverse()).toEqual(departs)
    expect(own.items.map((b) => b.id)).not.toContain(elsewhere.id)

    const all = (await list(admin)).json().items.map((b: { id: number }) => b.id)
    expect(all[0]).toBe(elsewhere.id)
    expect(all).toEqual(expect.arrayContaining(own.items.map((b) => b.id)))
    expect((await list(wuxi)).json().items.map((b: { id: number }) => b.id)).not.toContain(later.id)

    const cancelled = (await list(kunshan, '&status=cancelled')).json().items
    expect(cancelled.map((b: { id: number }) => b.id)).toContain(off.id)
    expect(cancelled.every((b: { status: string; cancelReason: string | null; cancelledAt: string | null }) => b.status === 'cancelled' && b.cancelReason && b.cancelledAt)).toBe(true)
    expect((await list(kunshan, '&status=departed')).json().items.every((b: { status: string; departedAt: string | null }) => b.status === 'departed' && b.departedAt)).toBe(true)
    expect((await list(kunshan, '&status=full')).statusCode).toBe(400)

    const seen: number[] = []
    let cursor: string | null = null
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await t.app.inject({ url: `/api/staff/transport-batches?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(kunshan) })
      ).json()
      seen.push(...page.items.map((b) => b.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(own.items.map((b) => b.id))

    expect((await list(w.token)).statusCode).toBe(403)
    expect((await t.app.inject({ url: '/api/staff/transport-batches' })).statusCode).toBe(401)
  })
})

describe('the figures', () => {
  const figures = async (token: string) => z.parse(api.staffGetFigures.response, (await t.app.inject({ url: '/api/staff/figures', headers: bearer(token) })).json())
  const province = (f: Awaited<ReturnType<typeof figures>>, name: string) => f.sentOut.byProvince.find((p) => p.province === name) ?? { month: 0, year: 0 }

  test('departed riders count as sent out by destination province, once per worker with a hire to the same province', async () => {
    const before = { kunshan: await figures(kunshan), wuxi: await figures(wuxi), admin: await figures(admin) }
    expect(before.kunshan.sentOut.sources).toEqual(['hired_applications', 'transport_riders'])

    // Worker A is hired through the app for a posting in 江苏省, then rides the station's bus there.
    const a = await newWorker()
    const b = await newWorker()
    const c = await newWorker()
    const job = await post(
      kunshan,
      '/api/staff/jobs',
      {
        title: '电子厂普工',
        employerName: '昆山立讯精密',
        employerPhone: '051257009999',
        trade: '普工',
        province: '江苏省',
        city: '昆山市',
        address: '昆山市开发区',
        wageMinYuan: 5000,
        wageMaxYuan: 6500,
        wageUnit: 'month',
        headcount: 30,
        description: '两班倒，包吃住',
        expiresAt: '2026-06-30',
      },
      true,
    )
    expect(job.statusCode).toBe(201)
    const application = await post(a.token, `/api/jobs/${job.json().id}/applications`, { note: '' }, true)
    expect(application.statusCode).toBe(200)
    expect((await post(kunshan, `/api/staff/applications/${application.json().id}/status`, { status: 'hired' }, true)).statusCode).toBe(200)

    const jiangsu = await newBatch(kunshan, { destinationProvince: '江苏省', destinationCity: '昆山市' })
    const zhejiang = await newBatch(kunshan, { destinationProvince: '浙江省', destinationCity: '宁波市' })
    const offBatch = await newBatch(kunshan, { destinationProvince: '浙江省', destinationCity: '宁波市' })
    for (const w of [a, b]) expect((await signUp(w.token, jiangsu.id)).statusCode).toBe(201)
    expect((await signUp(c.token, zhejiang.id)).statusCode).toBe(201)
    expect((await signUp(b.token, offBatch.id)).statusCode).toBe(201)
    expect((await cancelBatch(kunshan, offBatch.id)).statusCode).toBe(200) // never left: nobody sent out

    // Signed up is not sent out: only a departure counts.
    expect((await figures(kunshan)).sentOut.year - before.kunshan.sentOut.year).toBe(1) // the hire

    t.clock.set(new Date(T0.getTime() + 2 * DAY))
    for (const id of [jiangsu.id, zhejiang.id]) expect((await depart(kunshan, id)).statusCode).toBe(200)

    const after = await figures(kunshan)
    // 江苏省: A (hire + ride, one departure) and B; 浙江省: C.
    expect(province(after, '江苏省').month - province(before.kunshan, '江苏省').month).toBe(2)
    expect(province(after, '江苏省').year - province(before.kunshan, '江苏省').year).toBe(2)
    expect(province(after, '浙江省').month - province(before.kunshan, '浙江省').month).toBe(1)
    expect(after.sentOut.month - before.kunshan.sentOut.month).toBe(3)
    expect(after.sentOut.year - before.kunshan.sentOut.year).toBe(3)
    expect(after.sentOut.year).toBe(after.sentOut.byProvince.reduce((s, p) => s + p.year, 0))

    // The county sees them too; another station does not.
    expect((await figures(admin)).sentOut.year - before.admin.sentOut.year).toBe(3)
    expect((await figures(wuxi)).sentOut).toEqual(before.wuxi.sentOut)

    // Next month the same worker going to the same province again is a new departure; last month's stay in the year.
    t.clock.set(new Date('2026-04-02T02:00:00.000Z'))
    const april = await newBatch(kunshan, { destinationProvince: '江苏省', destinationCity: '苏州市' })
    expect((await signUp(a.token, april.id)).statusCode).toBe(201)
    expect((await depart(kunshan, april.id)).statusCode).toBe(200)
    const inApril = await figures(kunshan)
    expect(province(inApril, '江苏省')).toMatchObject({ month: 1, year: province(after, '江苏省').year + 1 })

    // A rider who deletes the account still counts.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(c.token) })).statusCode).toBe(200)
    expect(province(await figures(kunshan), '浙江省').year).toBe(province(inApril, '浙江省').year)
  })
})

test('the contract lists the staff transport endpoints', () => {
  expect(Object.keys(api)).toEqual(expect.arrayContaining(['staffListTransportBatches', 'staffCancelTransportBatch', 'staffCreateTransportBatch', 'staffDepartTransportBatch', 'staffTransportManifest']))
  expect(api.staffCancelTransportBatch).toMatchObject({ method: 'POST', path: '/staff/transport-batches/:id/cancel', access: 'staff' })
})
