/**
 * Scheduled reminders and staff alerts: each is written once, at its time, to exactly its people, however many sweeps
 * run at once (PostgreSQL: a second connection, as a second server process would have); moving a batch tells its
 * riders in the same transaction; staff read their alerts with a cursor and mark them read. A clock the test moves.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { courseBody, rightsCaseBody, transportBatchBody } from '../test-support/bodies'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp, usesPostgres } from '../test-support/test-app'
import { quarterOf, runScheduledNotices } from './scheduler'

jest.setTimeout(180_000)

// 10:00 in China on Tuesday 10 March 2026.
const T0 = new Date('2026-03-10T02:00:00.000Z')
const HOUR = 3_600_000
let now = T0
let t: TestApp
let phoneN = 0

const send = (method: 'POST' | 'PATCH' | 'DELETE', token: string, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { ...bearer(token), 'idempotency-key': freshKey('remind') }, ...(payload ? { payload } : {}) })
const get = (token: string, url: string) => t.app.inject({ url, headers: bearer(token) })
/** Staff sessions do not outlive a jump of the clock: each call signs in at the time it is made. */
const staff = async (username: string, password = t.config.staffPasswords[username]) => (await staffSignIn(t.app, username, password)).token
const staffId = async (username: string) => (await t.db.selectFrom('staff').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id
const worker = async () => {
  const { token, user } = await signIn(t.app, `1374200${String(++phoneN).padStart(4, '0')}`)
  return { token, id: user.id }
}
const sweep = (db: Kysely<DB> = t.db) => runScheduledNotices(db, now)

/** A worker's inbox of one kind: [title, body, link]. */
const inbox = async (userId: number, kind: string) =>
  (await t.db.selectFrom('messages').select(['title', 'body', 'link']).where('user_id', '=', userId).where('kind', '=', kind).orderBy('id').execute()).map((m) => [
    m.title,
    m.body,
    m.link,
  ])
const staffInbox = async (id: number, kind: string, link?: string) => {
  let q = t.db.selectFrom('messages').select(['title', 'body', 'link']).where('staff_id', '=', id).where('kind', '=', kind)
  if (link) q = q.where('link', '=', link)
  return q.orderBy('id').execute()
}

let admin = ''
let kunshan = ''
let officer = ''
let village = { id: 0, name: '' }
beforeAll(async () => {
  t = await buildTestApp({ clock: () => now })
  admin = await staff('admin')
  kunshan = await staff('kunshan')
  officer = await openAccount(t.app, admin, 'al-luomen', { role: 'township', township: '洛门镇' })
  await openAccount(t.app, admin, 'al-chengguan', { role: 'township', township: '城关镇' })
  village = await villageOf(t.app, admin, '洛门镇', 0)
})
afterAll(() => t?.close())
beforeEach(() => {
  now = T0
})

describe('the evening before a bus', () => {
  test('each rider with a seat hears from 18:00 China time, once; a moved batch tells them at once and reminds again', async () => {
    // 08:30 in China on Thursday 12 March.
    const batch = (await send('POST', kunshan, '/api/staff/transport-batches', transportBatchBody(now, { departAt: '2026-03-12T00:30:00.000Z', meetingPoint: '洛门镇政府门前' }))).json()
    const riders = [await worker(), await worker(), await worker()]
    const seats = []
    for (const r of riders) seats.push((await send('POST', r.token, `/api/transport-batches/${batch.id}/signups`)).json())
    expect((await send('DELETE', riders[2].token, `/api/transport-signups/${seats[2].id}`)).statusCode).toBe(200)

    now = new Date('2026-03-11T09:59:00.000Z') // 17:59 on the eve
    await sweep()
    expect(await inbox(riders[0].id, 'transport_reminder')).toEqual([])

    now = new Date('2026-03-11T10:00:00.000Z') // 18:00
    await sweep()
    for (const r of riders.slice(0, 2)) {
      const got = await inbox(r.id, 'transport_reminder')
      expect(got).toHaveLength(1)
      expect(got[0][0]).toBe('明天坐专车')
      expect(got[0][1]).toContain('3月12日 周四 08:30 去昆山市的专车明天发车')
      expect(got[0][1]).toContain('洛门镇政府门前')
      expect(got[0][2]).toBe('/packages/transport/pages/mine/index')
    }
    // Who gave their seat up is not reminded; inbox only: no SMS for a reminder by default.
    expect(await inbox(riders[2].id, 'transport_reminder')).toEqual([])
    expect(await t.db.selectFrom('notifications').select('id').where('user_id', '=', riders[0].id).where('kind', '=', 'transport_reminder').where('channel', '=', 'sms').execute()).toEqual([])

    // A seat taken that evening is reminded by the next sweep; two sweeps at once write it once.
    now = new Date('2026-03-11T11:00:00.000Z')
    const late = await worker()
    expect((await send('POST', late.token, `/api/transport-batches/${batch.id}/signups`)).statusCode).toBe(201)
    const other = usesPostgres() ? (await t.secondInstance()).db : t.db
    const [a, b] = await Promise.all([sweep(), sweep(other)])
    expect(a.transport_reminder + b.transport_reminder).toBe(1)
    expect(await inbox(late.id, 'transport_reminder')).toHaveLength(1)
    await sweep()
    expect(await inbox(riders[0].id, 'transport_reminder')).toHaveLength(1)

    // Moved to Friday: the riders hear at once (urgent SMS too), and are reminded again on Thursday evening.
    const moved = await send('PATCH', await staff('kunshan'), `/api/staff/transport-batches/${batch.id}`, { departAt: '2026-03-13T00:30:00.000Z', meetingPoint: '县汽车站' })
    expect(moved.statusCode).toBe(200)
    expect(moved.json()).toMatchObject({ told: 3, departAt: '2026-03-13T00:30:00.000Z', meetAt: '2026-03-12T23:30:00.000Z', meetingPoint: '县汽车站' })
    const changed = await inbox(riders[0].id, 'transport_changed')
    expect(changed).toEqual([
      ['发车时间改了', '发车时间改了：您报名的3月12日 周四 08:30 去昆山市的专车，发车时间改到 3月13日 周五 08:30，集合时间改到 3月13日 07:30，集合地点改到 县汽车站。', '/packages/transport/pages/mine/index'],
    ])
    expect(await inbox(riders[2].id, 'transport_changed')).toEqual([])
    const sms = await t.db.selectFrom('notifications').select(['state', 'urgent', 'next_attempt_at']).where('user_id', '=', late.id).where('kind', '=', 'transport_changed').where('channel', '=', 'sms').execute()
    expect(sms).toEqual([{ state: 'pending', urgent: 1, next_attempt_at: now.toISOString() }])

    now = new Date('2026-03-12T10:00:00.000Z')
    await sweep()
    const again = await inbox(riders[0].id, 'transport_reminder')
    expect(again).toHaveLength(2)
    expect(again[1][1]).toContain('县汽车站')
  })
})

describe('moving a batch', () => {
  test('refused for another station, with nothing to change, and once departed or cancelled (400 in Chinese); nothing is said', async () => {
    const batch = (await send('POST', kunshan, '/api/staff/transport-batches', transportBatchBody(now))).json()
    const rider = await worker()
    expect((await send('POST', rider.token, `/api/transport-batches/${batch.id}/signups`)).statusCode).toBe(201)
    const wuxi = await staff('wuxi')
    expect((await send('PATCH', wuxi, `/api/staff/transport-batches/${batch.id}`, { meetingPoint: '别处' })).statusCode).toBe(403)
    const empty = await send('PATCH', kunshan, `/api/staff/transport-batches/${batch.id}`, {})
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.fields.departAt).toBe('请填写新的发车时间、集合时间或集合地点')
    const past = await send('PATCH', kunshan, `/api/staff/transport-batches/${batch.id}`, { departAt: new Date(now.getTime() - HOUR).toISOString() })
    expect(past.json().error.fields).toEqual({ departAt: '发车时间要在现在以后' })
    const late = await send('PATCH', kunshan, `/api/staff/transport-batches/${batch.id}`, { meetAt: new Date(Date.parse(batch.departAt) + HOUR).toISOString() })
    expect(late.json().error.fields).toEqual({ meetAt: '集合时间不能晚于发车时间' })
    // The same values again: nobody is told.
    const same = await send('PATCH', kunshan, `/api/staff/transport-batches/${batch.id}`, { meetingPoint: batch.meetingPoint })
    expect(same.statusCode).toBe(200)
    expect(same.json().told).toBe(0)
    // The admin moves only the meeting point: the departure stays.
    const point = await send('PATCH', admin, `/api/staff/transport-batches/${batch.id}`, { meetingPoint: '县汽车站' })
    expect(point.json()).toMatchObject({ told: 1, departAt: batch.departAt, meetAt: batch.meetAt })
    expect((await inbox(rider.id, 'transport_changed')).map((m) => m[0])).toEqual(['集合时间或地点改了'])

    expect((await send('POST', kunshan, `/api/staff/transport-batches/${batch.id}/depart`)).statusCode).toBe(200)
    const departed = await send('PATCH', kunshan, `/api/staff/transport-batches/${batch.id}`, { meetingPoint: '别处' })
    expect(departed.statusCode).toBe(400)
    expect(departed.json().error).toMatchObject({ message: '这趟车已经发车了，不能再改时间和地点', fields: { meetingPoint: '这趟车已经发车了，不能再改时间和地点' } })

    const other = (await send('POST', kunshan, '/api/staff/transport-batches', transportBatchBody(now))).json()
    expect((await send('POST', kunshan, `/api/staff/transport-batches/${other.id}/cancel`, { reason: '改期' })).statusCode).toBe(200)
    const cancelled = await send('PATCH', kunshan, `/api/staff/transport-batches/${other.id}`, { departAt: new Date(now.getTime() + 5 * 24 * HOUR).toISOString() })
    expect(cancelled.statusCode).toBe(400)
    expect(cancelled.json().error.fields.departAt).toBe('这趟车已经取消了，不能再改时间和地点')
    expect((await inbox(rider.id, 'transport_changed')).length).toBe(1)
    expect((await send('PATCH', kunshan, '/api/staff/transport-batches/999999', { meetingPoint: '别处' })).statusCode).toBe(404)
  })
})

test('the evening before a course: each trainee with a seat, not the waitlist, once', async () => {
  const course = (await send('POST', admin, '/api/staff/courses', courseBody(now, 1))).json()
  const [a, b] = [await worker(), await worker()]
  expect((await send('POST', a.token, `/api/courses/${course.id}/enrollments`, {})).json().status).toBe('enrolled')
  expect((await send('POST', b.token, `/api/courses/${course.id}/enrollments`, {})).json().status).toBe('waitlisted')
  now = new Date(`${course.startDate}T09:00:00+08:00`)
  now = new Date(now.getTime() - 24 * HOUR) // 09:00 the day before: too early
  await sweep()
  expect(await inbox(a.id, 'course_reminder')).toEqual([])
  now = new Date(now.getTime() + 9 * HOUR) // 18:00
  await sweep()
  await sweep()
  const got = await inbox(a.id, 'course_reminder')
  expect(got).toHaveLength(1)
  expect(got[0][0]).toBe('明天开课')
  expect(got[0][1]).toContain(`「${course.title}」明天`)
  expect(await inbox(b.id, 'course_reminder')).toEqual([])
})

describe('the roster and the township officer', () => {
  test('a worker registering themself is an alert for their township officer at once; each linked worker is asked once a quarter', async () => {
    const luomenId = await staffId('al-luomen')
    const chengguanId = await staffId('al-chengguan')
    const w = await worker()
    const res = await send('PATCH', w.token, '/api/me', { name: '自己来', hometownTownship: '洛门镇', hometownVillage: village.name })
    expect(res.statusCode).toBe(200)
    const alerts = await staffInbox(luomenId, 'staff_self_registered')
    expect(alerts.map((a) => [a.title, a.link])).toEqual([['有人登记待确认', '/packages/roster/pages/unconfirmed/index']])
    expect(alerts[0].body).toContain(`${village.name}的自己来在手机上登记了`)
    expect(await staffInbox(chengguanId, 'staff_self_registered')).toEqual([])

    // Not in the quarter the account was opened in; from 09:00 on the next quarter's days, once.
    await sweep()
    expect(await inbox(w.id, 'roster_check')).toEqual([])
    now = new Date('2026-04-01T00:30:00.000Z') // 08:30
    await sweep()
    expect(await inbox(w.id, 'roster_check')).toEqual([])
    const newcomer = await worker()
    expect((await send('PATCH', newcomer.token, '/api/me', { name: '新来的', hometownTownship: '洛门镇', hometownVillage: village.name })).statusCode).toBe(200)
    now = new Date('2026-04-01T02:00:00.000Z') // 10:00
    await sweep()
    await sweep()
    expect(await inbox(w.id, 'roster_check')).toEqual([
      ['你的务工情况有变化吗', expect.stringContaining('你的务工情况有变化吗？'), '/packages/me/pages/work-check/index'],
    ])
    expect(await inbox(newcomer.id, 'roster_check')).toEqual([])
    expect(quarterOf(now)).toEqual({ quarter: '2026-Q2', startsAt: '2026-03-31T16:00:00.000Z' })
    now = new Date('2026-07-01T03:00:00.000Z')
    await sweep()
    expect(await inbox(w.id, 'roster_check')).toHaveLength(2)
    expect(await inbox(newcomer.id, 'roster_check')).toHaveLength(1)
  })

  test('a person of the township newly on the risk list is an alert for its officer, once', async () => {
    const res = await send('POST', officer, '/api/staff/people', personBody({ idNumber: idNumberFor(901), township: '洛门镇', villageId: village.id, name: '何风险', poverty: 'alleviated', status: 'willing' }))
    expect(res.statusCode).toBe(201)
    const personId = res.json().id as number
    const link = `/packages/roster/pages/person/index?id=${personId}`
    const luomenId = await staffId('al-luomen')
    await sweep()
    expect(await staffInbox(luomenId, 'staff_risk_new', link)).toEqual([])
    expect((await send('POST', officer, `/api/staff/people/${personId}/contacts`, { channel: 'call', outcome: 'wages_unpaid', note: '两个月没发工资' })).statusCode).toBe(201)
    await sweep()
    await sweep()
    const got = await staffInbox(luomenId, 'staff_risk_new', link)
    expect(got.map((m) => [m.title, m.body])).toEqual([['新进风险名单', `${village.name}何风险回访说工资被拖欠，进了防返贫风险名单，请尽快联系、帮扶。`]])
    expect(await staffInbox(await staffId('al-chengguan'), 'staff_risk_new', link)).toEqual([])
    expect(await staffInbox(await staffId('admin'), 'staff_risk_new', link)).toEqual([])
  })
})

describe('staff alerts', () => {
  test('a case from a worker on the roster tells their township officer, who opens the person; a worker not on it tells nobody there', async () => {
    const luomenId = await staffId('al-luomen')
    const chengguanId = await staffId('al-chengguan')
    const w = await worker()
    expect((await send('PATCH', w.token, '/api/me', { name: '求助人', hometownTownship: '洛门镇', hometownVillage: village.name })).statusCode).toBe(200)
    const personId = (await t.db.selectFrom('people').select('id').where('user_id', '=', w.id).executeTakeFirstOrThrow()).id
    expect((await send('POST', w.token, '/api/rights-requests', rightsCaseBody)).statusCode).toBe(201)
    const got = await staffInbox(luomenId, 'staff_township_case')
    expect(got.map((m) => [m.title, m.link])).toEqual([['本乡镇有人求助', `/packages/roster/pages/person/index?id=${personId}`]])
    expect(got[0].body).toContain(`${village.name}的求助人在外务工求助`)
    expect(await staffInbox(chengguanId, 'staff_township_case')).toEqual([])

    const stranger = await worker()
    expect((await send('POST', stranger.token, '/api/rights-requests', rightsCaseBody)).statusCode).toBe(201)
    expect(await staffInbox(luomenId, 'staff_township_case')).toHaveLength(1)
  })

  test('an applicant is an alert for the station the posting came from, once per application', async () => {
    // A posting from a station with staff on the workbench (昆山's).
    const station = await t.db.selectFrom('staff').select(['id', 'station_id']).where('username', '=', 'kunshan').executeTakeFirstOrThrow()
    const job = await t.db.selectFrom('jobs').select(['id', 'title', 'source_station_id']).where('source_station_id', '=', station.station_id!).where('status', '<>', 'filled').where('review_status', '=', 'ok').orderBy('id').executeTakeFirstOrThrow()
    // The sweeps of the tests before ran at later dates and closed what had expired by then: open it again, for longer.
    await t.db.updateTable('jobs').set({ status: 'open', expires_at: '2099-12-31' }).where('id', '=', job.id).execute()
    const other = await t.db.selectFrom('staff').select('id').where('station_id', '!=', job.source_station_id).orderBy('id').executeTakeFirstOrThrow()
    const link = `/packages/staff/pages/job/index?id=${job.id}`
    const before = (await staffInbox(station.id, 'staff_new_applicant', link)).length
    const w = await worker()
    const applied = await send('POST', w.token, `/api/jobs/${job.id}/applications`, {})
    expect(applied.json()).toMatchObject({ status: 'submitted' })
    // The same tap again (another key) is the same application: no second alert.
    expect((await send('POST', w.token, `/api/jobs/${job.id}/applications`, {})).statusCode).toBeLessThan(300)
    const got = await staffInbox(station.id, 'staff_new_applicant', link)
    expect(got).toHaveLength(before + 1)
    expect(got.at(-1)).toMatchObject({ title: '有人报名了岗位', body: `有人报名了「${job.title}」，请尽快打电话联系。` })
    expect(await staffInbox(other.id, 'staff_new_applicant', link)).toEqual([])
  })

  test('a case not accepted 20 of its 24 hours: its station and the admins, once; an accepted one, nobody', async () => {
    const w = await worker()
    const waiting = (await send('POST', w.token, '/api/rights-requests', rightsCaseBody)).json().trackingNo as string
    const taken = (await send('POST', w.token, '/api/rights-requests', rightsCaseBody)).json().trackingNo as string
    expect((await send('POST', await staff('wuxi'), `/api/staff/rights-requests/${taken}/transitions`, { to: 'accepted', note: '受理', visibleToWorker: true })).statusCode).toBe(200)
    const link = (no: string) => `/packages/staff/pages/case/index?no=${encodeURIComponent(no)}`
    const [wuxiId, adminId, kunshanId] = [await staffId('wuxi'), await staffId('admin'), await staffId('kunshan')]
    now = new Date(T0.getTime() + 19 * HOUR)
    await sweep()
    expect(await staffInbox(wuxiId, 'staff_case_overdue', link(waiting))).toEqual([])
    now = new Date(T0.getTime() + 20.5 * HOUR)
    await sweep()
    await sweep()
    for (const id of [wuxiId, adminId]) {
      const got = await staffInbox(id, 'staff_case_overdue', link(waiting))
      expect(got.map((m) => [m.title, m.body])).toEqual([['求助快要超时', `求助 ${waiting} 已经 20 小时没有受理，再过 4 小时就超时了，请尽快联系求助人。`]])
    }
    expect(await staffInbox(kunshanId, 'staff_case_overdue', link(waiting))).toEqual([])
    expect(await staffInbox(wuxiId, 'staff_case_overdue', link(taken))).toEqual([])
  })

  test('a batch under half full three days before it leaves: the admins, once', async () => {
    const thin = (await send('POST', kunshan, '/api/staff/transport-batches', transportBatchBody(now, { departAt: new Date(T0.getTime() + 74 * HOUR).toISOString(), seats: 4 }))).json()
    const half = (await send('POST', kunshan, '/api/staff/transport-batches', transportBatchBody(now, { departAt: new Date(T0.getTime() + 74 * HOUR).toISOString(), seats: 2 }))).json()
    const rider = await worker()
    expect((await send('POST', rider.token, `/api/transport-batches/${half.id}/signups`)).statusCode).toBe(201)
    expect((await send('POST', rider.token, `/api/transport-batches/${thin.id}/signups`)).statusCode).toBe(201)
    const [adminId, kunshanId] = [await staffId('admin'), await staffId('kunshan')]
    const link = (id: number) => `/packages/staff/pages/batch/index?id=${id}`
    await sweep()
    expect(await staffInbox(adminId, 'staff_batch_underfilled', link(thin.id))).toEqual([])
    now = new Date(T0.getTime() + 3 * HOUR)
    await sweep()
    await sweep()
    const got = await staffInbox(adminId, 'staff_batch_underfilled', link(thin.id))
    expect(got.map((m) => m.title)).toEqual(['专车报名不到一半'])
    expect(got[0].body).toContain('只报了 1 / 4 座')
    expect(got[0].body).toContain('昆山劳务工作站')
    expect(await staffInbox(adminId, 'staff_batch_underfilled', link(half.id))).toEqual([])
    expect(await staffInbox(kunshanId, 'staff_batch_underfilled', link(thin.id))).toEqual([])
  })

  test('a batch whose last seats are going: its station and the admins, once for its size', async () => {
    const batch = (await send('POST', kunshan, '/api/staff/transport-batches', transportBatchBody(now, { departAt: new Date(T0.getTime() + 10 * 24 * HOUR).toISOString(), seats: 4 }))).json()
    const link = `/packages/staff/pages/batch/index?id=${batch.id}`
    const [adminId, kunshanId, wuxiId] = [await staffId('admin'), await staffId('kunshan'), await staffId('wuxi')]
    const riders = [await worker(), await worker(), await worker()]
    expect((await send('POST', riders[0].token, `/api/transport-batches/${batch.id}/signups`)).statusCode).toBe(201)
    await sweep()
    // One of four taken, three left: not yet.
    expect(await staffInbox(kunshanId, 'staff_batch_filling', link)).toEqual([])
    expect((await send('POST', riders[1].token, `/api/transport-batches/${batch.id}/signups`)).statusCode).toBe(201)
    await sweep()
    await sweep()
    expect((await send('POST', riders[2].token, `/api/transport-batches/${batch.id}/signups`)).statusCode).toBe(201)
    await sweep()
    for (const id of [kunshanId, adminId]) {
      const got = await staffInbox(id, 'staff_batch_filling', link)
      expect(got.map((m) => m.title)).toEqual(['专车快满了'])
      expect(got[0].body).toContain('已报 2 / 4 座，只剩 2 座')
    }
    expect(await staffInbox(wuxiId, 'staff_batch_filling', link)).toEqual([])
  })

  test('GET /api/staff/alerts pages with a cursor, newest first; marking read is one’s own', async () => {
    now = new Date(T0.getTime() + 40 * 24 * HOUR)
    const token = await staff('admin')
    const all: number[] = []
    let cursor: string | null = null
    let unread: number
    do {
      const res = await get(token, `/api/staff/alerts?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      expect(res.statusCode).toBe(200)
      const body = res.json() as { items: { id: number }[]; nextCursor: string | null; unread: number }
      all.push(...body.items.map((i) => i.id))
      cursor = body.nextCursor
      unread = body.unread
    } while (cursor)
    expect(all.length).toBeGreaterThanOrEqual(2)
    expect([...all].sort((a, b) => b - a)).toEqual(all)
    expect(unread).toBe(all.length)
    const wuxi = await staff('wuxi')
    // Another's ids change nothing.
    expect((await send('POST', wuxi, '/api/staff/alerts/read', { ids: all.slice(0, 2) })).statusCode).toBe(200)
    expect((await get(token, '/api/staff/alerts?limit=1')).json().unread).toBe(all.length)
    expect((await send('POST', token, '/api/staff/alerts/read', { ids: [all[0]] })).json()).toEqual({ unread: all.length - 1 })
    expect((await send('POST', token, '/api/staff/alerts/read', {})).statusCode).toBe(400)
    expect((await send('POST', token, '/api/staff/alerts/read', { all: true })).json()).toEqual({ unread: 0 })
    expect((await get(null as unknown as string, '/api/staff/alerts')).statusCode).toBe(401)
  })
})
