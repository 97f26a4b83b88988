/**
 * 摸排 through HTTP: rounds, a village's list, checks (无变化 and changes, resent with the same key), the conflict flag
 * when two officers write the same person, progress counts, and who reaches what.
 */
import { bearer, staffSignIn } from '../test-support/accounts'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'

jest.setTimeout(90_000)

let t: TestApp
const tok = { admin: '', station: '', luomen: '', chengguan: '', informantA: '', informantB: '' }
const ids = { villageA: 0, villageB: 0, head: 0, wife: 0, son: 0, other: 0, round: 0 }
let seq = 300

const post = (token: string, url: string, payload: object, key = freshKey('survey')) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'idempotency-key': key }, payload })
const get = (token: string, url: string) => t.app.inject({ url: encodeURI(url), headers: bearer(token) })

async function addPerson(body: Parameters<typeof personBody>[0]) {
  const res = await post(tok.admin, '/api/staff/people', personBody(body))
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json() as { id: number; householdId: number; version: number }
}

async function openRound(name: string) {
  const res = await post(tok.admin, '/api/staff/survey-rounds', { name, dueDate: '2099-12-31' })
  expect(res.statusCode).toBe(201)
  return res.json() as { id: number; current: boolean }
}

const versionOf = async (id: number) => (await t.db.selectFrom('people').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version

beforeAll(async () => {
  t = await buildTestApp()
  tok.admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  tok.station = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  const a = await villageOf(t.app, tok.admin, '洛门镇', 0)
  const b = await villageOf(t.app, tok.admin, '洛门镇', 1)
  ids.villageA = a.id
  ids.villageB = b.id
  tok.luomen = await openAccount(t.app, tok.admin, 'sv-luomen', { role: 'township', township: '洛门镇' })
  tok.chengguan = await openAccount(t.app, tok.admin, 'sv-chengguan', { role: 'township', township: '城关镇' })
  tok.informantA = await openAccount(t.app, tok.admin, 'sv-village-a', { role: 'village', township: '洛门镇', village: a.name })
  tok.informantB = await openAccount(t.app, tok.admin, 'sv-village-b', { role: 'village', township: '洛门镇', village: b.name })
  const head = await addPerson({ name: '张大山', idNumber: idNumberFor(++seq), township: '洛门镇', villageId: a.id })
  ids.head = head.id
  ids.wife = (await addPerson({ name: '李春花', idNumber: idNumberFor(++seq), township: '洛门镇', villageId: a.id, householdId: head.householdId, relation: 'spouse' })).id
  ids.son = (await addPerson({ name: '张小军', idNumber: idNumberFor(++seq), township: '洛门镇', villageId: a.id, householdId: head.householdId, relation: 'child', status: 'willing' })).id
  ids.other = (await addPerson({ name: '赵铁柱', idNumber: idNumberFor(++seq), township: '洛门镇', villageId: b.id })).id
  ids.round = (await openRound('2026年12月摸排')).id
})
afterAll(() => t.close())

test('an admin opens a round; others may not; the newest round comes first as the current one', async () => {
  expect((await post(tok.luomen, '/api/staff/survey-rounds', { name: '乡里自己开的', dueDate: '2099-01-01' })).statusCode).toBe(403)
  const bad = await post(tok.admin, '/api/staff/survey-rounds', { name: '过期', dueDate: '2020-01-01' })
  expect(bad.statusCode).toBe(400)
  expect(bad.json().error.fields.dueDate).toMatch(/早于今天/)
  expect((await post(tok.admin, '/api/staff/survey-rounds', { name: '没有的日子', dueDate: '2099-02-30' })).json().error.fields.dueDate).toMatch(/没有这一天/)
  const list = await get(tok.informantA, '/api/staff/survey-rounds')
  expect(list.statusCode).toBe(200)
  expect(list.json().items[0]).toMatchObject({ id: ids.round, name: '2026年12月摸排', dueDate: '2099-12-31', current: true })
  expect((await get(tok.station, '/api/staff/survey-rounds')).statusCode).toBe(403)
})

test('an informant sees their own village, household by household, and nobody else’s', async () => {
  const res = await get(tok.informantA, `/api/staff/survey-rounds/${ids.round}/village`)
  expect(res.statusCode).toBe(200)
  expect(res.headers['cache-control']).toBe('no-store')
  const body = res.json()
  expect(body.village).toMatchObject({ id: ids.villageA, township: '洛门镇' })
  expect(body.households).toHaveLength(1)
  expect(body.households[0].members.map((m: { name: string }) => m.name)).toEqual(['张大山', '李春花', '张小军'])
  expect(body).toMatchObject({ checked: 0, total: 3 })
  // Asking for another village still gives the informant's own.
  const other = await get(tok.informantB, `/api/staff/survey-rounds/${ids.round}/village?villageId=${ids.villageA}`)
  expect(other.json().village.id).toBe(ids.villageB)
  expect(JSON.stringify(other.json())).not.toContain('张大山')
  // A township officer names a village of their township; another township's is 404, a station 403.
  expect((await get(tok.luomen, `/api/staff/survey-rounds/${ids.round}/village?villageId=${ids.villageA}`)).json().total).toBe(3)
  expect((await get(tok.chengguan, `/api/staff/survey-rounds/${ids.round}/village?villageId=${ids.villageA}`)).statusCode).toBe(404)
  expect((await get(tok.luomen, `/api/staff/survey-rounds/${ids.round}/village`)).statusCode).toBe(400)
  expect((await get(tok.station, `/api/staff/survey-rounds/${ids.round}/village?villageId=${ids.villageA}`)).statusCode).toBe(403)
  expect((await get(tok.informantA, `/api/staff/survey-rounds/999999/village`)).statusCode).toBe(404)
})

test('无变化 in one tap; resent with the same key it is recorded once', async () => {
  const url = `/api/staff/survey-rounds/${ids.round}/checks`
  const before = await versionOf(ids.head)
  const key = freshKey('check')
  const first = await post(tok.informantA, url, { personId: ids.head, baseVersion: before, unchanged: true }, key)
  expect(first.statusCode).toBe(200)
  expect(first.json()).toMatchObject({ check: { unchanged: true, conflict: false }, person: { id: ids.head, checked: true, version: before } })
  const again = await post(tok.informantA, url, { personId: ids.head, baseVersion: before, unchanged: true }, key)
  expect(again.statusCode).toBe(200)
  expect(again.json()).toEqual(first.json())
  const rows = await t.db.selectFrom('survey_checks').selectAll().where('person_id', '=', ids.head).execute()
  expect(rows).toHaveLength(1)
  expect(await versionOf(ids.head)).toBe(before)
  // Unchecked first: the household's other two now come before the head.
  const list = (await get(tok.informantA, `/api/staff/survey-rounds/${ids.round}/village`)).json()
  expect(list.households[0].members.map((m: { name: string; checked: boolean }) => [m.name, m.checked])).toEqual([
    ['李春花', false],
    ['张小军', false],
    ['张大山', true],
  ])
  expect(list.checked).toBe(1)
})

test('a check with changes writes the roster, with its history and a note kept on the check', async () => {
  const base = await versionOf(ids.son)
  const res = await post(tok.informantA, `/api/staff/survey-rounds/${ids.round}/checks`, {
    personId: ids.son,
    baseVersion: base,
    status: 'away_other_province',
    destinationProvince: '江苏省',
    destinationCity: '苏州市',
    trade: '普工',
    incomeBand: '5000_8000',
    howWent: { kind: 'self' },
    note: '春节后去的',
  })
  expect(res.statusCode).toBe(200)
  expect(res.json().person).toMatchObject({ status: 'away_other_province', destinationCity: '苏州市', trade: '普工', incomeBand: '5000_8000', version: base + 1, checked: true, note: '春节后去的', conflict: false })
  const person = (await get(tok.luomen, `/api/staff/people/${ids.son}`)).json().person
  expect(person).toMatchObject({ status: 'away_other_province', destinationProvince: '江苏省', version: base + 1 })
  const history = (await get(tok.luomen, `/api/staff/people/${ids.son}/history`)).json().items
  expect(history[0].changes.map((c: { field: string }) => c.field)).toEqual(expect.arrayContaining(['status', 'destinationProvince', 'trade', 'incomeBand']))
  // A check that breaks the status rule is a 400 on the field, and nothing is written.
  const bad = await post(tok.informantA, `/api/staff/survey-rounds/${ids.round}/checks`, { personId: ids.son, baseVersion: base + 1, status: 'away_in_province', destinationProvince: '江苏省' })
  expect(bad.statusCode).toBe(400)
  expect(bad.json().error.fields.destinationProvince).toMatch(/甘肃省/)
  expect(await versionOf(ids.son)).toBe(base + 1)
  // 无变化 and a change at once is refused.
  const both = await post(tok.informantA, `/api/staff/survey-rounds/${ids.round}/checks`, { personId: ids.son, baseVersion: base + 1, unchanged: true, trade: '电工' })
  expect(both.statusCode).toBe(400)
  expect(both.json().error.fields.unchanged).toBeTruthy()
})

test('two officers edit the same person: the later write wins, both are in the history, and the person is flagged', async () => {
  const seen = await versionOf(ids.wife)
  // The township officer changes her first, from the office.
  const patch = await t.app.inject({ method: 'PATCH', url: `/api/staff/people/${ids.wife}`, headers: bearer(tok.luomen), payload: { status: 'local_work', trade: '家政服务员' } })
  expect(patch.statusCode).toBe(200)
  // The informant, working from the list they loaded before, checks her afterwards.
  const res = await post(tok.informantA, `/api/staff/survey-rounds/${ids.round}/checks`, { personId: ids.wife, baseVersion: seen, status: 'returned', returnReason: 'family' })
  expect(res.statusCode).toBe(200)
  expect(res.json()).toMatchObject({ check: { conflict: true }, person: { status: 'returned', conflict: true, version: seen + 2 } })
  const history = (await get(tok.luomen, `/api/staff/people/${ids.wife}/history`)).json().items as { version: number; staff: { displayName: string } }[]
  expect(history.slice(0, 2).map((h) => [h.version, h.staff.displayName])).toEqual([
    [seen + 2, '测试sv-village-a'],
    [seen + 1, '测试sv-luomen'],
  ])
  // The township officer sees the flag in the village's list and in the progress.
  const list = (await get(tok.luomen, `/api/staff/survey-rounds/${ids.round}/village?villageId=${ids.villageA}`)).json()
  const wife = list.households[0].members.find((m: { id: number }) => m.id === ids.wife)
  expect(wife).toMatchObject({ conflict: true, status: 'returned' })
  const progress = (await get(tok.luomen, `/api/staff/survey-rounds/${ids.round}/progress`)).json()
  expect(progress.villages.find((v: { villageId: number }) => v.villageId === ids.villageA).conflicts).toBe(1)
  // The informant's own earlier writes are no conflict, and checking again does not clear the flag…
  const again = await post(tok.informantA, `/api/staff/survey-rounds/${ids.round}/checks`, { personId: ids.wife, baseVersion: seen + 2, unchanged: true })
  expect(again.json().check.conflict).toBe(true)
  // …until the township officer checks her over the current version.
  const cleared = await post(tok.luomen, `/api/staff/survey-rounds/${ids.round}/checks`, { personId: ids.wife, baseVersion: seen + 2, unchanged: true })
  expect(cleared.json().check.conflict).toBe(false)
})

test('an informant of another village cannot check this one’s people; a station cannot check at all', async () => {
  const url = `/api/staff/survey-rounds/${ids.round}/checks`
  const v = await versionOf(ids.head)
  expect((await post(tok.informantB, url, { personId: ids.head, baseVersion: v, unchanged: true })).statusCode).toBe(404)
  expect((await post(tok.chengguan, url, { personId: ids.head, baseVersion: v, unchanged: true })).statusCode).toBe(404)
  expect((await post(tok.station, url, { personId: ids.head, baseVersion: v, unchanged: true })).statusCode).toBe(403)
  expect((await post(tok.informantA, `/api/staff/survey-rounds/999999/checks`, { personId: ids.head, baseVersion: v, unchanged: true })).statusCode).toBe(404)
  expect((await post(tok.informantA, url, { personId: ids.head, baseVersion: v + 5, unchanged: true })).statusCode).toBe(400)
})

test('progress: checked / total per village and township, behind first, within the caller’s place', async () => {
  const round = await openRound(`进度测试${++seq}`)
  const url = `/api/staff/survey-rounds/${round.id}/progress`
  const start = (await get(tok.luomen, url)).json()
  const a0 = start.villages.find((v: { villageId: number }) => v.villageId === ids.villageA)
  expect(a0).toMatchObject({ checked: 0, total: 3 })
  for (const id of [ids.head, ids.wife]) {
    const res = await post(tok.informantA, `/api/staff/survey-rounds/${round.id}/checks`, { personId: id, baseVersion: await versionOf(id), unchanged: true })
    expect(res.statusCode).toBe(200)
  }
  // Someone registered after the round opened is entered as they stand: checked.
  await addPerson({ name: '张新来', idNumber: idNumberFor(++seq), township: '洛门镇', villageId: ids.villageB })
  const now = (await get(tok.luomen, url)).json()
  expect(now.villages.map((v: { villageId: number; checked: number; total: number }) => [v.villageId, v.checked, v.total])).toEqual([
    [ids.villageB, 1, 2],
    [ids.villageA, 2, 3],
  ])
  expect(now.townships).toEqual([{ township: '洛门镇', checked: 3, total: 5, conflicts: 0 }])
  expect(now).toMatchObject({ checked: 3, total: 5 })
  // 城关镇's officer sees nothing of 洛门镇; asking for it finds nobody; the informant sees their village; a station 403.
  expect((await get(tok.chengguan, url)).json()).toMatchObject({ checked: 0, total: 0, villages: [] })
  expect((await get(tok.chengguan, `${url}?township=洛门镇`)).json().villages).toEqual([])
  expect((await get(tok.informantA, url)).json().villages.map((v: { villageId: number }) => v.villageId)).toEqual([ids.villageA])
  expect((await get(tok.admin, `${url}?township=洛门镇`)).json().total).toBe(5)
  expect((await get(tok.station, url)).statusCode).toBe(403)
  // A phone that was offline for days sends into the older round: that round counts it, the newer one is unmoved.
  const late = await post(tok.informantA, `/api/staff/survey-rounds/${ids.round}/checks`, { personId: ids.head, baseVersion: await versionOf(ids.head), unchanged: true })
  expect(late.statusCode).toBe(200)
  expect((await get(tok.luomen, url)).json()).toMatchObject({ checked: 3, total: 5 })
  const older = (await get(tok.luomen, `/api/staff/survey-rounds/${ids.round}/progress`)).json()
  expect(older.round.current).toBe(false)
  expect(older.villages.find((v: { villageId: number }) => v.villageId === ids.villageA)).toMatchObject({ checked: 3, total: 3 })
})

test('"how they went" may name a station, batch, posting or course: the record must exist, and the list shows it by name', async () => {
  const url = `/api/staff/survey-rounds/${ids.round}/checks`
  const station = await t.db.selectFrom('stations').select(['id', 'name', 'city']).orderBy('id').executeTakeFirstOrThrow()
  const organised = (over: object) => ({ kind: 'organised', channel: 'station', stationId: null, batchId: null, jobId: null, courseId: null, brokerName: null, ...over })
  const base = await versionOf(ids.son)
  // A record that does not exist is a 400 on its field, in Chinese, and nothing is written.
  for (const [over, field, message] of [
    [{ channel: 'batch', batchId: 999999 }, 'howWent.batchId', '没有这一趟专车'],
    [{ channel: 'station', stationId: 999999 }, 'howWent.stationId', '没有这个工作站'],
    [{ channel: 'posting', jobId: 999999 }, 'howWent.jobId', '没有这个岗位'],
    [{ channel: 'training', courseId: 999999 }, 'howWent.courseId', '没有这期培训'],
  ] as const) {
    const bad = await post(tok.informantA, url, { personId: ids.son, baseVersion: base, howWent: organised(over) })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields[field]).toBe(message)
  }
  // A channel without its record is refused too.
  const none = await post(tok.informantA, url, { personId: ids.son, baseVersion: base, howWent: organised({ channel: 'batch' }) })
  expect(none.statusCode).toBe(400)
  expect(none.json().error.fields['howWent.batchId']).toBe('请选择哪一趟专车')
  expect(await versionOf(ids.son)).toBe(base)

  const res = await post(tok.informantA, url, { personId: ids.son, baseVersion: base, howWent: organised({ stationId: station.id }) })
  expect(res.statusCode).toBe(200)
  const named = { id: station.id, name: `${station.name} · ${station.city}`, date: null }
  expect(res.json().person).toMatchObject({ howWent: { kind: 'organised', channel: 'station', stationId: station.id }, howWentLink: named, version: base + 1 })
  const list = (await get(tok.informantA, `/api/staff/survey-rounds/${ids.round}/village`)).json()
  const members = list.households[0].members as { id: number; howWentLink: unknown }[]
  expect(members.find((m) => m.id === ids.son)?.howWentLink).toEqual(named)
  expect(members.find((m) => m.id === ids.head)?.howWentLink).toBeNull()
})

test('the phone reads its village again with the ETag of its copy: 304 and no body until something changes', async () => {
  const url = `/api/staff/survey-rounds/${ids.round}/village`
  const first = await get(tok.informantA, url)
  const etag = String(first.headers.etag)
  expect(etag).toMatch(/^"[\w-]+"$/)
  const again = (tag: string, token = tok.informantA) => t.app.inject({ url, headers: { ...bearer(token), 'if-none-match': tag } })
  // Twice: the first repeat checks the answer and remembers it, the second is answered from that memory.
  for (let i = 0; i < 2; i++) {
    const same = await again(etag)
    expect(same.statusCode).toBe(304)
    expect(same.body).toBe('')
    expect(same.headers.etag).toBe(etag)
    expect(same.headers['cache-control']).toBe('no-store')
  }
  // Another village's informant with this ETag gets their own list, whole.
  const other = await again(etag, tok.informantB)
  expect(other.statusCode).toBe(200)
  expect(other.json().village.id).toBe(ids.villageB)
  // A check changes the list: the old ETag gets the new list and a new ETag.
  const base = await versionOf(ids.wife)
  expect((await post(tok.informantA, `${url.replace('/village', '/checks')}`, { personId: ids.wife, baseVersion: base, unchanged: true, note: '电话核实' })).statusCode).toBe(200)
  const changed = await again(etag)
  expect(changed.statusCode).toBe(200)
  expect(changed.headers.etag).not.toBe(etag)
  const wife = changed.json().households.flatMap((h: { members: { id: number; note: string | null }[] }) => h.members).find((m: { id: number }) => m.id === ids.wife)
  expect(wife.note).toBe('电话核实')
  expect((await again(String(changed.headers.etag))).statusCode).toBe(304)
  // A list of tags, or a weak one, names it too; an officer of another township holding the ETag still gets 404.
  expect((await again(`"nope", W/${String(changed.headers.etag)}`)).statusCode).toBe(304)
  expect((await t.app.inject({ url: `${url}?villageId=${ids.villageA}`, headers: { ...bearer(tok.chengguan), 'if-none-match': String(changed.headers.etag) } })).statusCode).toBe(404)
})
