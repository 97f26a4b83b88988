/**
 * The person page's lines for a linked worker (applications, enrolments, seats, cases), the pickers behind "how they
 * went", and 村庄管理's overview: table-driven scope for each kind of caller, what each one sees, nothing personal.
 * On SQLite and PostgreSQL alike.
 */
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { courseBody, rightsCaseBody, transportBatchBody } from '../test-support/bodies'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'

jest.setTimeout(120_000)

type Who = 'admin' | 'townshipA' | 'townshipB' | 'village' | 'otherVillage' | 'kunshan' | 'wuxi' | 'worker' | 'none'
const everyone: Who[] = ['admin', 'townshipA', 'townshipB', 'village', 'otherVillage', 'kunshan', 'wuxi', 'worker', 'none']

let t: TestApp
const tokens = {} as Record<Who, string>
const ids = { linked: 0, unlinked: 0, village: 0, otherVillage: 0, kunshanStation: 0, wuxiStation: 0, kunshanJob: 0, otherJob: 0, course: 0, kunshanBatch: 0, wuxiBatch: 0 }
const WORKER_PHONE = '13600005501'
let trackingNos: string[] = []

const post = (token: string, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'idempotency-key': freshKey('activity') }, payload })
const get = (who: Who, url: string) => t.app.inject({ url: encodeURI(url), headers: tokens[who] ? bearer(tokens[who]) : {} })

beforeAll(async () => {
  t = await buildTestApp()
  const now = new Date()
  tokens.admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  tokens.kunshan = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  tokens.wuxi = (await staffSignIn(t.app, 'wuxi', t.config.staffPasswords.wuxi)).token
  tokens.none = ''
  const stationOf = async (username: string) => (await t.db.selectFrom('staff').select('station_id').where('username', '=', username).executeTakeFirstOrThrow()).station_id as number
  ids.kunshanStation = await stationOf('kunshan')
  ids.wuxiStation = await stationOf('wuxi')
  const village = await villageOf(t.app, tokens.admin, '洛门镇', 0)
  const other = await villageOf(t.app, tokens.admin, '洛门镇', 1)
  ids.village = village.id
  ids.otherVillage = other.id
  tokens.townshipA = await openAccount(t.app, tokens.admin, 'act-luomen', { role: 'township', township: '洛门镇' })
  tokens.townshipB = await openAccount(t.app, tokens.admin, 'act-chengguan', { role: 'township', township: '城关镇' })
  tokens.village = await openAccount(t.app, tokens.admin, 'act-village', { role: 'village', township: '洛门镇', village: village.name })
  tokens.otherVillage = await openAccount(t.app, tokens.admin, 'act-village2', { role: 'village', township: '洛门镇', village: other.name })

  // Working in 苏州市, the 昆山 station's city: 昆山 reaches the person, 无锡 does not.
  const created = await post(
    tokens.admin,
    '/api/staff/people',
    personBody({ name: '包满仓', idNumber: idNumberFor(801), phone: WORKER_PHONE, township: '洛门镇', villageId: village.id, status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市' }),
  )
  expect(created.statusCode).toBe(201)
  ids.linked = created.json().id
  ids.unlinked = (await post(tokens.admin, '/api/staff/people', personBody({ name: '包满屯', idNumber: idNumberFor(802), township: '洛门镇', villageId: village.id }))).json().id
  const worker = await signIn(t.app, WORKER_PHONE)
  tokens.worker = worker.token
  expect((await t.db.selectFrom('people').select('user_id').where('id', '=', ids.linked).executeTakeFirstOrThrow()).user_id).toBe(worker.user.id)

  const openJob = (station: 'kunshan' | 'other') => {
    let q = t.db.selectFrom('jobs').select('id').where('review_status', '=', 'ok').where('status', '=', 'open')
    q = station === 'kunshan' ? q.where('source_station_id', '=', ids.kunshanStation) : q.where('source_station_id', '!=', ids.kunshanStation)
    return q.orderBy('id').executeTakeFirstOrThrow()
  }
  ids.kunshanJob = (await openJob('kunshan')).id
  ids.otherJob = (await openJob('other')).id
  for (const job of [ids.kunshanJob, ids.otherJob]) expect((await post(worker.token, `/api/jobs/${job}/applications`, { note: '' })).statusCode).toBeLessThan(300)

  const course = await post(tokens.admin, '/api/staff/courses', courseBody(now, 5, { title: '活动测试电工班' }))
  expect(course.statusCode).toBe(201)
  ids.course = course.json().id
  expect((await post(worker.token, `/api/courses/${ids.course}/enrollments`)).statusCode).toBe(201)

  const batch = async (token: string, city: string) => {
    const res = await post(token, '/api/staff/transport-batches', transportBatchBody(now, { departureTownship: '洛门镇', destinationCity: city }))
    expect(res.statusCode).toBe(201)
    return res.json().id as number
  }
  ids.kunshanBatch = await batch(tokens.kunshan, '苏州市')
  ids.wuxiBatch = await batch(tokens.wuxi, '无锡市')
  for (const b of [ids.kunshanBatch, ids.wuxiBatch]) expect((await post(worker.token, `/api/transport-batches/${b}/signups`)).statusCode).toBe(201)

  trackingNos = []
  for (const city of ['苏州市', '无锡市']) {
    const res = await post(worker.token, '/api/rights-requests', { ...rightsCaseBody, workCity: city, workAddress: `${city}某工地` })
    expect(res.statusCode).toBe(201)
    trackingNos.push(res.json().trackingNo)
  }
})
afterAll(() => t.close())

interface Case {
  name: string
  url: () => string
  expect: Record<Who, number>
}

const cases: Case[] = [
  {
    name: 'a linked person’s activity',
    url: () => `/api/staff/people/${ids.linked}/activity`,
    // As the person page: another township, another village and the 无锡 station do not reach them (404).
    expect: { admin: 200, townshipA: 200, townshipB: 404, village: 200, otherVillage: 404, kunshan: 200, wuxi: 404, worker: 403, none: 401 },
  },
  {
    name: 'an unlinked person’s activity',
    url: () => `/api/staff/people/${ids.unlinked}/activity`,
    expect: { admin: 200, townshipA: 200, townshipB: 404, village: 200, otherVillage: 404, kunshan: 404, wuxi: 404, worker: 403, none: 401 },
  },
  { name: 'a person who does not exist', url: () => '/api/staff/people/999999/activity', expect: { admin: 404, townshipA: 404, townshipB: 404, village: 404, otherVillage: 404, kunshan: 404, wuxi: 404, worker: 403, none: 401 } },
  ...(['station', 'batch', 'posting', 'training'] as const).map((kind) => ({
    name: `pick a ${kind}`,
    url: () => `/api/staff/roster/links?kind=${kind}`,
    // Stations write nothing on the roster, so they pick nothing.
    expect: { admin: 200, townshipA: 200, townshipB: 200, village: 200, otherVillage: 200, kunshan: 403, wuxi: 403, worker: 403, none: 401 },
  })),
  {
    name: 'the villages overview',
    url: () => '/api/staff/villages/overview',
    expect: { admin: 200, townshipA: 403, townshipB: 403, village: 403, otherVillage: 403, kunshan: 403, wuxi: 403, worker: 403, none: 401 },
  },
]

describe.each(cases)('$name', (c) => {
  test.each(everyone)('%s', async (who) => {
    const res = await get(who, c.url())
    expect({ who, status: res.statusCode }).toEqual({ who, status: c.expect[who] })
    if (res.statusCode >= 400) expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/)
  })
})

interface Line {
  kind: string
  what: string
  status: string
  statusText: string
  at: string
  open: { page: string; id: number; trackingNo: string | null } | null
}
const activity = async (who: Who, id = ids.linked) => {
  const res = await get(who, `/api/staff/people/${id}/activity`)
  expect(res.statusCode).toBe(200)
  return res.json() as { linked: boolean; stationOnly: boolean; items: Line[]; more: boolean }
}
const kinds = (items: Line[]) => items.map((i) => i.kind).sort()

describe('what each caller sees of a linked person', () => {
  test('an admin: every line, newest first, each opening its workbench page', async () => {
    const body = await activity('admin')
    expect(body).toMatchObject({ linked: true, stationOnly: false, more: false })
    expect(kinds(body.items)).toEqual(['application', 'application', 'case', 'case', 'enrollment', 'seat', 'seat'])
    expect(body.items.map((i) => i.at)).toEqual([...body.items.map((i) => i.at)].sort().reverse())
    const job = body.items.find((i) => i.kind === 'application' && i.open?.id === ids.kunshanJob)
    expect(job).toMatchObject({ status: 'submitted', statusText: '已报名', open: { page: 'job', id: ids.kunshanJob } })
    expect(body.items.find((i) => i.kind === 'enrollment')).toMatchObject({ what: expect.stringContaining('活动测试电工班'), statusText: '已报上名', open: { page: 'course', id: ids.course } })
    expect(body.items.find((i) => i.kind === 'seat' && i.open?.id === ids.kunshanBatch)).toMatchObject({ what: expect.stringMatching(/^洛门镇 → 苏州市 · \d{4}-\d{2}-\d{2} 发车$/), status: 'signed_up', statusText: '已报名，等发车' })
    const cases = body.items.filter((i) => i.kind === 'case')
    expect(cases.map((c) => c.open?.trackingNo).sort()).toEqual([...trackingNos].sort())
    expect(cases[0]).toMatchObject({ statusText: '已提交，等待受理', open: { page: 'case' } })
  })

  test('the township officer and the village informant: every line; only the course page opens (the others are the stations’)', async () => {
    for (const who of ['townshipA', 'village'] as const) {
      const body = await activity(who)
      expect(body.stationOnly).toBe(false)
      expect(kinds(body.items)).toEqual(['application', 'application', 'case', 'case', 'enrollment', 'seat', 'seat'])
      expect(body.items.filter((i) => i.open).map((i) => i.open?.page)).toEqual(['course'])
    }
  })

  test('the 昆山 station: its own posting, batch and case, and the county’s course; nothing of 无锡', async () => {
    const body = await activity('kunshan')
    expect(body).toMatchObject({ linked: true, stationOnly: true })
    expect(kinds(body.items)).toEqual(['application', 'case', 'enrollment', 'seat'])
    const kunshanCase = await t.db.selectFrom('rights_requests').select(['tracking_no', 'station_id']).where('tracking_no', 'in', trackingNos).execute()
    const ownCase = kunshanCase.find((c) => c.station_id === ids.kunshanStation)?.tracking_no
    expect(body.items.find((i) => i.kind === 'case')?.open?.trackingNo).toBe(ownCase)
    expect(body.items.find((i) => i.kind === 'application')?.open).toMatchObject({ page: 'job', id: ids.kunshanJob })
    expect(body.items.find((i) => i.kind === 'seat')?.open).toMatchObject({ page: 'batch', id: ids.kunshanBatch })
    expect(JSON.stringify(body)).not.toContain('无锡')
  })

  test('no personal data on any line: not the worker’s phone, not the case’s story or address', async () => {
    const res = await get('admin', `/api/staff/people/${ids.linked}/activity`)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.body).not.toContain(WORKER_PHONE)
    expect(res.body).not.toContain(WORKER_PHONE.slice(-4))
    expect(res.body).not.toContain(rightsCaseBody.description)
    expect(res.body).not.toContain('某工地')
  })

  test('a seat’s state follows its batch; a withdrawn application says so', async () => {
    expect((await post(tokens.wuxi, `/api/staff/transport-batches/${ids.wuxiBatch}/cancel`, { reason: '车辆临时故障' })).statusCode).toBe(200)
    const application = await t.db.selectFrom('job_applications').select('id').where('job_id', '=', ids.otherJob).where('user_id', 'is not', null).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect((await post(tokens.worker, `/api/applications/${application.id}/withdraw`)).statusCode).toBe(200)
    const body = await activity('admin')
    expect(body.items.find((i) => i.kind === 'seat' && i.open?.id === ids.wuxiBatch)).toMatchObject({ status: 'batch_cancelled', statusText: '这趟车取消了' })
    expect(body.items.find((i) => i.kind === 'application' && i.open?.id === ids.otherJob)).toMatchObject({ status: 'withdrawn', statusText: '已取消' })
  })

  test('a person without an app account: nothing to show', async () => {
    expect(await activity('townshipA', ids.unlinked)).toEqual({ linked: false, stationOnly: false, items: [], more: false })
  })
})

describe('pickers for “how they went”', () => {
  const links = async (query: string) => {
    const res = await get('townshipA', `/api/staff/roster/links?${query}`)
    expect(res.statusCode).toBe(200)
    return res.json() as { items: { id: number; name: string; date: string | null }[]; nextCursor: string | null }
  }

  test('names and dates only, newest first; by part of a name; one by id', async () => {
    const stations = await links('kind=station&q=昆山')
    expect(stations.items.map((s) => s.id)).toContain(ids.kunshanStation)
    expect(stations.items.find((s) => s.id === ids.kunshanStation)).toEqual({ id: ids.kunshanStation, name: '武山县驻江苏昆山劳务工作站 · 苏州市', date: null })
    const batches = await links('kind=batch&q=洛门镇')
    expect(batches.items.map((b) => b.id)).toEqual(expect.arrayContaining([ids.kunshanBatch]))
    expect(batches.items.find((b) => b.id === ids.kunshanBatch)).toMatchObject({ name: '洛门镇 → 江苏省苏州市', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
    // A cancelled batch carried nobody: not offered, though its id still names it.
    expect(batches.items.map((b) => b.id)).not.toContain(ids.wuxiBatch)
    expect((await links(`kind=batch&id=${ids.wuxiBatch}`)).items.map((b) => b.id)).toEqual([ids.wuxiBatch])
    const course = await links(`kind=training&id=${ids.course}`)
    expect(course.items).toEqual([{ id: ids.course, name: '活动测试电工班', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }])
    const postings = await links('kind=posting&limit=50')
    expect(Object.keys(postings.items[0]).sort()).toEqual(['date', 'id', 'name'])
    expect(postings.items.map((p) => p.id)).toEqual([...postings.items.map((p) => p.id)].sort((a, b) => b - a))
    // % is a character to look for, not a wildcard.
    expect((await links('kind=posting&q=%')).items).toEqual([])
  })

  test('paged by a cursor: two pages hold different records', async () => {
    const first = await links('kind=station&limit=2')
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).not.toBeNull()
    const second = await links(`kind=station&limit=2&cursor=${first.nextCursor}`)
    expect(second.items.length).toBeGreaterThan(0)
    expect(second.items.every((s) => s.id < first.items[1].id)).toBe(true)
  })

  test('an unknown kind or a bad cursor is a 400 in Chinese', async () => {
    const kind = await get('townshipA', '/api/staff/roster/links?kind=broker')
    expect(kind.statusCode).toBe(400)
    expect(kind.json().error.fields.kind).toBe('请选择工作站、专车、岗位或培训')
    const cursor = await get('townshipA', '/api/staff/roster/links?kind=station&cursor=xyz')
    expect(cursor.statusCode).toBe(400)
    expect(cursor.json().error.fields.cursor).toMatch(/[\u4e00-\u9fa5]/)
  })

  test('the id a picker chose is what the form stores', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/people/${ids.linked}`,
      headers: bearer(tokens.townshipA),
      payload: { howWent: { kind: 'organised', channel: 'batch', batchId: ids.kunshanBatch } },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().howWent).toMatchObject({ kind: 'organised', channel: 'batch', batchId: ids.kunshanBatch })
  })
})

describe('村庄管理: townships, their villages and their people', () => {
  test('every township, each village with its people now; a rename shows who, when and the name before', async () => {
    const renamedTo = `改名测试村${Date.now() % 10000}`
    const before = (await villageOf(t.app, tokens.admin, '洛门镇', 1)).name
    const rename = await t.app.inject({ method: 'PATCH', url: `/api/staff/villages/${ids.otherVillage}`, headers: bearer(tokens.admin), payload: { name: renamedTo } })
    expect(rename.statusCode).toBe(200)
    // A name the township already has is refused, and records nothing.
    const villageName = (await villageOf(t.app, tokens.admin, '洛门镇', 0)).name
    const clash = await t.app.inject({ method: 'PATCH', url: `/api/staff/villages/${ids.otherVillage}`, headers: bearer(tokens.admin), payload: { name: villageName } })
    expect(clash.statusCode).toBe(409)
    expect(clash.json().error.message).toBe(`洛门镇已经有${villageName}了`)

    const res = await get('admin', '/api/staff/villages/overview')
    const body = res.json() as { townships: { township: string; people: number; villages: { id: number; name: string; people: number; renamed: { at: string; by: string; from: string } | null }[] }[] }
    expect(body.townships).toHaveLength(15)
    expect(body.townships.reduce((n, x) => n + x.villages.length, 0)).toBeGreaterThanOrEqual(357)
    const luomen = body.townships.find((x) => x.township === '洛门镇')!
    const home = luomen.villages.find((v) => v.id === ids.village)!
    const people = await t.db.selectFrom('people').select('id').where('village_id', '=', ids.village).execute()
    expect(home.people).toBe(people.length)
    expect(home.people).toBeGreaterThanOrEqual(2)
    expect(luomen.people).toBe(luomen.villages.reduce((n, v) => n + v.people, 0))
    expect(luomen.villages.find((v) => v.id === ids.otherVillage)).toMatchObject({ name: renamedTo, renamed: { by: '县人社局管理员', from: before, at: expect.any(String) } })
    expect(home.renamed).toBeNull()
  })
})
