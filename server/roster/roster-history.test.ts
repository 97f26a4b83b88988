/**
 * History and "as of": a person edited over several days (a clock the test moves), every list read as of each day
 * gives exactly that day's state, after later edits too; the history says who changed what, before and after.
 */
import { bearer, staffSignIn } from '../test-support/accounts'
import { idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'

// Opening accounts hashes and changes passwords (scrypt) several times: slow on a busy machine.
jest.setTimeout(60_000)

let t: TestApp
// 10:00 China time on each day.
let now = new Date('2026-03-02T02:00:00.000Z')
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`)
let officer = ''
let admin = ''
let villageId = 0
let personId = 0
let neighbourId = 0

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now })
  admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  villageId = (await villageOf(t.app, admin, '滩歌镇', 2)).id
  officer = await openAccount(t.app, admin, 'tange', { role: 'township', township: '滩歌镇', displayName: '滩歌镇劳务专干' })

  now = at('2026-03-02')
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/staff/people',
    headers: { ...bearer(officer), 'idempotency-key': 'history-create' },
    payload: personBody({ name: '张桂花', idNumber: idNumberFor(12, '19880512'), phone: '13987650011', township: '滩歌镇', villageId, poverty: 'alleviated', status: 'willing' }),
  })
  expect(created.statusCode).toBe(201)
  personId = created.json().id
  const neighbour = await t.app.inject({
    method: 'POST',
    url: '/api/staff/people',
    headers: { ...bearer(officer), 'idempotency-key': 'history-neighbour' },
    payload: personBody({ name: '张立新', idNumber: idNumberFor(13, '19870101'), township: '滩歌镇', villageId, householdId: created.json().householdId, relation: 'spouse', poverty: 'alleviated', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '无锡市' }),
  })
  expect(neighbour.statusCode).toBe(201)
  neighbourId = neighbour.json().id

  const patch = async (day: string, hour: number, body: object) => {
    now = at(day, hour)
    const res = await t.app.inject({ method: 'PATCH', url: `/api/staff/people/${personId}`, headers: bearer(officer), payload: body })
    if (res.statusCode !== 200) throw new Error(`${day}: ${res.statusCode} ${res.body}`)
    return res.json()
  }
  // Day 2: off to 苏州, on her own.
  await patch('2026-03-03', 9, { status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市', trade: '普工', howWent: { kind: 'self' }, statusSince: '2026-03-03' })
  // Day 3: the factory stops, home again; and the same evening she is found to be a monitored household.
  await patch('2026-03-04', 11, { status: 'returned', returnReason: 'lost_job', destinationProvince: null, destinationCity: null, howWent: null })
  await patch('2026-03-04', 23, { poverty: 'monitored' })
  // Day 5, 00:30 China time: still 2026-03-05 in China although 03-04 in UTC.
  await patch('2026-03-05', 0, { status: 'away_in_province', destinationProvince: '甘肃省', destinationCity: '兰州市' })
  now = at('2026-03-10')
})
afterAll(() => t.close())

const list = async (query: string) => {
  const res = await t.app.inject({ url: `/api/staff/people?${query}`, headers: bearer(officer) })
  expect(res.statusCode).toBe(200)
  return res.json() as { items: { id: number; status: string; poverty: string; destinationCity: string | null; version: number }[]; total: number; asOf: string | null }
}
const mine = (body: Awaited<ReturnType<typeof list>>) => body.items.find((p) => p.id === personId)

test.each([
  ['2026-03-01', null, null, null],
  ['2026-03-02', 'willing', 'alleviated', null],
  ['2026-03-03', 'away_other_province', 'alleviated', '苏州市'],
  ['2026-03-04', 'returned', 'monitored', null],
  ['2026-03-05', 'away_in_province', 'monitored', '兰州市'],
  ['2026-03-09', 'away_in_province', 'monitored', '兰州市'],
])('as of %s: %s, %s, %s', async (day, status, poverty, city) => {
  const body = await list(`asOf=${day}`)
  expect(body.asOf).toBe(day)
  const p = mine(body)
  if (status === null) return expect(p).toBeUndefined()
  expect(p).toMatchObject({ status, poverty, destinationCity: city })
})

test('filters apply to the state as of the day, counts included', async () => {
  const awayOn3rd = await list(`asOf=2026-03-03&status=away_other_province&destinationProvince=${encodeURIComponent('江苏省')}`)
  expect(awayOn3rd.items.map((p) => p.id).sort()).toEqual([personId, neighbourId].sort())
  expect(awayOn3rd.total).toBe(2)
  const awayOn4th = await list('asOf=2026-03-04&status=away_other_province')
  expect(awayOn4th.items.map((p) => p.id)).toEqual([neighbourId])
  expect(awayOn4th.total).toBe(1)
  expect((await list('asOf=2026-03-04&poverty=monitored')).total).toBe(1)
  expect((await list('asOf=2026-03-03&poverty=monitored')).total).toBe(0)
  // Now: the current rows.
  const current = await list('status=away_in_province')
  expect(current.items.map((p) => p.id)).toEqual([personId])
  expect(current.asOf).toBeNull()
})

test('a later edit does not change what an earlier day reads', async () => {
  const before = await list('asOf=2026-03-03')
  now = at('2026-03-10')
  const res = await t.app.inject({ method: 'PATCH', url: `/api/staff/people/${neighbourId}`, headers: bearer(officer), payload: { destinationCity: '常州市' } })
  expect(res.statusCode).toBe(200)
  expect(await list('asOf=2026-03-03')).toEqual(before)
  expect((await list('')).items.find((p) => p.id === neighbourId)?.destinationCity).toBe('常州市')
})

test('a day after today is refused', async () => {
  const res = await t.app.inject({ url: '/api/staff/people?asOf=2026-03-11', headers: bearer(officer) })
  expect(res.statusCode).toBe(400)
  expect(res.json().error.fields.asOf).toBe('日期不能晚于今天')
  const bad = await t.app.inject({ url: '/api/staff/people?asOf=2026-3-1', headers: bearer(officer) })
  expect(bad.statusCode).toBe(400)
})

test('the history: newest first, who and when, before and after, ID and phone never in the clear', async () => {
  const res = await t.app.inject({ url: `/api/staff/people/${personId}/history?limit=2`, headers: bearer(officer) })
  expect(res.statusCode).toBe(200)
  const page1 = res.json()
  expect(page1.items.map((e: { version: number }) => e.version)).toEqual([5, 4])
  expect(page1.items[0]).toMatchObject({ at: at('2026-03-05', 0).toISOString(), source: 'staff', staff: { displayName: '滩歌镇劳务专干' }, userId: null })
  expect(page1.items[0].changes).toEqual(
    expect.arrayContaining([
      { field: 'status', before: 'returned', after: 'away_in_province' },
      { field: 'destinationProvince', before: null, after: '甘肃省' },
    ]),
  )
  expect(page1.items[1].changes).toEqual([{ field: 'poverty', before: 'alleviated', after: 'monitored' }])
  const page2 = await t.app.inject({ url: `/api/staff/people/${personId}/history?limit=2&cursor=${page1.nextCursor}`, headers: bearer(officer) })
  const page3 = await t.app.inject({ url: `/api/staff/people/${personId}/history?limit=2&cursor=${page2.json().nextCursor}`, headers: bearer(officer) })
  expect(page2.json().items.map((e: { version: number }) => e.version)).toEqual([3, 2])
  expect(page3.json()).toMatchObject({ items: [{ version: 1 }], nextCursor: null })
  const first = page3.json().items[0]
  expect(first.changes).toEqual(expect.arrayContaining([{ field: 'name', before: null, after: '张桂花' }, { field: 'phone', before: null, after: '139****0011' }]))
  const text = JSON.stringify([page1, page2.json(), page3.json()])
  expect(text).not.toContain('13987650011')
  expect(text).not.toContain(idNumberFor(12, '19880512'))
  // The audit log has every write, with the actor.
  const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'person').where('entity_id', '=', personId).orderBy('id').execute()
  expect(audit.map((a) => a.action)).toEqual(['person.create', 'person.update', 'person.update', 'person.update', 'person.update'])
  expect(audit.every((a) => a.actor_kind === 'staff')).toBe(true)
})

test('the person page carries the household and the version; a stale version is 409 and changes nothing', async () => {
  const page = await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(officer) })
  expect(page.statusCode).toBe(200)
  const { person, household } = page.json()
  expect(person).toMatchObject({ version: 5, relation: 'head', sex: 'female', birthYear: 1988, source: 'staff' })
  expect(household.members.map((m: { id: number; relation: string }) => [m.id, m.relation])).toEqual([
    [personId, 'head'],
    [neighbourId, 'spouse'],
  ])
  const stale = await t.app.inject({ method: 'PATCH', url: `/api/staff/people/${personId}`, headers: bearer(officer), payload: { version: 4, employer: '兰州某厂' } })
  expect(stale.statusCode).toBe(409)
  const again = await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(officer) })
  expect(again.json().person).toMatchObject({ version: 5, employer: null })
})

test('adding is idempotent: the same key twice is one person', async () => {
  const send = () =>
    t.app.inject({
      method: 'POST',
      url: '/api/staff/people',
      headers: { ...bearer(officer), 'idempotency-key': 'history-twice' },
      payload: personBody({ name: '张二娃', idNumber: idNumberFor(15, '20000101'), township: '滩歌镇', villageId }),
    })
  const a = await send()
  const b = await send()
  expect(a.statusCode).toBe(201)
  expect(b.statusCode).toBe(201)
  expect(b.json().id).toBe(a.json().id)
  const rows = await t.db.selectFrom('person_versions').select('id').where('person_id', '=', a.json().id).execute()
  expect(rows).toHaveLength(1)
})
