import { z } from 'zod/mini'
import { api } from '../../types'
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'

// 10:00 in China.
let now = new Date('2026-03-10T02:00:00.000Z')
const clock = () => now

let t: TestApp
let admin: string
let station: string
beforeAll(async () => {
  t = await buildTestApp({ clock })
  admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  station = (await staffSignIn(t.app, 'wuxi', t.config.staffPasswords.wuxi)).token
})
afterAll(() => t.close())

let n = 0
const key = () => `staff-course-list-${++n}-${Date.now()}`
const list = async (token: string, query = '') => {
  const res = await t.app.inject({ url: `/api/staff/courses${query}`, headers: bearer(token) })
  expect(res.statusCode).toBe(200)
  return z.parse(api.staffListCourses.response, res.json())
}
const post = (token: string, url: string, payload?: object, idempotent = true) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...(idempotent ? { 'idempotency-key': key() } : {}) }, payload })

describe('the workbench course list', () => {
  test('every course for admins and station staff alike, latest start first, paged', async () => {
    const all = await t.db.selectFrom('courses').select(['id', 'start_date']).execute()
    const expected = [...all].sort((a, b) => b.start_date.localeCompare(a.start_date) || b.id - a.id).map((c) => c.id)
    const first = await list(station, '?limit=3')
    expect(first.items.map((c) => c.id)).toEqual(expected.slice(0, 3))
    expect(first.nextCursor).toEqual(expect.any(String))
    const rest = await list(station, `?limit=50&cursor=${first.nextCursor}`)
    expect([...first.items, ...rest.items].map((c) => c.id)).toEqual(expected)
    expect((await list(admin, '?limit=50')).items.map((c) => c.id)).toEqual(expected)

    const menu = await list(admin, '?mode=menu&limit=50')
    expect(menu.items.length).toBeGreaterThan(0)
    expect(menu.items.every((c) => c.mode === 'menu')).toBe(true)
    expect((await t.app.inject({ url: '/api/staff/courses?cursor=nonsense!', headers: bearer(admin) })).statusCode).toBe(400)
  })

  test('counts seats taken, the waitlist, who finished and who holds a certificate', async () => {
    const start = now.getTime()
    const day = (d: number) => new Date(start + 8 * 3600_000 + d * 86400_000).toISOString().slice(0, 10)
    const created = await post(admin, '/api/staff/courses', {
      title: '计数测试班',
      trade: '电工',
      mode: 'menu',
      provider: '武山县职业技术教育中心',
      location: '武山县城关镇',
      capacity: 2,
      startDate: day(30),
      endDate: day(31),
      enrollDeadline: day(29),
      costYuan: 0,
      subsidyYuan: 0,
      certificate: '低压电工作业证',
    })
    expect(created.statusCode).toBe(201)
    const id = created.json().id as number
    const enrolments: number[] = []
    for (const phone of ['13720000001', '13720000002', '13720000003', '13720000004']) {
      const { token } = await signIn(t.app, phone)
      const res = await t.app.inject({ method: 'POST', url: `/api/courses/${id}/enrollments`, headers: { ...bearer(token), 'idempotency-key': key() }, payload: {} })
      expect(res.statusCode).toBe(201)
      enrolments.push(res.json().id)
    }
    const item = async () => (await list(station, '?limit=50')).items.find((c) => c.id === id)!
    expect(await item()).toMatchObject({ title: '计数测试班', capacity: 2, seatsLeft: 0, taken: 2, waitlistCount: 2, finishedCount: 0, certifiedCount: 0 })

    now = new Date(Date.parse(`${day(31)}T12:00:00+08:00`))
    // A month on, the morning's session has long expired.
    admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
    station = (await staffSignIn(t.app, 'wuxi', t.config.staffPasswords.wuxi)).token
    expect((await post(admin, `/api/staff/enrollments/${enrolments[0]}/complete`, undefined, false)).statusCode).toBe(200)
    expect((await post(admin, `/api/staff/enrollments/${enrolments[1]}/complete`, undefined, false)).statusCode).toBe(200)
    const cert = await post(admin, `/api/staff/enrollments/${enrolments[1]}/certificate`, { number: 'WS-1', level: '五级', issuedOn: day(31) })
    expect(cert.statusCode).toBe(200)
    expect(await item()).toMatchObject({ taken: 2, waitlistCount: 2, finishedCount: 2, certifiedCount: 1 })
  })
})
