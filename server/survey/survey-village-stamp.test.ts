/**
 * A village's list answered by its version stamp (route()'s validator): every write that changes the list changes its
 * ETag and its body, no write keeps both (304), the kept body is what a fresh build gives, and a caller of another
 * place never gets it from the kept answers.
 */
import { gunzipSync } from 'node:zlib'
import { bearer, staffSignIn } from '../test-support/accounts'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { erasePerson, retireDuplicate } from '../roster/roster-links.repository'
import { insertPeople } from '../roster-imports/roster-imports.repository'
import type { StaffCaller } from '../http/caller'
import { getSurveyVillage } from './survey.service'

jest.setTimeout(120_000)

let t: TestApp
const tok = { admin: '', luomen: '', luomen2: '', chengguan: '' }
const ids = { villageA: 0, villageB: 0, head: 0, wife: 0, round: 0, luomenStaff: 0 }
let seq = 700

const post = (token: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'idempotency-key': freshKey('stamp') }, payload })
const patch = (token: string, url: string, payload: object) => t.app.inject({ method: 'PATCH', url, headers: bearer(token), payload })
const listUrl = (villageId = ids.villageA) => `/api/staff/survey-rounds/${ids.round}/village?villageId=${villageId}`
const read = (token = tok.luomen, villageId = ids.villageA, headers: Record<string, string> = {}) =>
  t.app.inject({ url: listUrl(villageId), headers: { ...bearer(token), ...headers } })
const versionOf = async (id: number) => (await t.db.selectFrom('people').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version

async function addPerson(villageId: number, name: string, over: Record<string, unknown> = {}) {
  const res = await post(tok.admin, '/api/staff/people', personBody({ name, idNumber: idNumberFor(++seq), township: '洛门镇', villageId, ...over }))
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json() as { id: number; householdId: number; version: number }
}

/** The list as it stands, then `write`, then: a new ETag, a new body, and the old ETag no longer a 304. */
async function expectChangedBy(write: () => Promise<unknown>, villageId = ids.villageA) {
  const before = await read(tok.luomen, villageId)
  expect(before.statusCode).toBe(200)
  const etag = String(before.headers.etag)
  expect((await read(tok.luomen, villageId, { 'if-none-match': etag })).statusCode).toBe(304)
  await write()
  const after = await read(tok.luomen, villageId, { 'if-none-match': etag })
  expect(after.statusCode).toBe(200)
  expect(after.headers.etag).not.toBe(etag)
  expect(after.body).not.toBe(before.body)
  return after.json()
}

beforeAll(async () => {
  t = await buildTestApp()
  tok.admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  const a = await villageOf(t.app, tok.admin, '洛门镇', 0)
  const b = await villageOf(t.app, tok.admin, '洛门镇', 1)
  ids.villageA = a.id
  ids.villageB = b.id
  tok.luomen = await openAccount(t.app, tok.admin, 'st-luomen', { role: 'township', township: '洛门镇' })
  tok.luomen2 = await openAccount(t.app, tok.admin, 'st-luomen-2', { role: 'township', township: '洛门镇' })
  tok.chengguan = await openAccount(t.app, tok.admin, 'st-chengguan', { role: 'township', township: '城关镇' })
  ids.luomenStaff = (await t.db.selectFrom('staff').select('id').where('username', '=', 'st-luomen').executeTakeFirstOrThrow()).id
  const head = await addPerson(a.id, '王大川')
  ids.head = head.id
  ids.wife = (await addPerson(a.id, '刘小梅', { householdId: head.householdId, relation: 'spouse' })).id
  // Three people: a list long enough (over 1 KB) to be sent compressed.
  await addPerson(a.id, '王小燕', { householdId: head.householdId, relation: 'child' })
  await addPerson(b.id, '马铁山')
  ids.round = (await post(tok.admin, '/api/staff/survey-rounds', { name: '2026年12月摸排', dueDate: '2099-12-31' })).json().id
})
afterAll(() => t.close())

test('no write: the same ETag, a 304 without a body; officers of one township share it, the kept body is a fresh build', async () => {
  const first = await read()
  expect(first.statusCode).toBe(200)
  expect(first.headers['cache-control']).toBe('no-store')
  const etag = String(first.headers.etag)
  const same = await read(tok.luomen2, ids.villageA, { 'if-none-match': etag })
  expect(same.statusCode).toBe(304)
  expect(same.body).toBe('')
  expect(same.headers.etag).toBe(etag)
  expect(same.headers['cache-control']).toBe('no-store')
  const kept = await read(tok.luomen2)
  expect(kept.headers.etag).toBe(etag)
  expect(kept.body).toBe(first.body)
  // What the service builds now, checked by nothing but itself, is the kept body.
  const caller: StaffCaller = { kind: 'staff', staffId: ids.luomenStaff, role: 'township', stationId: null, township: '洛门镇', villageId: null, sessionId: 0, mustChangePassword: false }
  expect(kept.json()).toEqual(JSON.parse(JSON.stringify(await getSurveyVillage(t.db, caller, ids.round, { villageId: ids.villageA }))))
  // Gzip, when asked for, is the same body compressed once.
  const zipped = await read(tok.luomen, ids.villageA, { 'accept-encoding': 'gzip, deflate, br' })
  expect(zipped.headers['content-encoding']).toBe('gzip')
  expect(zipped.headers.etag).toBe(etag)
  expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(first.body)
  expect((await read(tok.luomen, ids.villageA, { 'accept-encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined()
})

test('the caller’s place is in the key: another township’s officer gets 404 with the ETag or without; an admin has their own ETag', async () => {
  const mine = await read()
  const etag = String(mine.headers.etag)
  for (const headers of [{}, { 'if-none-match': etag }] as Record<string, string>[]) {
    const other = await read(tok.chengguan, ids.villageA, headers)
    expect(other.statusCode).toBe(404)
    expect(other.body).not.toContain('王大川')
  }
  const admin = await read(tok.admin)
  expect(admin.statusCode).toBe(200)
  expect(admin.headers.etag).not.toBe(etag)
  expect(admin.json()).toEqual(mine.json())
})

test('a check, 无变化 or with changes, changes the list', async () => {
  const checks = `/api/staff/survey-rounds/${ids.round}/checks`
  const unchanged = await expectChangedBy(async () => expect((await post(tok.luomen, checks, { personId: ids.head, baseVersion: await versionOf(ids.head), unchanged: true })).statusCode).toBe(200))
  expect(unchanged.checked).toBe(1)
  // The same person again with only a note: the row is replaced, the count stays.
  const noted = await expectChangedBy(async () => expect((await post(tok.luomen, checks, { personId: ids.head, baseVersion: await versionOf(ids.head), note: '在家' })).statusCode).toBe(200))
  expect(JSON.stringify(noted)).toContain('在家')
  await expectChangedBy(async () => expect((await post(tok.luomen, checks, { personId: ids.wife, baseVersion: await versionOf(ids.wife), status: 'willing' })).statusCode).toBe(200))
})

test('a roster edit, a new person, a move between villages, a village renamed and a new round change the list', async () => {
  await expectChangedBy(async () => expect((await patch(tok.admin, `/api/staff/people/${ids.wife}`, { name: '刘晓梅' })).statusCode).toBe(200))
  const added = await addPerson(ids.villageA, '王小川')
  await expectChangedBy(() => addPerson(ids.villageA, '王二川'))
  // Moved out of A into B: both lists change.
  const moved = () => patch(tok.admin, `/api/staff/people/${added.id}`, { villageId: ids.villageB, householdId: null, relation: 'head' })
  const beforeB = String((await read(tok.luomen, ids.villageB)).headers.etag)
  const a = await expectChangedBy(async () => expect((await moved()).statusCode).toBe(200))
  expect(JSON.stringify(a)).not.toContain('王小川')
  const b = await read(tok.luomen, ids.villageB, { 'if-none-match': beforeB })
  expect(b.statusCode).toBe(200)
  expect(b.body).toContain('王小川')
  const renamed = await expectChangedBy(async () => expect((await patch(tok.admin, `/api/staff/villages/${ids.villageA}`, { name: '王家庄村' })).statusCode).toBe(200))
  expect(renamed.village.name).toBe('王家庄村')
  // A newer round: this one is no longer the current one.
  const older = await expectChangedBy(async () => expect((await post(tok.admin, '/api/staff/survey-rounds', { name: `补查${++seq}`, dueDate: '2099-12-31' })).statusCode).toBe(201))
  expect(older.round.current).toBe(false)
})

test('a merge, an erasure, an import and a linked record renamed change the list', async () => {
  const dup = await addPerson(ids.villageA, '王川')
  const at = new Date().toISOString()
  await expectChangedBy(() => t.db.transaction().execute((trx) => retireDuplicate(trx, dup.id, ids.head, at)))
  const erased = await addPerson(ids.villageA, '王小丫', { householdId: (await t.db.selectFrom('people').select('household_id').where('id', '=', ids.head).executeTakeFirstOrThrow()).household_id, relation: 'child' })
  await expectChangedBy(() => t.db.transaction().execute((trx) => erasePerson(trx, erased.id, erased.householdId)))
  // An import writes people in one statement, beside the roster's update.
  const row = await t.db.selectFrom('people').selectAll().where('id', '=', ids.wife).executeTakeFirstOrThrow()
  const { id: _id, created_at: _c, updated_at: _u, unconfirmed: _n, survey_round_id: _r, survey_conflict: _f, ...state } = row
  const imported = await expectChangedBy(() => insertPeople(t.db, [{ ...state, name: '王导入', id_number_hash: `stamp-${seq}`, version: 1, user_id: null }], new Date().toISOString()))
  expect(JSON.stringify(imported)).toContain('王导入')
  // The list names the course a person went by: renaming the course changes it, though no person was written.
  const course = await t.db.selectFrom('courses').select(['id', 'title']).orderBy('id').executeTakeFirstOrThrow()
  const howWent = { kind: 'organised', channel: 'training', stationId: null, batchId: null, jobId: null, courseId: course.id, brokerName: null }
  const went = await patch(tok.admin, `/api/staff/people/${ids.wife}`, { status: 'away_in_province', howWent, destinationProvince: '甘肃省', destinationCity: '兰州市', trade: '电工', incomeBand: '3000_5000' })
  expect(went.statusCode).toBe(200)
  const linked = await expectChangedBy(() => t.db.updateTable('courses').set({ title: `${course.title}（改期）` }).where('id', '=', course.id).execute())
  expect(JSON.stringify(linked)).toContain('（改期）')
})
