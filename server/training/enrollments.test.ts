import { z } from 'zod/mini'
import { agreeTermsMessage, api } from '../../types'
import { findAudit } from '../audit/audit.repository'
import { bearer, workerSignIns } from '../test-support/accounts'
import { courseBody } from '../test-support/bodies'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'

// 10:00 in China: seeded dates are relative to this day.
const T0 = new Date('2026-03-10T02:00:00.000Z')

const t = useTestApp({ start: T0 })
let admin: string
let station: string
beforeAll(async () => {
  admin = await t.staffToken('admin')
  station = await t.staffToken('wuxi')
})

const newWorker = workerSignIns('1371000', () => t.app)

const courseId = async (seedKey: string) =>
  (await t.db.selectFrom('courses').select('id').where('seed_key', '=', seedKey).executeTakeFirstOrThrow()).id

const enrol = (token: string, id: number, body: object = {}, idempotencyKey = key()) =>
  t.app.inject({ method: 'POST', url: `/api/courses/${id}/enrollments`, headers: { ...bearer(token), 'idempotency-key': idempotencyKey }, payload: body })
const cancel = (token: string, enrollmentId: number) =>
  t.app.inject({ method: 'DELETE', url: `/api/enrollments/${enrollmentId}`, headers: bearer(token) })
const detail = async (id: number, token?: string) => {
  const res = await t.app.inject({ url: `/api/courses/${id}`, headers: token ? bearer(token) : {} })
  expect(res.statusCode).toBe(200)
  return z.parse(api.getCourse.response, res.json())
}
const mine = async (token: string) => {
  const res = await t.app.inject({ url: '/api/me/enrollments', headers: bearer(token) })
  expect(res.statusCode).toBe(200)
  return z.parse(api.listMyEnrollments.response, res.json()).items
}
const staffPost = (token: string, url: string, payload?: object, idempotent = true) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...(idempotent ? { 'idempotency-key': key() } : {}) }, payload })
const staffPatch = (token: string, id: number, payload: object) =>
  t.app.inject({ method: 'PATCH', url: `/api/staff/courses/${id}`, headers: { ...bearer(token), 'idempotency-key': key() }, payload })

/** A fresh menu course with `capacity` seats, opened by the admin (start in 10 days, deadline in 5). */
async function openCourse(capacity: number, over: object = {}): Promise<number> {
  const res = await staffPost(admin, '/api/staff/courses', courseBody(t.clock(), capacity, over))
  expect(res.statusCode).toBe(201)
  return res.json().id
}

describe('enrolling', () => {
  test('needs a worker token: 401 without, 403 for staff', async () => {
    const id = await courseId('course-small')
    expect((await t.app.inject({ method: 'POST', url: `/api/courses/${id}/enrollments`, headers: { 'idempotency-key': key() }, payload: {} })).statusCode).toBe(401)
    expect((await t.app.inject({ url: '/api/me/enrollments' })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'DELETE', url: '/api/enrollments/1' })).statusCode).toBe(401)
    expect((await enrol(admin, id)).statusCode).toBe(403)
  })

  test('a seat counts: seatsLeft drops, detail shows my enrolment, a repeat returns the same one', async () => {
    const id = await openCourse(5)
    const w = await newWorker()
    expect((await detail(id, w.token)).myEnrollment).toBeNull()
    const k = key()
    const res = await enrol(w.token, id, {}, k)
    expect(res.statusCode).toBe(201)
    const e = z.parse(api.enrollInCourse.response, res.json())
    expect(e).toMatchObject({ status: 'enrolled', waitlistPosition: null, courseId: id, agreedTermsAt: null, certificate: null })
    expect(e.course.title).toBe('测试电工班')
    expect((await detail(id)).seatsLeft).toBe(4)
    expect((await detail(id)).myEnrollment).toBeNull()
    expect((await detail(id, w.token)).myEnrollment).toEqual({ id: e.id, status: 'enrolled', waitlistPosition: null })
    // The same key replays; a new key (tapped again later) gets the existing enrolment, not a second seat.
    const replay = await enrol(w.token, id, {}, k)
    expect(replay.headers['idempotent-replayed']).toBe('true')
    const again = await enrol(w.token, id)
    expect(again.json().id).toBe(e.id)
    expect((await detail(id)).seatsLeft).toBe(4)
    const list = await t.app.inject({ url: '/api/courses?limit=50' })
    expect(list.json().items.find((c: { id: number }) => c.id === id).seatsLeft).toBe(4)
  })

  test('an order course needs the placement terms agreed; the agreed text is kept', async () => {
    const id = await courseId('course-order-electrician-wuxi')
    const w = await newWorker()
    for (const body of [{}, { agreeTerms: false }]) {
      const res = await enrol(w.token, id, body)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.fields).toEqual({ agreeTerms: agreeTermsMessage })
    }
    expect((await enrol(w.token, id, { agreeTerms: 'yes' })).statusCode).toBe(400)
    const ok = await enrol(w.token, id, { agreeTerms: true })
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({ status: 'enrolled', agreedTermsAt: T0.toISOString() })
    const row = await t.db.selectFrom('enrollments').selectAll().where('id', '=', ok.json().id).executeTakeFirstOrThrow()
    expect(row.agreement_text).toMatch(/无锡恒锐精密电子有限公司负责录用/)
  })

  test('409 past the deadline (China date) and once the course has begun; 404 for no such course', async () => {
    const id = await openCourse(5)
    const w = await newWorker()
    // Deadline is day 5 (China date): 23:59 China time on day 5 is still in time, 00:00 on day 6 is not.
    const deadlineEnd = new Date(Date.parse(`${(await detail(id)).enrollDeadline}T23:59:00+08:00`))
    t.clock.set(new Date(deadlineEnd.getTime() + 2 * 60 * 1000))
    const late = await enrol(w.token, id)
    expect(late.statusCode).toBe(409)
    expect(late.json().error.message).toMatch(/截止/)
    t.clock.set(deadlineEnd)
    expect((await enrol(w.token, id)).statusCode).toBe(201)

    // A course whose deadline is its first day: on that day it has begun.
    const sameDay = await openCourse(5)
    await staffPatch(admin, sameDay, { enrollDeadline: (await detail(sameDay)).startDate })
    t.clock.set(new Date(Date.parse(`${(await detail(sameDay)).startDate}T09:00:00+08:00`)))
    const begun = await enrol(w.token, sameDay)
    expect(begun.statusCode).toBe(409)
    expect(begun.json().error.message).toMatch(/开课/)
    expect((await enrol(w.token, 999999)).statusCode).toBe(404)
  })
})

describe('the waitlist', () => {
  test('when full: waitlisted with a position; cancelling a seat promotes the first at once; positions close up', async () => {
    const id = await openCourse(2)
    const ws = await Promise.all([1, 2, 3, 4, 5].map(() => newWorker()))
    const results = []
    for (const w of ws) results.push((await enrol(w.token, id)).json())
    expect(results.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['enrolled', null],
      ['enrolled', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
      ['waitlisted', 3],
    ])
    expect((await detail(id)).seatsLeft).toBe(0)
    expect((await detail(id, ws[3].token)).myEnrollment).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })

    // Someone else's enrolment is not found, whoever asks.
    expect((await cancel(ws[1].token, results[0].id)).statusCode).toBe(404)
    expect((await cancel(ws[1].token, 999999)).statusCode).toBe(404)

    const cancelled = await cancel(ws[0].token, results[0].id)
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledAt: T0.toISOString() })
    expect((await mine(ws[2].token))[0]).toMatchObject({ courseId: id, status: 'enrolled', waitlistPosition: null })
    expect((await mine(ws[3].token))[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect((await mine(ws[4].token))[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
    expect((await detail(id)).seatsLeft).toBe(0)

    // Leaving the waitlist moves those behind up, and frees no seat.
    expect((await cancel(ws[3].token, results[3].id)).json().status).toBe('cancelled')
    expect((await mine(ws[4].token))[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    // Cancelling twice is harmless.
    expect((await cancel(ws[3].token, results[3].id)).statusCode).toBe(200)

    // A cancelled worker may enrol again: a new enrolment, at the back of the queue.
    const back = (await enrol(ws[0].token, id)).json()
    expect(back).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
    expect(back.id).not.toBe(results[0].id)
    const history = await mine(ws[0].token)
    expect(history.map((e) => e.status)).toEqual(['waitlisted', 'cancelled'])

    const counted = await t.db.selectFrom('courses').select('enrolled_count').where('id', '=', id).executeTakeFirstOrThrow()
    expect(counted.enrolled_count).toBe(2)
  })

  test('an enrolled worker cannot cancel online once the course has begun', async () => {
    const id = await openCourse(3)
    const w = await newWorker()
    const e = (await enrol(w.token, id)).json()
    t.clock.set(new Date(Date.parse(`${(await detail(id)).startDate}T08:00:00+08:00`)))
    expect((await cancel(w.token, e.id)).statusCode).toBe(409)
  })

  test('raising the capacity promotes from the waitlist; lowering below the seats taken is 409', async () => {
    const id = await openCourse(1)
    const ws = await Promise.all([1, 2, 3, 4].map(() => newWorker()))
    const es = []
    for (const w of ws) es.push((await enrol(w.token, id)).json())
    const low = await staffPatch(admin, id, { capacity: 0 })
    expect(low.statusCode).toBe(400)
    const raised = await staffPatch(admin, id, { capacity: 3 })
    expect(raised.statusCode).toBe(200)
    expect(raised.json()).toMatchObject({ capacity: 3, seatsLeft: 0 })
    expect((await mine(ws[1].token))[0].status).toBe('enrolled')
    expect((await mine(ws[2].token))[0].status).toBe('enrolled')
    expect((await mine(ws[3].token))[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    const floor = await staffPatch(admin, id, { capacity: 2 })
    expect(floor.statusCode).toBe(409)
    expect(floor.json().error.message).toMatch(/已经有 3 人报上名/)
    const audit = await findAudit(t.db, 'course', id)
    expect(audit.map((a) => [a.action, a.actor_kind])).toEqual([
      ['course.create', 'staff'],
      ['course.update', 'staff'],
    ])
    expect(JSON.parse(audit[1].before_json!).capacity).toBe(1)
    expect(JSON.parse(audit[1].after_json!)).toMatchObject({ capacity: 3, promotedEnrollmentIds: [es[1].id, es[2].id] })
  })
})

describe('staff', () => {
  test('worker tokens get 403 on staff routes; station staff read but may not write', async () => {
    const w = await newWorker()
    const id = await courseId('course-small')
    expect((await t.app.inject({ url: `/api/staff/courses/${id}/enrollments`, headers: bearer(w.token) })).statusCode).toBe(403)
    expect((await t.app.inject({ url: '/api/staff/course-requests/summary', headers: bearer(w.token) })).statusCode).toBe(403)
    expect((await staffPost(w.token, '/api/staff/courses', {})).statusCode).toBe(403)
    expect((await staffPatch(w.token, id, { capacity: 9 })).statusCode).toBe(403)
    expect((await staffPost(w.token, '/api/staff/enrollments/1/complete', undefined, false)).statusCode).toBe(403)
    expect((await t.app.inject({ url: `/api/staff/courses/${id}/enrollments` })).statusCode).toBe(401)

    expect((await t.app.inject({ url: `/api/staff/courses/${id}/enrollments`, headers: bearer(station) })).statusCode).toBe(200)
    const denied = await staffPatch(station, id, { capacity: 9 })
    expect(denied.statusCode).toBe(403)
    expect(denied.json().error.message).toMatch(/县劳务输转服务中心/)
    const ok = await t.app.inject({ url: `/api/courses/${id}` })
    const { id: _id, seatsLeft: _s, isSample: _i, brand: _b, myEnrollment: _m, ...fields } = ok.json()
    expect((await staffPost(station, '/api/staff/courses', fields)).statusCode).toBe(403)
  })

  test('create validates fields, dates (deadline ≤ start ≤ end) and the order fields', async () => {
    const empty = await staffPost(admin, '/api/staff/courses', {})
    expect(empty.statusCode).toBe(400)
    expect(Object.keys(empty.json().error.fields)).toEqual(expect.arrayContaining(['title', 'trade', 'mode', 'capacity', 'startDate', 'certificate']))
    const base = {
      title: '订单班',
      trade: '电焊工',
      mode: 'order',
      provider: '陇原职校',
      location: '洛门镇',
      capacity: 10,
      startDate: '2026-04-10',
      endDate: '2026-04-01',
      enrollDeadline: '2026-04-20',
      costYuan: 100,
      subsidyYuan: 200,
      certificate: '焊工证',
    }
    const bad = await staffPost(admin, '/api/staff/courses', base)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields).toEqual({
      enrollDeadline: '报名截止日期不能晚于开课日期',
      endDate: '结课日期不能早于开课日期',
      subsidyYuan: '补贴不能多于学费',
      partnerEmployer: '下单培训要写明用工企业',
      destinationCity: '下单培训要写明去哪个城市上班',
      expectedWageYuan: '下单培训要写明月工资',
      agreementText: '下单培训要写明定向就业协议（至少20个字）',
    })
    const ok = await staffPost(admin, '/api/staff/courses', {
      ...base,
      endDate: '2026-04-30',
      enrollDeadline: '2026-04-05',
      subsidyYuan: 100,
      partnerEmployer: '烟台某汽车零部件公司',
      destinationCity: '烟台市',
      expectedWageYuan: 6500,
      agreementText: '考证合格的由公司录用为焊工，签劳动合同、交社保，约定最少服务1年，不收任何费用。',
    })
    expect(ok.statusCode).toBe(201)
    const created = z.parse(api.staffCreateCourse.response, ok.json())
    expect(created).toMatchObject({ mode: 'order', seatsLeft: 10, sessions: 21, isSample: false, partnerEmployer: '烟台某汽车零部件公司' })
    // A PATCH is checked against the merged course.
    const patch = await staffPatch(admin, created.id, { startDate: '2026-05-05' })
    expect(patch.statusCode).toBe(400)
    expect(patch.json().error.fields).toEqual({ endDate: '结课日期不能早于开课日期' })
    expect((await staffPatch(admin, 999999, { capacity: 3 })).statusCode).toBe(404)
  })

  test('enrolment list (names, masked phones), completion and certificate, shown to the worker; audited', async () => {
    const id = await openCourse(1)
    const a = await newWorker()
    const b = await newWorker()
    await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(a.token), 'idempotency-key': key() }, payload: { name: '王小明' } })
    const ea = (await enrol(a.token, id)).json()
    const eb = (await enrol(b.token, id)).json()
    const list = await t.app.inject({ url: `/api/staff/courses/${id}/enrollments`, headers: bearer(station) })
    const body = z.parse(api.staffCourseEnrollments.response, list.json())
    expect(body.enrolled).toEqual([expect.objectContaining({ id: ea.id, name: '王小明', phone: `${a.phone.slice(0, 3)}****${a.phone.slice(7)}` })])
    expect(body.waitlist).toEqual([expect.objectContaining({ id: eb.id, name: null, waitlistPosition: 1 })])
    expect(list.body).not.toContain(a.phone)

    const complete = (token: string, eid: number) => staffPost(token, `/api/staff/enrollments/${eid}/complete`, undefined, false)
    const certify = (token: string, eid: number, body: object) => staffPost(token, `/api/staff/enrollments/${eid}/certificate`, body)
    expect((await complete(admin, ea.id)).statusCode).toBe(409) // not begun yet
    expect((await certify(admin, ea.id, { number: 'T1', level: '五级', issuedOn: '2026-03-01' })).statusCode).toBe(409)
    t.clock.set(new Date(Date.parse(`${(await detail(id)).endDate}T12:00:00+08:00`)))
    expect((await complete(station, ea.id)).statusCode).toBe(403)
    expect((await complete(admin, eb.id)).statusCode).toBe(409) // waitlisted
    expect((await complete(admin, 999999)).statusCode).toBe(404)
    const done = await complete(admin, ea.id)
    expect(done.json()).toMatchObject({ status: 'completed' })
    expect((await complete(admin, ea.id)).json().status).toBe('completed')
    expect((await mine(a.token))[0]).toMatchObject({ status: 'completed', completedAt: t.clock().toISOString(), certificate: null })

    const future = await certify(admin, ea.id, { number: 'T1', level: '五级', issuedOn: '2099-01-01' })
    expect(future.statusCode).toBe(400)
    expect(future.json().error.fields.issuedOn).toBeTruthy()
    expect((await certify(admin, ea.id, { number: '', level: '', issuedOn: '2026-3-1' })).json().error.fields).toEqual({
      number: '请填写这一项',
      level: '请填写这一项',
      issuedOn: '日期格式应为 2026-01-31',
    })
    const issuedOn = (await detail(id)).endDate
    const cert = await certify(admin, ea.id, { number: 'GS2026-000123', level: '五级/初级工', issuedOn })
    expect(cert.statusCode).toBe(200)
    expect(cert.json()).toMatchObject({ status: 'certified', certificate: { number: 'GS2026-000123', level: '五级/初级工', issuedOn } })
    expect((await mine(a.token))[0]).toMatchObject({ status: 'certified', certificate: { number: 'GS2026-000123', level: '五级/初级工', issuedOn } })
    // A finished course cannot be cancelled; the seat stays taken.
    expect((await cancel(a.token, ea.id)).statusCode).toBe(409)
    expect((await findAudit(t.db, 'enrollment', ea.id)).map((r) => [r.action, r.actor_kind])).toEqual([
      ['enrollment.complete', 'staff'],
      ['enrollment.certificate', 'staff'],
    ])
  })
})

describe('course requests (点单)', () => {
  test('workers ask; staff see demand by trade; 其他 needs a note', async () => {
    const [a, b] = [await newWorker(), await newWorker()]
    const ask = (token: string, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/course-requests', headers: { ...bearer(token), 'idempotency-key': key() }, payload })
    expect((await ask(a.token, { trade: '玉雕师', note: '想学玉雕' })).statusCode).toBe(201)
    expect((await ask(a.token, { trade: '玉雕师' })).statusCode).toBe(201)
    expect((await ask(b.token, { trade: '玉雕师' })).statusCode).toBe(201)
    expect((await ask(b.token, { trade: '其他', note: '厨师' })).statusCode).toBe(201)
    const other = await ask(b.token, { trade: '其他', note: '  ' })
    expect(other.json().error.fields).toEqual({ note: '选了“其他”，请写上想学什么' })
    expect((await ask(b.token, { trade: '宇航员' })).json().error.fields.trade).toBe('请从给出的选项里选择')
    expect((await t.app.inject({ method: 'POST', url: '/api/course-requests', headers: { 'idempotency-key': key() }, payload: { trade: '玉雕师' } })).statusCode).toBe(401)

    const res = await t.app.inject({ url: '/api/staff/course-requests/summary', headers: bearer(station) })
    const summary = z.parse(api.courseRequestSummary.response, res.json())
    expect(summary.items[0]).toMatchObject({ trade: '玉雕师', requests: 3, workers: 2, latestAt: T0.toISOString() })
    expect(summary.items).toContainEqual(expect.objectContaining({ trade: '其他', requests: 1, workers: 1 }))
    expect(res.body).not.toContain('厨师')
  })
})

describe('my data', () => {
  test('export lists my enrolments and requests; deleting the account frees my seat for the next worker', async () => {
    const id = await openCourse(1)
    const a = await newWorker()
    const b = await newWorker()
    const ea = (await enrol(a.token, id)).json()
    const eb = (await enrol(b.token, id)).json()
    await t.app.inject({ method: 'POST', url: '/api/course-requests', headers: { ...bearer(a.token), 'idempotency-key': key() }, payload: { trade: '电工', note: '夜班也行' } })
    const exported = (await t.app.inject({ url: '/api/me/export', headers: bearer(a.token) })).json()
    expect(exported.records.enrollments).toEqual([expect.objectContaining({ id: ea.id, status: 'enrolled', course: { id, title: '测试电工班' } })])
    expect(exported.records.courseRequests).toEqual([expect.objectContaining({ trade: '电工', note: '夜班也行' })])

    expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(a.token) })).statusCode).toBe(200)
    expect((await mine(b.token))[0]).toMatchObject({ id: eb.id, status: 'enrolled' })
    const rows = await t.db.selectFrom('enrollments').select(['status']).where('id', '=', ea.id).executeTakeFirstOrThrow()
    expect(rows.status).toBe('cancelled')
    const note = await t.db.selectFrom('course_requests').select('note').where('user_id', '=', a.id).executeTakeFirstOrThrow()
    expect(note.note).toBe('')
  })
})
