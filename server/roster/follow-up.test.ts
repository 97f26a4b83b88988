/**
 * Organised moves update the roster (a batch departing, a hire through a posting, an order course finished), staff
 * contacts update it too, a departed batch's riders wait on their officer's follow-up list a month later until
 * contacted, and 脱贫户 / 监测户 people without work 30 days or who reported unpaid wages stay on the risk list until
 * an officer records what was done. A clock the test moves; on SQLite and PostgreSQL alike.
 */
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { chinaDate } from '../../types'
import { buildTestApp, type TestApp } from '../test-support/test-app'

jest.setTimeout(90_000)

let t: TestApp
let now = new Date('2026-05-04T02:00:00.000Z')
const DAY = 86_400_000
let admin = ''
let luomen = ''
let chengguan = ''
let kunshan = ''
let kunshanStation = 0
let village = { id: 0, name: '' }

const post = (token: string, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'idempotency-key': freshKey('follow') }, payload })
const get = (token: string, url: string) => t.app.inject({ url: encodeURI(url), headers: bearer(token) })
const personRow = (id: number) => t.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const latestVersion = (id: number) => t.db.selectFrom('person_versions').selectAll().where('person_id', '=', id).orderBy('version', 'desc').executeTakeFirstOrThrow()

let seq = 700
async function addPerson(token: string, over: Record<string, unknown>) {
  const res = await post(token, '/api/staff/people', personBody({ idNumber: idNumberFor(++seq), township: '洛门镇', villageId: village.id, ...over }))
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().id as number
}

/** Staff sessions do not outlive a jump of the clock: sign in again. */
async function signInStaff() {
  admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  kunshan = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  luomen = (await staffSignIn(t.app, 'fu-luomen', 'a-changed-password')).token
  chengguan = (await staffSignIn(t.app, 'fu-chengguan', 'a-changed-password')).token
}

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now })
  admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  kunshan = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  kunshanStation = (await t.db.selectFrom('staff').select('station_id').where('username', '=', 'kunshan').executeTakeFirstOrThrow()).station_id as number
  village = await villageOf(t.app, admin, '洛门镇', 0)
  luomen = await openAccount(t.app, admin, 'fu-luomen', { role: 'township', township: '洛门镇' })
  chengguan = await openAccount(t.app, admin, 'fu-chengguan', { role: 'township', township: '城关镇' })
})
afterAll(() => t.close())

describe('a hire through a posting, and an order course finished', () => {
  test('hired: away in the posting’s city through the posting and its station', async () => {
    const id = await addPerson(luomen, { name: '苟天宝', phone: '13500000011', status: 'willing' })
    const worker = await signIn(t.app, '13500000011')
    const job = await t.db.selectFrom('jobs').select(['id', 'province', 'city', 'employer_name']).where('source_station_id', '=', kunshanStation).where('review_status', '=', 'ok').where('status', '=', 'open').orderBy('id').executeTakeFirstOrThrow()
    const applied = await post(worker.token, `/api/jobs/${job.id}/applications`, {})
    expect(applied.statusCode).toBe(200)
    const hired = await post(kunshan, `/api/staff/applications/${applied.json().id}/status`, { status: 'hired' })
    expect(hired.statusCode).toBe(200)
    expect(await personRow(id)).toMatchObject({
      status: job.province === '甘肃省' ? 'away_in_province' : 'away_other_province',
      destination_province: job.province,
      destination_city: job.city,
      employer: job.employer_name,
      how_went: 'organised',
      organised_channel: 'posting',
      job_id: job.id,
      station_id: kunshanStation,
      source: 'system',
    })
  })

  test('an order course finished: placed with its partner employer in its city, through the training', async () => {
    const id = await addPerson(luomen, { name: '苟地宝', phone: '13500000012', status: 'returned', returnReason: 'lost_job' })
    const worker = await signIn(t.app, '13500000012')
    const course = await t.db.selectFrom('courses').select(['id', 'start_date', 'partner_employer']).where('partner_employer', '=', '无锡恒锐精密电子有限公司').executeTakeFirstOrThrow()
    const enrolled = await post(worker.token, `/api/courses/${course.id}/enrollments`, { agreeTerms: true })
    expect(enrolled.statusCode).toBe(201)
    now = new Date(`${course.start_date}T10:00:00+08:00`)
    await signInStaff()
    const done = await post(admin, `/api/staff/enrollments/${enrolled.json().id}/complete`)
    expect(done.statusCode).toBe(200)
    expect(await personRow(id)).toMatchObject({
      status: 'away_other_province',
      destination_province: '江苏省',
      destination_city: '无锡市',
      employer: '无锡恒锐精密电子有限公司',
      return_reason: null,
      how_went: 'organised',
      organised_channel: 'training',
      course_id: course.id,
      source: 'system',
    })
  })
})

describe('organised moves and follow-up', () => {
  let riderPerson = 0
  let bystander = 0
  let batchId = 0
  let rider = { token: '', user: { id: 0 } }
  let departedAt = new Date()

  beforeAll(async () => {
    riderPerson = await addPerson(luomen, { name: '何满仓', phone: '13500000001', status: 'willing' })
    bystander = await addPerson(luomen, { name: '何满屯', phone: '13500000002', status: 'willing' })
    rider = await signIn(t.app, '13500000001')
    // A rider with an account but no roster record, and one whose record is in another township's care.
    const stranger = await signIn(t.app, '13500000003')
    const created = await post(kunshan, '/api/staff/transport-batches', {
      departAt: new Date(now.getTime() + 3 * DAY).toISOString(),
      departureTownship: '洛门镇',
      meetingPoint: '洛门镇政府门前',
      destinationProvince: '江苏省',
      destinationCity: '苏州市',
      vehicleKind: 'bus',
      seats: 5,
    })
    expect(created.statusCode).toBe(201)
    batchId = created.json().id
    for (const w of [rider, stranger]) expect((await post(w.token, `/api/transport-batches/${batchId}/signups`)).statusCode).toBe(201)
  })

  test('a batch departing sets its linked riders away, through the batch and its station, source system', async () => {
    now = new Date(now.getTime() + 3 * DAY)
    departedAt = now
    await signInStaff()
    const departed = await post(kunshan, `/api/staff/transport-batches/${batchId}/depart`)
    expect(departed.statusCode).toBe(200)
    expect(await personRow(riderPerson)).toMatchObject({
      status: 'away_other_province',
      destination_province: '江苏省',
      destination_city: '苏州市',
      how_went: 'organised',
      organised_channel: 'batch',
      batch_id: batchId,
      station_id: kunshanStation,
      source: 'system',
      status_since: chinaDate(departedAt),
    })
    expect((await personRow(bystander)).status).toBe('willing')
    const history = (await get(luomen, `/api/staff/people/${riderPerson}/history`)).json().items
    expect(history[0]).toMatchObject({ source: 'system', staff: null, userId: null })
    // The station now reads the person it sent.
    expect((await get(kunshan, `/api/staff/people/${riderPerson}`)).statusCode).toBe(200)
    // A repeat of the departure writes nothing more.
    const version = (await personRow(riderPerson)).version
    await post(kunshan, `/api/staff/transport-batches/${batchId}/depart`)
    expect((await personRow(riderPerson)).version).toBe(version)
  })

  test('not yet a month: nobody to follow up', async () => {
    now = new Date(departedAt.getTime() + 20 * DAY)
    await signInStaff()
    expect((await get(luomen, '/api/staff/follow-ups')).json()).toMatchObject({ items: [], total: 0 })
  })

  test('a month after departure the rider is on their township officer’s follow-up list, and leaves it once contacted', async () => {
    now = new Date(departedAt.getTime() + 32 * DAY)
    await signInStaff()
    const list = (await get(luomen, '/api/staff/follow-ups')).json()
    expect(list.total).toBe(1)
    expect(list.items[0]).toMatchObject({ person: { id: riderPerson, name: '何满仓' }, batch: { id: batchId, destinationCity: '苏州市', stationId: kunshanStation }, lastContact: null })
    // The phone in the list is masked.
    expect(JSON.stringify(list)).not.toContain('13500000001')
    expect((await get(chengguan, '/api/staff/follow-ups')).json().total).toBe(0)
    expect((await get(luomen, '/api/staff/follow-ups?township=城关镇')).json().total).toBe(0)
    expect((await get(kunshan, '/api/staff/follow-ups')).json().total).toBe(1)

    // The station reads the list of the people it sent, and writes nothing.
    expect((await post(kunshan, `/api/staff/people/${riderPerson}/contacts`, { channel: 'call', outcome: 'still_working' })).statusCode).toBe(403)
    const contact = await post(luomen, `/api/staff/people/${riderPerson}/contacts`, { channel: 'call', outcome: 'still_working', note: '在厂里干得挺好' })
    expect(contact.statusCode).toBe(201)
    expect(contact.json().contact).toMatchObject({ channel: 'call', outcome: 'still_working', contactedOn: chinaDate(now), staff: { displayName: '测试fu-luomen' } })
    expect((await get(luomen, '/api/staff/follow-ups')).json().total).toBe(0)
    // Still working changes nothing on the record.
    expect((await personRow(riderPerson)).source).toBe('system')
  })

  test('a contact saying they came home makes them 返乡回流 with the reason, in the history as the officer’s', async () => {
    const res = await post(luomen, `/api/staff/people/${riderPerson}/contacts`, { channel: 'visit', outcome: 'came_home', returnReason: 'wages_unpaid' })
    expect(res.statusCode).toBe(201)
    expect(res.json().person).toMatchObject({ status: 'returned', returnReason: 'wages_unpaid', destinationCity: null, howWent: null, statusSince: chinaDate(now), source: 'staff' })
    const v = await latestVersion(riderPerson)
    expect(v.changed_by_staff_id).not.toBeNull()
    const contacts = (await get(luomen, `/api/staff/people/${riderPerson}/contacts`)).json().items
    expect(contacts.map((c: { outcome: string }) => c.outcome)).toEqual(['came_home', 'still_working'])
  })

  test('a contact saying they changed job moves them to the new place', async () => {
    const res = await post(luomen, `/api/staff/people/${riderPerson}/contacts`, { channel: 'wechat', outcome: 'changed_job', destinationProvince: '浙江省', destinationCity: '宁波市', employer: '宁波某电器厂' })
    expect(res.statusCode).toBe(201)
    expect(res.json().person).toMatchObject({ status: 'away_other_province', destinationProvince: '浙江省', destinationCity: '宁波市', employer: '宁波某电器厂', howWent: { kind: 'self' } })
  })

  test('contacts: bad input is a 400 per field; stations read but do not write; another township is 404', async () => {
    const bad = await post(luomen, `/api/staff/people/${riderPerson}/contacts`, { channel: 'call', outcome: 'still_working', returnReason: 'family', destinationCity: '苏州市', contactedOn: chinaDate(new Date(now.getTime() + DAY)) })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['contactedOn', 'destinationCity', 'returnReason'])
    const unknown = await post(luomen, `/api/staff/people/${riderPerson}/contacts`, { channel: 'letter', outcome: 'fine' })
    expect(unknown.statusCode).toBe(400)
    expect(bad.json().error.fields.returnReason).toMatch(/[\u4e00-\u9fa5]/)
    // Sent by the batch no longer (a job they found themselves): out of the station's reach.
    expect((await post(kunshan, `/api/staff/people/${riderPerson}/contacts`, { channel: 'call', outcome: 'still_working' })).statusCode).toBe(404)
    expect((await post(chengguan, `/api/staff/people/${riderPerson}/contacts`, { channel: 'call', outcome: 'still_working' })).statusCode).toBe(404)
    expect((await get(chengguan, `/api/staff/people/${riderPerson}/contacts`)).statusCode).toBe(404)
    const count = await t.db.selectFrom('person_contacts').select('id').where('person_id', '=', riderPerson).execute()
    expect(count).toHaveLength(3)
  })
})

describe('the risk list', () => {
  const ids = { longHome: 0, shortHome: 0, general: 0, monitored: 0, unpaid: 0, school: 0, chengguan: 0 }

  beforeAll(async () => {
    now = new Date('2026-09-01T02:00:00.000Z')
    await signInStaff()
    const c1 = await villageOf(t.app, admin, '城关镇', 0)
    ids.longHome = await addPerson(luomen, { name: '甲久归', poverty: 'alleviated', status: 'returned', returnReason: 'lost_job', statusSince: '2026-07-20' })
    ids.shortHome = await addPerson(luomen, { name: '乙新归', poverty: 'alleviated', status: 'returned', returnReason: 'family', statusSince: '2026-08-20' })
    ids.general = await addPerson(luomen, { name: '丙一般', poverty: 'general', status: 'returned', returnReason: 'lost_job', statusSince: '2026-06-01' })
    ids.monitored = await addPerson(luomen, { name: '丁监测', poverty: 'monitored', status: 'willing' })
    ids.unpaid = await addPerson(luomen, { name: '戊欠薪', poverty: 'monitored', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市' })
    ids.school = await addPerson(luomen, { name: '己在校', poverty: 'alleviated', status: 'in_school', statusSince: '2026-01-01' })
    ids.chengguan = await addPerson(chengguan, { name: '庚城关', township: '城关镇', villageId: c1.id, poverty: 'alleviated', status: 'unwilling', statusSince: '2026-05-01' })
  })

  const riskIds = async (token: string, query = '') => {
    const res = await get(token, `/api/staff/risks?limit=50${query}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.total).toBe(body.items.length)
    return body.items as { person: { id: number }; reasons: { kind: string; since: string; days: number; contactId: number | null }[]; lastAction: unknown }[]
  }

  test('脱贫户 and 监测户 without work 30 days or more; not 一般户, not a short stretch, not a pupil; each officer their own township', async () => {
    const mine = await riskIds(luomen)
    const listed = mine.map((r) => r.person.id)
    expect(listed).toContain(ids.longHome)
    for (const id of [ids.shortHome, ids.general, ids.monitored, ids.unpaid, ids.school, ids.chengguan]) expect(listed).not.toContain(id)
    expect(mine.find((r) => r.person.id === ids.longHome)!.reasons).toEqual([{ kind: 'no_work', since: '2026-07-20', days: 43, contactId: null }])
    expect((await riskIds(chengguan)).map((r) => r.person.id)).toEqual([ids.chengguan])
    expect((await riskIds(luomen, '&township=城关镇'))).toEqual([])
    const all = (await riskIds(admin)).map((r) => r.person.id)
    expect(all).toEqual(expect.arrayContaining([ids.longHome, ids.chengguan]))
  })

  test('thirty days on, the monitored person registered without a date is at risk too', async () => {
    now = new Date('2026-10-02T02:00:00.000Z')
    await signInStaff()
    const listed = (await riskIds(luomen)).map((r) => r.person.id)
    expect(listed).toEqual(expect.arrayContaining([ids.longHome, ids.shortHome, ids.monitored]))
  })

  test('a reported unpaid wage puts a working person on the list until an officer records what was done', async () => {
    expect((await post(luomen, `/api/staff/people/${ids.unpaid}/contacts`, { channel: 'call', outcome: 'wages_unpaid', note: '老板两个月没发工资' })).statusCode).toBe(201)
    const item = (await riskIds(luomen)).find((r) => r.person.id === ids.unpaid)
    expect(item?.reasons).toEqual([expect.objectContaining({ kind: 'wages_unpaid', since: '2026-10-02', days: 0 })])
    expect((await post(kunshan, `/api/staff/people/${ids.unpaid}/risk-actions`, { action: 'wage_claim' })).statusCode).toBe(403)
    const bad = await post(luomen, `/api/staff/people/${ids.unpaid}/risk-actions`, { action: 'shrug' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields.action).toMatch(/[\u4e00-\u9fa5]/)
    now = new Date(now.getTime() + 60_000)
    const done = await post(luomen, `/api/staff/people/${ids.unpaid}/risk-actions`, { action: 'wage_claim', note: '已转县劳动监察大队' })
    expect(done.statusCode).toBe(201)
    expect(done.json().action).toMatchObject({ action: 'wage_claim', note: '已转县劳动监察大队', personId: ids.unpaid })
    expect((await riskIds(luomen)).map((r) => r.person.id)).not.toContain(ids.unpaid)
    // A new report after the action brings them back, with the last action shown.
    now = new Date(now.getTime() + 60_000)
    await post(luomen, `/api/staff/people/${ids.unpaid}/contacts`, { channel: 'call', outcome: 'injured' })
    const again = (await riskIds(luomen)).find((r) => r.person.id === ids.unpaid)
    expect(again?.reasons.map((r) => r.kind)).toEqual(['injured'])
    expect(again?.lastAction).toMatchObject({ action: 'wage_claim' })
  })

  test('an action for someone without work takes them off; paging walks the rest in id order', async () => {
    now = new Date(now.getTime() + 60_000)
    expect((await post(luomen, `/api/staff/people/${ids.longHome}/risk-actions`, { action: 'public_welfare_job' })).statusCode).toBe(201)
    const listed = (await riskIds(luomen)).map((r) => r.person.id)
    expect(listed).not.toContain(ids.longHome)
    const first = (await get(luomen, '/api/staff/risks?limit=1')).json()
    expect(first.items).toHaveLength(1)
    const second = (await get(luomen, `/api/staff/risks?limit=50&cursor=${first.nextCursor}`)).json()
    expect([first.items[0].person.id, ...second.items.map((i: { person: { id: number } }) => i.person.id)]).toEqual(listed)
  })

  test('without a date of their own, the stretch without work starts when their last version at work ended', async () => {
    const id = await addPerson(luomen, { name: '辛回乡', poverty: 'alleviated', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市' })
    now = new Date(now.getTime() + 40 * 86_400_000)
    await signInStaff()
    const home = await t.app.inject({ method: 'PATCH', url: `/api/staff/people/${id}`, headers: bearer(luomen), payload: { status: 'willing' } })
    expect(home.statusCode).toBe(200)
    expect(home.json().statusSince).toBeNull()
    const cameHome = chinaDate(now)
    // Registered 40 days ago, but at work until today: not yet 30 days without work.
    expect((await riskIds(luomen)).map((r) => r.person.id)).not.toContain(id)
    now = new Date(now.getTime() + 31 * 86_400_000)
    await signInStaff()
    const item = (await riskIds(luomen)).find((r) => r.person.id === id)
    expect(item?.reasons).toEqual([{ kind: 'no_work', since: cameHome, days: 31, contactId: null }])
  })
})
