/** Account deletion takes the worker out of the audit trail too, while who did what and when stays. */
import { bearer, signIn } from '../test-support/accounts'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'

const DAY = 24 * 60 * 60 * 1000
const T0 = new Date('2026-03-10T02:00:00.000Z')

const t = useTestApp({ start: T0 })

const post = (token: string, url: string, payload?: object, idempotent = true) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...(idempotent ? { 'idempotency-key': key() } : {}) }, ...(payload ? { payload } : {}) })

const NAME = '赵红梅'
const TOWNSHIP = '滩歌镇'
const NOTE = '晚上九点以后打我电话，住在滩歌镇东街'
const CERTIFICATE = 'GS2026-REDACT-77'

test('after deletion no audit row holds the name, township, note or certificate; the actions, actors and times remain', async () => {
  const admin = await t.staffToken('admin')
  const kunshan = await t.staffToken('kunshan')
  const worker = await signIn(t.app, '13900007701')
  const other = await signIn(t.app, '13900007702')
  const profile = { name: NAME, hometownTownship: TOWNSHIP, trades: ['电工'] }
  for (const w of [worker, other]) {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(w.token), 'idempotency-key': key() }, payload: profile })
    expect(res.statusCode).toBe(200)
  }

  // Station staff act on the worker's application to one of their postings.
  const station = await t.db.selectFrom('stations').select('id').where('seed_key', '=', 'station-kunshan').executeTakeFirstOrThrow()
  const job = await t.db.selectFrom('jobs').select('id').where('source_station_id', '=', station.id).where('status', '=', 'open').orderBy('id').executeTakeFirstOrThrow()
  const applied = await post(worker.token, `/api/jobs/${job.id}/applications`, { note: NOTE })
  expect(applied.statusCode).toBe(200)
  const otherApplied = await post(other.token, `/api/jobs/${job.id}/applications`, { note: NOTE })
  for (const [id, status] of [[applied.json().id, 'contacted'], [applied.json().id, 'hired'], [otherApplied.json().id, 'contacted']] as const) {
    expect((await post(kunshan, `/api/staff/applications/${id}/status`, { status })).statusCode).toBe(200)
  }

  // The admin completes and certifies the worker's course.
  const day = (n: number) => new Date(t.clock().getTime() + 8 * 3600 * 1000 + n * DAY).toISOString().slice(0, 10)
  const course = await post(admin, '/api/staff/courses', {
    title: '审计电工班', trade: '电工', mode: 'menu', provider: '武山县职业技术教育中心', location: '武山县城关镇', capacity: 5,
    startDate: day(10), endDate: day(20), enrollDeadline: day(5), costYuan: 1000, subsidyYuan: 800, certificate: '低压电工作业证',
  })
  expect(course.statusCode).toBe(201)
  const enrolment = (await post(worker.token, `/api/courses/${course.json().id}/enrollments`, {})).json()
  t.clock.set(new Date(T0.getTime() + 21 * DAY))
  expect((await post(admin, `/api/staff/enrollments/${enrolment.id}/complete`, undefined, false)).statusCode).toBe(200)
  const cert = await post(admin, `/api/staff/enrollments/${enrolment.id}/certificate`, { number: CERTIFICATE, level: '五级', issuedOn: day(0) })
  expect(cert.statusCode).toBe(200)

  const audit = () => t.db.selectFrom('audit_log').selectAll().where('entity', 'in', ['job_application', 'enrollment']).orderBy('id').execute()
  const before = await audit()
  const text = (rows: typeof before) => rows.map((r) => `${r.before_json} ${r.after_json}`).join('\n')
  // The trail held the person before: otherwise this test proves nothing.
  expect(text(before)).toContain(NAME)
  expect(text(before)).toContain(TOWNSHIP)
  expect(text(before)).toContain(NOTE)
  expect(text(before)).toContain(CERTIFICATE)

  t.clock.set(new Date(t.clock().getTime() + 60_000))
  expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(worker.token) })).statusCode).toBe(200)

  const after = await audit()
  const mine = after.filter((r) => (r.entity === 'job_application' && r.entity_id === applied.json().id) || (r.entity === 'enrollment' && r.entity_id === enrolment.id))
  expect(text(mine)).not.toContain(NAME)
  expect(text(mine)).not.toContain(TOWNSHIP)
  expect(text(mine)).not.toContain(NOTE)
  expect(text(mine)).not.toContain(CERTIFICATE)
  expect(text(mine)).not.toContain('电工"]') // the trades went with the profile
  // Who did what and when: every row is still there, unchanged apart from the person.
  expect(after.map((r) => [r.id, r.actor_kind, r.actor_id, r.action, r.entity, r.entity_id, r.at])).toEqual(
    before.map((r) => [r.id, r.actor_kind, r.actor_id, r.action, r.entity, r.entity_id, r.at]),
  )
  const hired = mine.find((r) => r.action === 'application.hired')!
  expect(JSON.parse(hired.before_json!)).toMatchObject({ status: 'contacted', worker: null, note: null })
  expect(JSON.parse(hired.after_json!)).toMatchObject({ status: 'hired', worker: null, note: null })
  const certified = mine.find((r) => r.action === 'enrollment.certificate')!
  expect(JSON.parse(certified.after_json!)).toMatchObject({ status: 'certified', name: null, certificate: null })
  // Another worker with the same name and township is not touched.
  const others = after.filter((r) => r.entity === 'job_application' && r.entity_id === otherApplied.json().id)
  expect(text(others)).toContain(NAME)
  expect(text(others)).toContain(NOTE)
})
