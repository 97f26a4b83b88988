import { z } from 'zod/mini'
import { api, trades } from '../../types'
import { chinaDate } from '../lib/dates'
import { buildTestApp, type TestApp, usesPostgres } from '../test-support/test-app'

const now = new Date('2026-03-10T02:00:00.000Z')
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock: () => now })
})
afterAll(() => t.close())

const get = async (url: string) => {
  const res = await t.app.inject({ url })
  expect(res.statusCode).toBe(200)
  return res.json()
}

describe('trades', () => {
  test('every trade, in contract order, with counts that match the lists', async () => {
    const body = z.parse(api.listTrades.response, await get('/api/trades'))
    expect(body.items.map((i) => i.name)).toEqual([...trades])
    const electric = body.items.find((i) => i.name === '电工')!
    const jobs = await get(`/api/jobs?trade=${encodeURIComponent('电工')}&limit=50`)
    expect(electric.openJobs).toBe(jobs.items.length)
    const courses = await get(`/api/courses?trade=${encodeURIComponent('电工')}&limit=50`)
    expect(electric.courses).toBe(courses.items.length)
    expect(body.items.reduce((n, i) => n + i.openJobs, 0)).toBeGreaterThan(0)
  })
})

describe('courses', () => {
  const walk = async (query: string) => {
    const items = []
    let cursor: string | null = null
    do {
      const body: z.infer<typeof api.listCourses.response> = z.parse(
        api.listCourses.response,
        await get(`/api/courses?${query}${cursor ? `&cursor=${cursor}` : ''}`),
      )
      items.push(...body.items)
      cursor = body.nextCursor
    } while (cursor)
    return items
  }

  test('sorted by start date, paged without gaps', async () => {
    const all = await walk('limit=4')
    const total = Number((await t.db.selectFrom('courses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    expect(all).toHaveLength(total)
    expect(new Set(all.map((c) => c.id)).size).toBe(total)
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]]
      expect(a.startDate < b.startDate || (a.startDate === b.startDate && a.id < b.id)).toBe(true)
    }
    expect(all.every((c) => c.seatsLeft === c.capacity && c.isSample)).toBe(true)
  })

  test('mode, trade and month filter', async () => {
    const all = await walk('limit=50')
    for (const mode of ['order', 'menu', 'brand'] as const) {
      const items = await walk(`mode=${mode}`)
      expect(items.map((c) => c.id)).toEqual(all.filter((c) => c.mode === mode).map((c) => c.id))
    }
    expect(all.some((c) => c.mode === 'brand' && c.brand !== null)).toBe(true)
    const month = all[0].startDate.slice(0, 7)
    expect((await walk(`month=${month}`)).map((c) => c.id)).toEqual(all.filter((c) => c.startDate.startsWith(month)).map((c) => c.id))
    const trade = all[0].trade
    expect((await walk(`trade=${encodeURIComponent(trade)}`)).map((c) => c.id)).toEqual(all.filter((c) => c.trade === trade).map((c) => c.id))
  })

  test('dates come from the seeding clock', async () => {
    const all = await walk('limit=50')
    expect(all.some((c) => c.startDate >= chinaDate(now))).toBe(true)
    expect(all.every((c) => c.endDate >= c.startDate)).toBe(true)
  })

  test('bad month is a 400 on month; detail and 404', async () => {
    const res = await t.app.inject({ url: '/api/courses?month=2026-3' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.month).toBe('月份格式应为 2026-01')
    const first = (await get('/api/courses?limit=1')).items[0]
    expect(z.parse(api.getCourse.response, await get(`/api/courses/${first.id}`))).toEqual({ ...first, myEnrollment: null })
    expect((await t.app.inject({ url: '/api/courses/99999' })).statusCode).toBe(404)
  })
})

describe('stations', () => {
  test('without a position: by province, city, type, name', async () => {
    const body = z.parse(api.listStations.response, await get('/api/stations'))
    expect(body.items.length).toBeGreaterThan(10)
    expect(body.nextCursor).toBeNull()
    expect(body.items.every((s) => s.distanceKm === undefined)).toBe(true)
    const keys = body.items.map((s) => [s.province, s.city, s.type, s.name].join('|'))
    if (!usesPostgres()) {
      // SQLite orders text by bytes, as JS does.
      expect(keys).toEqual([...keys].sort())
    }
    // PostgreSQL collates Chinese by its locale; each province must still be one contiguous run.
    const runs = body.items.map((s) => s.province).filter((p, i, all) => i === 0 || all[i - 1] !== p)
    expect(new Set(runs).size).toBe(runs.length)
  })

  test('type filter', async () => {
    const body = await get('/api/stations?type=party_branch')
    expect(body.items.length).toBe(12)
    expect(body.items.every((s: { type: string; memberCount: number | null }) => s.type === 'party_branch' && s.memberCount !== null)).toBe(true)
  })

  test.each([
    ['无锡', 31.49, 120.31, '无锡市'],
    ['乌鲁木齐', 43.83, 87.62, '乌鲁木齐市'],
  ])('nearest first from %s', async (_name, lat, lng, city) => {
    const body = z.parse(api.listStations.response, await get(`/api/stations?lat=${lat}&lng=${lng}`))
    expect(body.items[0].city).toBe(city)
    expect(body.items[0].distanceKm).toBeLessThan(30)
    const km = body.items.map((s) => s.distanceKm!)
    expect(km).toEqual([...km].sort((a, b) => a - b))
  })

  test('lat without lng, or out of range, is a 400', async () => {
    let res = await t.app.inject({ url: '/api/stations?lat=31' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.lng).toBe('经纬度要一起提供')
    res = await t.app.inject({ url: '/api/stations?lat=91&lng=10' })
    expect(res.json().error.fields.lat).toBe('纬度应在 -90 到 90 之间')
  })

  test('detail and 404', async () => {
    const first = (await get('/api/stations')).items[0]
    expect(z.parse(api.getStation.response, await get(`/api/stations/${first.id}`))).toEqual(first)
    const res = await t.app.inject({ url: '/api/stations/424242' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '没有找到这个站点，可能已被删除' } })
  })
})
