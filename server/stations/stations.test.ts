import { z } from 'zod/mini'
import { api } from '../../types'
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'

const now = new Date('2026-03-10T02:00:00.000Z')
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock: () => now })
})
afterAll(() => t.close())

const get = async (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers })
const stationId = async (seedKey: string) =>
  (await t.db.selectFrom('stations').select('id').where('seed_key', '=', seedKey).executeTakeFirstOrThrow()).id

/** UTF-8 byte order is code-point order: an implementation independent of the server's comparator. */
const utf8Compare = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))

describe('list order', () => {
  test('without a position: province, city, type, name by code point, the same on both databases', async () => {
    const body = z.parse(api.listStations.response, (await get('/api/stations')).json())
    const expected = [...body.items].sort(
      (a, b) =>
        utf8Compare(a.province, b.province) ||
        utf8Compare(a.city, b.city) ||
        utf8Compare(a.type, b.type) ||
        utf8Compare(a.name, b.name) ||
        a.id - b.id,
    )
    expect(body.items.map((s) => s.id)).toEqual(expected.map((s) => s.id))
    // Locale collation (PostgreSQL's default) puts 上海 (U+4E0A) after 北京 (U+5317) by pinyin; code points do not.
    const provinces = [...new Set(body.items.map((s) => s.province))]
    expect(provinces.indexOf('上海市')).toBeLessThan(provinces.indexOf('北京市'))
    expect(body.items.every((s) => s.distanceKm === undefined)).toBe(true)
  })

  test.each([
    // GCJ-02 points in each destination city; the first answer is that city's branch.
    ['无锡', 31.5747, 120.2988, '武山县驻江苏无锡流动党员党支部'],
    ['乌鲁木齐', 43.8256, 87.6168, '武山县驻新疆乌鲁木齐流动党员党支部'],
    ['天津北辰', 39.225, 117.133, '武山县驻天津北辰流动党员党支部'],
    ['惠州', 23.1115, 114.4158, '武山县驻广东惠州流动党员党支部'],
    ['成都', 30.6598, 104.0657, '武山县驻四川成都流动党员党支部'],
  ])('nearest first from %s', async (_city, lat, lng, first) => {
    const body = z.parse(api.listStations.response, (await get(`/api/stations?lat=${lat}&lng=${lng}`)).json())
    expect(body.items[0].name).toBe(first)
    expect(body.items[0].distanceKm).toBeGreaterThan(0)
    expect(body.items[0].distanceKm).toBeLessThan(15)
    const km = body.items.map((s) => s.distanceKm!)
    expect(km).toEqual([...km].sort((a, b) => a - b))
    // Metre precision, so the app can say "800 米".
    expect(km.every((d) => Math.abs(d * 1000 - Math.round(d * 1000)) < 1e-6)).toBe(true)
  })

  test('type filter with a position keeps only that type, nearest first', async () => {
    const body = z.parse(api.listStations.response, (await get('/api/stations?type=labour_station&lat=31.3&lng=120.6')).json())
    expect(body.items.every((s) => s.type === 'labour_station')).toBe(true)
    expect(body.items[0].name).toBe('武山县驻江苏昆山劳务工作站')
  })

  test.each([
    ['lat=91&lng=10', ['lat']],
    ['lat=10&lng=-181', ['lng']],
    ['lat=abc&lng=10', ['lat']],
    ['lat=31', ['lng']],
    ['lng=120', ['lng']],
  ])('bad coordinates %s are a 400 naming the field', async (qs, fields) => {
    const res = await get(`/api/stations?${qs}`)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(res.json().error.fields)).toEqual(fields)
    expect(Object.values(res.json().error.fields).join('')).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('cities', () => {
  test('each city once, its branch as the point; choosing it puts that branch first', async () => {
    const res = await get('/api/stations/cities')
    expect(res.statusCode).toBe(200)
    const { items } = z.parse(api.listStationCities.response, res.json())
    const all = (await get('/api/stations?limit=200')).json().items as { city: string; province: string }[]
    expect(items.map((c) => c.city).sort()).toEqual([...new Set(all.map((s) => s.city))].sort())
    expect(items.reduce((n, c) => n + c.stationCount, 0)).toBe(all.length)
    const wuxi = items.find((c) => c.city === '无锡市')!
    expect(wuxi).toMatchObject({ province: '江苏省', lat: 31.55031, lng: 120.36218, stationCount: 2 })
    for (const city of ['乌鲁木齐市', '惠州市', '天津市', '无锡市']) {
      const c = items.find((i) => i.city === city)!
      const first = (await get(`/api/stations?lat=${c.lat}&lng=${c.lng}`)).json().items[0]
      expect(first).toMatchObject({ city, type: 'party_branch', distanceKm: 0 })
    }
  })
})

describe('Party members', () => {
  let wuxi: number
  let urumqi: number
  let kunshanStation: number
  let staff: { wuxi: string; kunshan: string; admin: string }
  let keyN = 0
  const key = () => `party-test-${++keyN}-${Date.now()}`

  beforeAll(async () => {
    wuxi = await stationId('branch-wuxi')
    urumqi = await stationId('branch-urumqi')
    kunshanStation = await stationId('station-kunshan')
    staff = {
      wuxi: (await staffSignIn(t.app, 'wuxi', t.config.staffPasswords.wuxi)).token,
      kunshan: (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token,
      admin: (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token,
    }
  })

  const register = (token: string, id: number, body: object, k = key()) =>
    t.app.inject({ method: 'POST', url: `/api/stations/${id}/members`, headers: { ...bearer(token), 'idempotency-key': k }, payload: body })
  const consent = (token: string, granted: boolean) =>
    t.app.inject({ method: 'POST', url: '/api/me/consents', headers: bearer(token), payload: { kind: 'party_membership', version: '2026-11', granted } })
  const members = (token: string, id: number) => get(`/api/staff/stations/${id}/members`, bearer(token))
  const mine = async (token: string) => (await get('/api/me/party-memberships', bearer(token))).json().items as { stationId: number }[]

  test('needs the separate consent; then once per branch; the replay is identical', async () => {
    const { token } = await signIn(t.app, '13900000101')
    const refused = await register(token, wuxi, { name: '马建军' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.message).toMatch(/单独同意/)
    expect(await t.db.selectFrom('party_memberships').selectAll().execute()).toHaveLength(0)

    expect((await consent(token, true)).statusCode).toBe(200)
    const k = key()
    const res = await register(token, wuxi, { name: '马建军', joinedPartyYear: 2008, note: '  在新区电子厂  ' }, k)
    expect(res.statusCode).toBe(201)
    const m = z.parse(api.registerPartyMember.response, res.json())
    expect(m).toMatchObject({ stationId: wuxi, stationName: '武山县驻江苏无锡流动党员党支部', name: '马建军', joinedPartyYear: 2008, note: '在新区电子厂' })
    const replay = await register(token, wuxi, { name: '马建军', joinedPartyYear: 2008, note: '  在新区电子厂  ' }, k)
    expect(replay.statusCode).toBe(201)
    expect(replay.json()).toEqual(res.json())

    const again = await register(token, wuxi, { name: '马建军' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toMatch(/已经在这个支部登记过/)
    // Another branch is a separate registration.
    expect((await register(token, urumqi, { name: '马建军' })).statusCode).toBe(201)
    expect((await mine(token)).map((x) => x.stationId).sort()).toEqual([wuxi, urumqi].sort())
  })

  test('only Party branches; unknown ids 404; bad fields 400 with names', async () => {
    const { token } = await signIn(t.app, '13900000102')
    await consent(token, true)
    const station = await register(token, kunshanStation, { name: '李娟' })
    expect(station.statusCode).toBe(409)
    expect(station.json().error.message).toMatch(/只有流动党员党支部/)
    expect((await register(token, 424242, { name: '李娟' })).statusCode).toBe(404)
    const bad = await register(token, wuxi, { name: 'x', joinedPartyYear: 1900 })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['joinedPartyYear', 'name'])
    const future = await register(token, wuxi, { name: '李娟', joinedPartyYear: 2027 })
    expect(future.statusCode).toBe(400)
    expect(future.json().error.fields.joinedPartyYear).toBe('入党年份不能晚于今年')
    expect((await register(token, wuxi, { name: '李娟' }, '')).statusCode).toBe(400)
    expect(await mine(token)).toEqual([])
  })

  test("visible to that branch's staff and admins only", async () => {
    const { token } = await signIn(t.app, '13900000103')
    await consent(token, true)
    expect((await register(token, wuxi, { name: '王小红', joinedPartyYear: 2015 })).statusCode).toBe(201)

    const own = await members(staff.wuxi, wuxi)
    expect(own.statusCode).toBe(200)
    const list = z.parse(api.listBranchMembers.response, own.json()).items
    expect(list.find((m) => m.name === '王小红')).toMatchObject({ phone: '139****0103', joinedPartyYear: 2015 })
    expect(own.body).not.toContain('13900000103')

    const admin = await members(staff.admin, wuxi)
    expect(admin.statusCode).toBe(200)
    expect(admin.json().items.map((m: { name: string }) => m.name)).toContain('王小红')

    const other = await members(staff.kunshan, wuxi)
    expect(other.statusCode).toBe(403)
    expect(other.body).not.toContain('王小红')
    expect((await members(staff.kunshan, 424242)).statusCode).toBe(403)
    expect((await members(staff.admin, 424242)).statusCode).toBe(404)
    expect((await members(token, wuxi)).statusCode).toBe(403)
    expect((await get(`/api/staff/stations/${wuxi}/members`)).statusCode).toBe(401)
    // Staff tokens cannot register, and one worker's list never shows another's.
    expect((await register(staff.wuxi, wuxi, { name: '王小红' })).statusCode).toBe(403)
    const stranger = await signIn(t.app, '13900000104')
    expect(await mine(stranger.token)).toEqual([])
  })

  test('withdrawing the consent deletes the registrations; granting again does not bring them back', async () => {
    const { token, user } = await signIn(t.app, '13900000105')
    await consent(token, true)
    await register(token, wuxi, { name: '张卫东' })
    await register(token, urumqi, { name: '张卫东' })
    const exported = (await get('/api/me/export', bearer(token))).json()
    expect(exported.records.partyMemberships.map((m: { name: string }) => m.name)).toEqual(['张卫东', '张卫东'])

    expect((await consent(token, false)).statusCode).toBe(200)
    expect(await mine(token)).toEqual([])
    expect(await t.db.selectFrom('party_memberships').selectAll().where('user_id', '=', user.id).execute()).toEqual([])
    expect((await members(staff.wuxi, wuxi)).json().items.map((m: { name: string }) => m.name)).not.toContain('张卫东')
    expect((await get('/api/me/export', bearer(token))).json().records.partyMemberships).toEqual([])

    await consent(token, true)
    expect(await mine(token)).toEqual([])
    // Registering after withdrawing needs the consent again, and works once it is given.
    expect((await register(token, wuxi, { name: '张卫东' })).statusCode).toBe(201)
  })

  test('deleting the account deletes the registrations', async () => {
    const { token, user } = await signIn(t.app, '13900000106')
    await consent(token, true)
    await register(token, wuxi, { name: '赵红梅' })
    const del = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(token) })
    expect(del.statusCode).toBe(200)
    expect(await t.db.selectFrom('party_memberships').selectAll().where('user_id', '=', user.id).execute()).toEqual([])
    expect((await members(staff.wuxi, wuxi)).json().items.map((m: { name: string }) => m.name)).not.toContain('赵红梅')
  })
})
