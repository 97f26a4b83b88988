/**
 * Every roster route, table-driven, for each kind of caller: admin, township officers of 洛门镇 (A) and 城关镇 (B),
 * a village informant of one 洛门镇 village, station staff (昆山, in 苏州市), a worker and no token.
 */
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'

type Who = 'admin' | 'townshipA' | 'townshipB' | 'village' | 'station' | 'worker' | 'none'
const everyone: Who[] = ['admin', 'townshipA', 'townshipB', 'village', 'station', 'worker', 'none']

// Opening accounts hashes and changes passwords (scrypt) several times: slow on a busy machine.
jest.setTimeout(60_000)

let t: TestApp
const tokens = {} as Record<Who, string>
const ids = { target: 0, otherVillage: 0, chengguan: 0, village: 0, otherVillageId: 0, chengguanVillage: 0, renamable: 0 }
let seq = 100

beforeAll(async () => {
  t = await buildTestApp()
  tokens.admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  tokens.station = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  tokens.worker = (await signIn(t.app, '13900003001')).token
  tokens.none = ''
  const luomen = await villageOf(t.app, tokens.admin, '洛门镇', 0)
  const luomen2 = await villageOf(t.app, tokens.admin, '洛门镇', 1)
  const chengguan = await villageOf(t.app, tokens.admin, '城关镇', 0)
  ids.village = luomen.id
  ids.otherVillageId = luomen2.id
  ids.chengguanVillage = chengguan.id
  ids.renamable = (await villageOf(t.app, tokens.admin, '杨河镇', 0)).id
  tokens.townshipA = await openAccount(t.app, tokens.admin, 'luomen', { role: 'township', township: '洛门镇' })
  tokens.townshipB = await openAccount(t.app, tokens.admin, 'chengguan', { role: 'township', township: '城关镇' })
  tokens.village = await openAccount(t.app, tokens.admin, 'leshan', { role: 'village', township: '洛门镇', village: luomen.name })
  const create = async (body: object) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/staff/people', headers: { ...bearer(tokens.admin), 'idempotency-key': freshKey() }, payload: body })
    if (res.statusCode !== 201) throw new Error(res.body)
    return res.json().id as number
  }
  // Working in 苏州市, the 昆山 station's city: the station reads this one.
  ids.target = await create(
    personBody({ name: '李建国', idNumber: idNumberFor(1), phone: '13912340001', township: '洛门镇', villageId: luomen.id, status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市', howWent: { kind: 'self' } }),
  )
  ids.otherVillage = await create(personBody({ name: '赵秀英', idNumber: idNumberFor(2), township: '洛门镇', villageId: luomen2.id }))
  ids.chengguan = await create(personBody({ name: '马文斌', idNumber: idNumberFor(3), township: '城关镇', villageId: chengguan.id, status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '无锡市' }))
})
afterAll(() => t.close())

interface Case {
  name: string
  method: 'GET' | 'POST' | 'PATCH'
  url: () => string
  body?: (who: Who) => object
  /** The status each caller gets. */
  expect: Record<Who, number>
}

const read = { admin: 200, townshipA: 200, townshipB: 404, village: 200, station: 200, worker: 403, none: 401 }
const write = { admin: 200, townshipA: 200, townshipB: 404, village: 200, station: 403, worker: 403, none: 401 }
const adminOnly = (ok: number) => ({ admin: ok, townshipA: 403, townshipB: 403, village: 403, station: 403, worker: 403, none: 401 })

const cases: Case[] = [
  { name: 'list people', method: 'GET', url: () => '/api/staff/people', expect: { admin: 200, townshipA: 200, townshipB: 200, village: 200, station: 200, worker: 403, none: 401 } },
  {
    name: 'add a person in the village',
    method: 'POST',
    url: () => '/api/staff/people',
    body: () => personBody({ name: '新来人', idNumber: idNumberFor(++seq), township: '洛门镇', villageId: ids.village }),
    // Township B may add people only in 城关镇: a 洛门镇 person is a 400 on township.
    expect: { admin: 201, townshipA: 201, townshipB: 400, village: 201, station: 403, worker: 403, none: 401 },
  },
  { name: 'one person', method: 'GET', url: () => `/api/staff/people/${ids.target}`, expect: read },
  { name: 'edit a person', method: 'PATCH', url: () => `/api/staff/people/${ids.target}`, body: (who) => ({ employer: `${who}的工厂` }), expect: write },
  { name: 'history', method: 'GET', url: () => `/api/staff/people/${ids.target}/history`, expect: read },
  { name: 'a person of another village', method: 'GET', url: () => `/api/staff/people/${ids.otherVillage}`, expect: { admin: 200, townshipA: 200, townshipB: 404, village: 404, station: 404, worker: 403, none: 401 } },
  { name: 'edit a person of another village', method: 'PATCH', url: () => `/api/staff/people/${ids.otherVillage}`, body: () => ({ group: '3组' }), expect: { ...write, village: 404, station: 404 } },
  { name: 'a person of 城关镇', method: 'GET', url: () => `/api/staff/people/${ids.chengguan}/history`, expect: { admin: 200, townshipA: 404, townshipB: 200, village: 404, station: 404, worker: 403, none: 401 } },
  { name: 'people to confirm', method: 'GET', url: () => '/api/staff/roster/unconfirmed', expect: { admin: 200, townshipA: 200, townshipB: 200, village: 200, station: 200, worker: 403, none: 401 } },
  { name: 'follow-ups', method: 'GET', url: () => '/api/staff/follow-ups', expect: { admin: 200, townshipA: 200, townshipB: 200, village: 200, station: 200, worker: 403, none: 401 } },
  { name: 'risks', method: 'GET', url: () => '/api/staff/risks', expect: { admin: 200, townshipA: 200, townshipB: 200, village: 200, station: 200, worker: 403, none: 401 } },
  { name: 'contacts', method: 'GET', url: () => `/api/staff/people/${ids.target}/contacts`, expect: read },
  {
    name: 'record a contact',
    method: 'POST',
    url: () => `/api/staff/people/${ids.target}/contacts`,
    body: () => ({ channel: 'call', outcome: 'still_working' }),
    expect: { ...write, admin: 201, townshipA: 201, village: 201 },
  },
  {
    name: 'record a risk action',
    method: 'POST',
    url: () => `/api/staff/people/${ids.target}/risk-actions`,
    body: () => ({ action: 'job_referral' }),
    expect: { ...write, admin: 201, townshipA: 201, village: 201 },
  },
  // Already the county's record: confirming again changes nothing.
  { name: 'confirm a person', method: 'POST', url: () => `/api/staff/people/${ids.target}/confirm`, body: () => ({}), expect: write },
  {
    name: 'merge a person',
    method: 'POST',
    url: () => `/api/staff/people/${ids.otherVillage}/merge`,
    body: () => ({ intoId: ids.target }),
    // Only a worker's own unconfirmed registration merges: the county's record is a 409 to those who reach it.
    expect: { admin: 409, townshipA: 409, townshipB: 404, village: 404, station: 404, worker: 403, none: 401 },
  },
  { name: 'list villages', method: 'GET', url: () => '/api/staff/villages?township=洛门镇', expect: { admin: 200, townshipA: 200, townshipB: 200, village: 200, station: 200, worker: 403, none: 401 } },
  { name: 'add a village', method: 'POST', url: () => '/api/staff/villages', body: () => ({ township: '杨河镇', name: `新村${++seq}` }), expect: adminOnly(201) },
  { name: 'rename a village', method: 'PATCH', url: () => `/api/staff/villages/${ids.renamable}`, body: () => ({ name: `改名村${++seq}` }), expect: adminOnly(200) },
]

const call = (c: Case, who: Who) =>
  t.app.inject({
    method: c.method,
    url: encodeURI(c.url()),
    headers: { ...(tokens[who] ? bearer(tokens[who]) : {}), 'idempotency-key': freshKey() },
    ...(c.body ? { payload: c.body(who) } : {}),
  })

describe.each(cases)('$name', (c) => {
  test.each(everyone)('%s', async (who) => {
    const res = await call(c, who)
    expect({ who, status: res.statusCode }).toEqual({ who, status: c.expect[who] })
    if (res.statusCode >= 400) expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/)
  })
})

test('each list holds exactly the caller’s people', async () => {
  const names = async (who: Who) => {
    const res = await t.app.inject({ url: '/api/staff/people?limit=50', headers: bearer(tokens[who]) })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.total).toBe(body.items.length)
    return new Set((body.items as { id: number }[]).map((p) => p.id))
  }
  const admin = await names('admin')
  expect([ids.target, ids.otherVillage, ids.chengguan].every((id) => admin.has(id))).toBe(true)
  const a = await names('townshipA')
  expect(a.has(ids.target) && a.has(ids.otherVillage) && !a.has(ids.chengguan)).toBe(true)
  const b = await names('townshipB')
  expect([...b]).toEqual([ids.chengguan])
  const v = await names('village')
  expect(v.has(ids.target) && !v.has(ids.otherVillage) && !v.has(ids.chengguan)).toBe(true)
  // 昆山 station is in 苏州市: the 苏州 worker, not the 无锡 one.
  expect([...(await names('station'))]).toEqual([ids.target])
  // Asking for another township finds nobody rather than widening the scope.
  const widened = await t.app.inject({ url: `/api/staff/people?township=${encodeURIComponent('城关镇')}`, headers: bearer(tokens.townshipA) })
  expect(widened.json()).toMatchObject({ items: [], total: 0 })
})

test('ID number and phone: in full for the officers who keep the record (access-logged), masked for a station and in lists', async () => {
  const full = await t.app.inject({ url: `/api/staff/people/${ids.target}`, headers: bearer(tokens.townshipA) })
  expect(full.json().person).toMatchObject({ idNumber: idNumberFor(1), phone: '13912340001', piiMasked: false })
  const logged = await t.db.selectFrom('access_log').selectAll().where('person_id', '=', ids.target).where('action', '=', 'person_record').execute()
  expect(logged.length).toBeGreaterThan(0)
  expect(JSON.stringify(logged)).not.toContain('13912340001')
  const masked = await t.app.inject({ url: `/api/staff/people/${ids.target}`, headers: bearer(tokens.station) })
  expect(masked.json().person).toMatchObject({ idNumber: '6205**********' + idNumberFor(1).slice(14), phone: '139****0001', piiMasked: true })
  const list = await t.app.inject({ url: '/api/staff/people', headers: bearer(tokens.admin) })
  expect(list.body).not.toContain('13912340001')
  expect(list.body).not.toContain(idNumberFor(1))
  expect(list.headers['cache-control']).toBe('no-store')
  // At rest: neither in the clear.
  const row = await t.db.selectFrom('people').selectAll().where('id', '=', ids.target).executeTakeFirstOrThrow()
  expect(JSON.stringify(row)).not.toContain('13912340001')
  expect(JSON.stringify(row)).not.toContain(idNumberFor(1))
  expect(row).toMatchObject({ sex: 'male', birth_year: 1990 })
})

test('the signed-in officer knows their township and village', async () => {
  const me = await t.app.inject({ url: '/api/staff/me', headers: bearer(tokens.village) })
  expect(me.json()).toMatchObject({ role: 'village', township: '洛门镇', villageId: ids.village, stationId: null })
  const accounts = await t.app.inject({ url: '/api/staff/accounts', headers: bearer(tokens.admin) })
  expect(accounts.json().items.find((a: { username: string }) => a.username === 'luomen')).toMatchObject({ role: 'township', township: '洛门镇', villageId: null, village: null })
})
