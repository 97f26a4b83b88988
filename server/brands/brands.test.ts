import { brands } from './brands-seed'
import { buildTestApp, type TestApp } from '../test-support/test-app'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

interface BrandItem {
  id: number
  name: string
  level: string
  trade: string
  story: string
  courses: { id: number; title: string; startDate: string; seatsLeft: number }[]
  openJobs: number
}

test('every seeded brand, provincial first, with its courses and the open jobs of its trade', async () => {
  const res = await t.app.inject({ url: '/api/brands' })
  expect(res.statusCode).toBe(200)
  const items: BrandItem[] = res.json().items
  expect(items.map((b) => b.name).sort()).toEqual(brands.map((b) => b.name).sort())
  expect(items.map((b) => b.level)).toEqual([...items.map((b) => b.level)].sort((a, b) => ['省级', '市级', '县级'].indexOf(a) - ['省级', '市级', '县级'].indexOf(b)))
  expect(items[0]).toMatchObject({ name: '宁远建筑工', level: '省级', trade: '砌筑工' })

  // Courses: exactly those whose brand is this one.
  const builder = items[0]
  const linked = await t.db
    .selectFrom('courses')
    .innerJoin('brands', 'brands.id', 'courses.brand_id')
    .select(['courses.id'])
    .where('brands.name', '=', '宁远建筑工')
    .execute()
  expect(builder.courses.map((c) => c.id).sort()).toEqual(linked.map((c) => c.id).sort())
  expect(builder.courses.length).toBeGreaterThan(0)
  for (const c of builder.courses) {
    const course = (await t.app.inject({ url: `/api/courses/${c.id}` })).json()
    expect(course).toMatchObject({ title: c.title, startDate: c.startDate, seatsLeft: c.seatsLeft, brand: '宁远建筑工' })
  }
  const wicker = items.find((b) => b.name === '武山柳编')!
  expect(wicker.courses).toEqual([])

  // Jobs: the same count the 找工作 trade chips show.
  const trades: { name: string; openJobs: number }[] = (await t.app.inject({ url: '/api/trades' })).json().items
  for (const b of items) expect(b.openJobs).toBe(trades.find((tr) => tr.name === b.trade)!.openJobs)
  expect(items.some((b) => b.openJobs > 0)).toBe(true)
})
