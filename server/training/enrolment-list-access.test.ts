/**
 * Courses are the county centre's (no station owns one), so any staff member may read an enrolment list; every read
 * is in the access log, one entry per worker on the list, for admins to inspect and for the worker's own export.
 */
import { bearer, signIn } from '../test-support/accounts'
import { useTestApp } from '../test-support/harness'

const DAY = 24 * 60 * 60 * 1000
const T0 = new Date('2026-03-10T02:00:00.000Z')

const t = useTestApp({ start: T0 })
const { post } = t

test('each read of an enrolment list, by station staff or an admin, logs one access entry per listed worker', async () => {
  const admin = await t.staffToken('admin')
  const wuxi = await t.staffToken('wuxi')
  const day = (n: number) => new Date(T0.getTime() + 8 * 3600 * 1000 + n * DAY).toISOString().slice(0, 10)
  const course = await post(admin, '/api/staff/courses', {
    title: '名单电工班', trade: '电工', mode: 'menu', provider: '武山县职业技术教育中心', location: '武山县城关镇', capacity: 1,
    startDate: day(10), endDate: day(20), enrollDeadline: day(5), costYuan: 1000, subsidyYuan: 800, certificate: '低压电工作业证',
  })
  const id = course.json().id as number
  const a = await signIn(t.app, '13700880001')
  const b = await signIn(t.app, '13700880002')
  for (const w of [a, b]) expect((await post(w.token, `/api/courses/${id}/enrollments`, {})).statusCode).toBe(201)

  const accessRows = () => t.db.selectFrom('access_log').selectAll().where('action', '=', 'enrollment_list').orderBy('id').execute()
  expect(await accessRows()).toEqual([])
  const read = await t.app.inject({ url: `/api/staff/courses/${id}/enrollments`, headers: bearer(wuxi) })
  expect(read.statusCode).toBe(200)
  const wuxiId = (await t.db.selectFrom('staff').select('id').where('username', '=', 'wuxi').executeTakeFirstOrThrow()).id
  const first = await accessRows()
  expect(first.map((r) => [r.staff_id, r.user_id, r.at])).toEqual([
    [wuxiId, a.user.id, T0.toISOString()],
    [wuxiId, b.user.id, T0.toISOString()],
  ])
  expect(first[0].detail).toContain('名单电工班')
  // A second read is a second read; an admin's read is logged too.
  expect((await t.app.inject({ url: `/api/staff/courses/${id}/enrollments`, headers: bearer(wuxi) })).statusCode).toBe(200)
  expect((await t.app.inject({ url: `/api/staff/courses/${id}/enrollments`, headers: bearer(admin) })).statusCode).toBe(200)
  expect(await accessRows()).toHaveLength(6)

  // Admins see these entries in the access log, by worker.
  const log = await t.app.inject({ url: `/api/staff/access-log?userId=${a.user.id}`, headers: bearer(admin) })
  expect(log.statusCode).toBe(200)
  expect(log.json().items.filter((e: { action: string }) => e.action === 'enrollment_list')).toHaveLength(3)

  // Not a worker's read, and a missing course is 404 with nothing logged.
  expect((await t.app.inject({ url: `/api/staff/courses/${id}/enrollments`, headers: bearer(a.token) })).statusCode).toBe(403)
  expect((await t.app.inject({ url: '/api/staff/courses/999999/enrollments', headers: bearer(wuxi) })).statusCode).toBe(404)
  expect(await accessRows()).toHaveLength(6)
})
