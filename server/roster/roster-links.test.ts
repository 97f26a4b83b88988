/**
 * The worker and the roster: a signing-in worker is linked to their record by phone (or ID number once given), their
 * own answers update it with source self, a worker nobody matches registers themself for the officer to confirm or
 * merge, the export carries the record, and deleting the account unlinks it and erases what the worker said.
 */
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'

jest.setTimeout(90_000)

let t: TestApp
let now = new Date('2026-04-01T02:00:00.000Z')
let admin = ''
let luomen = ''
let chengguan = ''
let station = ''
let village = { id: 0, name: '' }
let otherVillage = { id: 0, name: '' }

const staffPost = (token: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'idempotency-key': freshKey('links') }, payload })
const workerPatch = (token: string, payload: object) => t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': freshKey('me') }, payload })
const personRow = (id: number) => t.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()
const history = async (token: string, id: number) => (await t.app.inject({ url: `/api/staff/people/${id}/history`, headers: bearer(token) })).json().items as { source: string; userId: number | null; changes: { field: string; before: unknown; after: unknown }[] }[]

let seq = 600
async function addPerson(over: Record<string, unknown>) {
  const res = await staffPost(luomen, '/api/staff/people', personBody({ idNumber: idNumberFor(++seq), township: '洛门镇', villageId: village.id, ...over }))
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().id as number
}

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now })
  admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  station = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  village = await villageOf(t.app, admin, '洛门镇', 0)
  otherVillage = await villageOf(t.app, admin, '洛门镇', 1)
  luomen = await openAccount(t.app, admin, 'links-luomen', { role: 'township', township: '洛门镇' })
  chengguan = await openAccount(t.app, admin, 'links-chengguan', { role: 'township', township: '城关镇' })
})
afterAll(() => t.close())

describe('linking on sign-in and the worker’s own changes', () => {
  let personId = 0
  let worker = { token: '', user: { id: 0 } }

  beforeAll(async () => {
    personId = await addPerson({ name: '马成龙', phone: '13700000001', status: 'willing', poverty: 'alleviated' })
    worker = await signIn(t.app, '13700000001')
  })

  test('the phone finds the record: the account is linked, and the history says the worker did it', async () => {
    expect((await personRow(personId))?.user_id).toBe(worker.user.id)
    const [latest] = await history(luomen, personId)
    expect(latest).toMatchObject({ source: 'self', userId: worker.user.id, changes: [{ field: 'userId', before: null, after: worker.user.id }] })
  })

  test('working in 无锡 now: the record is away in 江苏省 无锡市, marked as the worker’s own', async () => {
    now = new Date('2026-04-03T02:00:00.000Z')
    const res = await workerPatch(worker.token, { workingAway: true, currentCity: '无锡' })
    expect(res.statusCode).toBe(200)
    const person = (await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(luomen) })).json().person
    expect(person).toMatchObject({ status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '无锡市', source: 'self', statusSince: '2026-04-03', userId: worker.user.id })
    const [latest] = await history(luomen, personId)
    expect(latest.source).toBe('self')
    expect(latest.changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'willing', after: 'away_other_province' }, { field: 'destinationCity', before: null, after: '无锡市' }]))
    // The county counts them under 江苏省 from now.
    const away = (await t.app.inject({ url: `/api/staff/people?destinationProvince=${encodeURIComponent('江苏省')}`, headers: bearer(luomen) })).json()
    expect(away.items.map((p: { id: number }) => p.id)).toContain(personId)
  })

  test('an edit that says nothing about where they are leaves the record alone', async () => {
    const before = (await personRow(personId))!.version
    expect((await workerPatch(worker.token, { skills: '会开叉车' })).statusCode).toBe(200)
    expect((await personRow(personId))!.version).toBe(before)
  })

  test('back home: 返乡回流, and how they went is gone with the job', async () => {
    now = new Date('2026-04-20T02:00:00.000Z')
    expect((await workerPatch(worker.token, { workingAway: false, returnedHome: true })).statusCode).toBe(200)
    expect(await personRow(personId)).toMatchObject({ status: 'returned', return_reason: 'other', destination_city: null, how_went: null, source: 'self', status_since: '2026-04-20' })
  })

  test('the export carries the roster record in full, with its history', async () => {
    const exported = (await t.app.inject({ url: '/api/me/export', headers: bearer(worker.token) })).json()
    const [record] = exported.records.rosterRecord
    expect(record).toMatchObject({ id: personId, name: '马成龙', phone: '13700000001', township: '洛门镇', status: 'returned', unconfirmed: false })
    expect(record.history.some((h: { byMe: boolean }) => h.byMe)).toBe(true)
  })

  test('deleting the account unlinks it and erases what the worker said; the county’s entry stays as the county had it', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(worker.token) })
    expect(res.statusCode).toBe(200)
    const row = await personRow(personId)
    expect(row).toMatchObject({ name: '马成龙', user_id: null, status: 'willing', destination_city: null, return_reason: null })
    const versions = await t.db.selectFrom('person_versions').selectAll().where('person_id', '=', personId).orderBy('version').execute()
    expect(versions.every((v) => v.user_id === null && v.changed_by_user_id === null)).toBe(true)
    expect(JSON.stringify(versions)).not.toContain('无锡')
    // The history still shows that the worker changed something, not what.
    const selfEntries = (await history(luomen, personId)).filter((h) => h.source === 'self')
    expect(selfEntries.length).toBeGreaterThan(0)
    expect(selfEntries.flatMap((h) => h.changes).every((c) => c.before === null && c.after === null)).toBe(true)
    // The audit trail keeps that the worker acted, not what they said.
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'person').where('entity_id', '=', personId).execute()
    expect(audit.some((a) => a.actor_kind === 'worker')).toBe(true)
    expect(JSON.stringify(audit)).not.toContain('无锡')
    // "As of" a day the worker had said 无锡 now reads the county's state.
    const asOf = (await t.app.inject({ url: `/api/staff/people?asOf=2026-04-05&q=${encodeURIComponent('马成龙')}`, headers: bearer(luomen) })).json()
    expect(asOf.items[0]).toMatchObject({ status: 'willing', destinationCity: null })
  })
})

describe('households sharing a phone, and the ID number', () => {
  test('two people on one mobile: no link until the worker’s name picks one', async () => {
    await addPerson({ name: '王大山', phone: '13700000002', relation: 'head' })
    const second = await addPerson({ name: '王小山', phone: '13700000002' })
    const worker = await signIn(t.app, '13700000002')
    expect(await t.db.selectFrom('people').select('id').where('user_id', '=', worker.user.id).execute()).toEqual([])
    expect((await workerPatch(worker.token, { name: '王小山' })).statusCode).toBe(200)
    expect((await personRow(second))?.user_id).toBe(worker.user.id)
  })

  test('the ID number, given with consent, finds a record without a phone', async () => {
    const idNumber = idNumberFor(++seq, '19850302')
    const id = await addPerson({ name: '杨秀兰', idNumber, phone: null })
    const worker = await signIn(t.app, '13700000003')
    expect((await personRow(id))?.user_id).toBeNull()
    const consent = await t.app.inject({ method: 'POST', url: '/api/me/consents', headers: bearer(worker.token), payload: { kind: 'id_number', version: '2026-12', granted: true } })
    expect(consent.statusCode).toBe(200)
    expect((await workerPatch(worker.token, { idNumber })).statusCode).toBe(200)
    expect((await personRow(id))?.user_id).toBe(worker.user.id)
  })
})

describe('a worker the roster does not know', () => {
  let worker = { token: '', user: { id: 0 } }
  let selfId = 0

  beforeAll(async () => {
    worker = await signIn(t.app, '13700000004')
    const res = await workerPatch(worker.token, { name: '新来的', hometownTownship: '洛门镇', hometownVillage: village.name.replace(/村$/, ''), workingAway: true, currentCity: '苏州' })
    expect(res.statusCode).toBe(200)
    selfId = (await t.db.selectFrom('people').select('id').where('user_id', '=', worker.user.id).executeTakeFirstOrThrow()).id
  })

  test('registers themself: an unconfirmed person of their village, source self, on their township officer’s list only', async () => {
    expect(await personRow(selfId)).toMatchObject({ name: '新来的', township: '洛门镇', village_id: village.id, status: 'away_other_province', destination_city: '苏州市', source: 'self', unconfirmed: 1, id_number_hash: null })
    const list = (await t.app.inject({ url: '/api/staff/roster/unconfirmed', headers: bearer(luomen) })).json()
    expect(list.items.map((i: { person: { id: number } }) => i.person.id)).toContain(selfId)
    expect(list.total).toBe(list.items.length)
    expect((await t.app.inject({ url: '/api/staff/roster/unconfirmed', headers: bearer(chengguan) })).json().items).toEqual([])
    expect((await t.app.inject({ url: '/api/staff/roster/unconfirmed', headers: bearer(station) })).json().items).toEqual([])
    // Staff may edit it like any record, though it has no ID number yet.
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/staff/people/${selfId}`, headers: bearer(luomen), payload: { group: '2组' } })
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({ idNumber: null, group: '2组', source: 'staff' })
  })

  test('the officer confirms it: off the list; another township’s officer cannot', async () => {
    expect((await staffPost(chengguan, `/api/staff/people/${selfId}/confirm`, {})).statusCode).toBe(404)
    expect((await staffPost(station, `/api/staff/people/${selfId}/confirm`, {})).statusCode).toBe(403)
    const res = await staffPost(luomen, `/api/staff/people/${selfId}/confirm`, {})
    expect(res.statusCode).toBe(200)
    expect((await personRow(selfId))?.unconfirmed).toBe(0)
    expect((await t.app.inject({ url: '/api/staff/roster/unconfirmed', headers: bearer(luomen) })).json().items.map((i: { person: { id: number } }) => i.person.id)).not.toContain(selfId)
  })

  test('a duplicate of a county record is merged into it: the account and the worker’s answers move there', async () => {
    const county = await addPerson({ name: '赵合并', phone: '13600000009', status: 'willing', villageId: otherVillage.id })
    const dupWorker = await signIn(t.app, '13700000005')
    await workerPatch(dupWorker.token, { name: '赵合并', hometownTownship: '洛门镇', hometownVillage: village.name, workingAway: true, currentCity: '宁波市' })
    const dup = (await t.db.selectFrom('people').select('id').where('user_id', '=', dupWorker.user.id).executeTakeFirstOrThrow()).id
    const item = (await t.app.inject({ url: '/api/staff/roster/unconfirmed', headers: bearer(luomen) })).json().items.find((i: { person: { id: number } }) => i.person.id === dup)
    expect(item.candidates.map((c: { id: number }) => c.id)).toEqual([county])
    expect((await staffPost(luomen, `/api/staff/people/${dup}/merge`, { intoId: dup })).statusCode).toBe(400)
    expect((await staffPost(luomen, `/api/staff/people/${county}/merge`, { intoId: dup })).statusCode).toBe(409)
    const merged = await staffPost(luomen, `/api/staff/people/${dup}/merge`, { intoId: county })
    expect(merged.statusCode).toBe(200)
    expect(merged.json()).toMatchObject({ mergedId: dup, person: { id: county, userId: dupWorker.user.id, status: 'away_other_province', destinationCity: '宁波市', source: 'self' } })
    expect(await personRow(dup)).toBeUndefined()
    expect((await t.app.inject({ url: `/api/staff/people/${dup}`, headers: bearer(luomen) })).statusCode).toBe(404)
    // Later answers update the county's record.
    now = new Date('2026-04-25T02:00:00.000Z')
    await workerPatch(dupWorker.token, { workingAway: false, returnedHome: true })
    expect((await personRow(county))?.status).toBe('returned')
  })

  test('a self-registered record nobody confirmed goes entirely with the account', async () => {
    const other = await signIn(t.app, '13700000006')
    await workerPatch(other.token, { name: '走了的', hometownTownship: '洛门镇', hometownVillage: village.name })
    const id = (await t.db.selectFrom('people').select('id').where('user_id', '=', other.user.id).executeTakeFirstOrThrow()).id
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(other.token) })).statusCode).toBe(200)
    expect(await personRow(id)).toBeUndefined()
    expect(await t.db.selectFrom('person_versions').select('id').where('person_id', '=', id).execute()).toEqual([])
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'person').where('entity_id', '=', id).execute()
    expect(audit.length).toBeGreaterThan(0)
    expect(JSON.stringify(audit)).not.toContain('走了的')
  })

  test('a hometown outside any known village registers nobody', async () => {
    const w = await signIn(t.app, '13700000007')
    await workerPatch(w.token, { name: '不知村', hometownTownship: '洛门镇', hometownVillage: '没有这个村' })
    expect(await t.db.selectFrom('people').select('id').where('user_id', '=', w.user.id).execute()).toEqual([])
  })
})
