/**
 * 劳务输转 figures over the hand-counted roster (test-support/roster-fixture): people entered 2025-02-10, three
 * changed 2026-03-10, read on 2026-03-20. Every expected number is counted by hand from the fixture's table.
 */
import { bearer } from '../test-support/accounts'
import { at, buildRosterFixture, type RosterFixture } from '../test-support/roster-fixture'
import { buildTestApp, type TestApp } from '../test-support/test-app'

jest.setTimeout(60_000)

let t: TestApp
let fx: RosterFixture
let now = new Date('2025-02-10T01:00:00.000Z')

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now })
  fx = await buildRosterFixture(t.app, { admin: t.config.staffPasswords.admin, kunshan: t.config.staffPasswords.kunshan }, (d) => (now = d))
})
afterAll(() => t.close())

const figures = (token: string, query = '') => t.app.inject({ url: `/api/staff/figures/labour${query}`, headers: bearer(token) })

test('the county this year: months, year to date, last year, income', async () => {
  const res = await figures(fx.admin)
  expect(res.statusCode).toBe(200)
  const f = res.json()
  expect(f).toEqual(expect.objectContaining({ year: 2026, township: null, asOf: '2026-03-20' }))
  // Jan and Feb: 赵一 4000, 钱二 2500, 孙三 6500, 郑七 9000, 卫十二 no band; March: 孙三 home, 周五 away at 4000.
  expect(f.months.map((m: { month: string; asOf: string; away: number; organised: number; incomeYuan: number }) => [m.month, m.asOf, m.away, m.organised, m.incomeYuan])).toEqual([
    ['2026-01', '2026-01-31', 5, 2, 22000],
    ['2026-02', '2026-02-28', 5, 2, 22000],
    ['2026-03', '2026-03-20', 5, 3, 19500],
  ])
  // Nobody was entered by 2025-01-31.
  expect(f.months.map((m: { lastYear: { away: number; incomeYuan: number } }) => [m.lastYear.away, m.lastYear.incomeYuan])).toEqual([[0, 0], [5, 22000], [5, 22000]])
  expect(f.yearToDate).toEqual({
    away: 5, organised: 3, organisedRate: 0.6, incomeYuan: 63500, awayWithoutIncomeBand: 1,
    lastYear: { away: 5, organised: 2, organisedRate: 0.4, incomeYuan: 44000 },
    filter: { kind: 'away', asOf: '2026-03-20' },
  })
  expect(f.months[2].filter).toEqual({ kind: 'away', asOf: '2026-03-20' })
})

test('by province and by township, with last year, each row naming its list', async () => {
  const f = (await figures(fx.admin)).json()
  expect(f.byProvince).toEqual([
    { province: '江苏省', away: 4, organised: 3, organisedRate: 0.75, lastYear: { away: 3, organised: 2, organisedRate: 0.6667 }, filter: { kind: 'away', destination: '江苏省', asOf: '2026-03-20' } },
    { province: '甘肃省', away: 1, organised: 0, organisedRate: 0, lastYear: { away: 1, organised: 0, organisedRate: 0 }, filter: { kind: 'away', destination: '甘肃省', asOf: '2026-03-20' } },
    { province: '浙江省', away: 0, organised: 0, organisedRate: 0, lastYear: { away: 1, organised: 0, organisedRate: 0 }, filter: { kind: 'away', destination: '浙江省', asOf: '2026-03-20' } },
  ])
  expect(f.byTownship).toEqual([
    { township: '洛门镇', away: 3, organised: 2, organisedRate: 0.6667, lastYear: { away: 3, organised: 1, organisedRate: 0.3333 }, filter: { kind: 'away', township: '洛门镇', asOf: '2026-03-20' } },
    { township: '城关镇', away: 2, organised: 1, organisedRate: 0.5, lastYear: { away: 2, organised: 1, organisedRate: 0.5 }, filter: { kind: 'away', township: '城关镇', asOf: '2026-03-20' } },
  ])
  // The filter opens exactly the row's people.
  for (const row of [...f.byProvince, ...f.byTownship, f.yearToDate]) {
    const { kind, ...query } = row.filter
    const list = await t.app.inject({ url: `/api/staff/ledgers/${kind}?${new URLSearchParams(query)}`, headers: bearer(fx.admin) })
    expect(list.json().count).toBe(row.away)
  }
})

test('as of a day, and a past year', async () => {
  const before = (await figures(fx.admin, '?asOf=2026-03-09')).json()
  expect(before.yearToDate).toEqual(expect.objectContaining({ away: 5, organised: 2, incomeYuan: 66000 }))
  expect(before.months[2].asOf).toBe('2026-03-09')
  const last = (await figures(fx.admin, '?year=2025')).json()
  expect(last.asOf).toBe('2025-12-31')
  expect(last.months).toHaveLength(12)
  expect(last.yearToDate).toEqual(expect.objectContaining({ away: 5, organised: 2, incomeYuan: 22000 * 11 }))
  expect(last.yearToDate.lastYear).toEqual({ away: 0, organised: 0, organisedRate: 0, incomeYuan: 0 })
})

test('a township officer sees their township; another township, village and station staff are refused', async () => {
  const f = (await figures(fx.luomen)).json()
  expect(f.township).toBe('洛门镇')
  expect(f.yearToDate).toEqual(expect.objectContaining({ away: 3, organised: 2, incomeYuan: 13000 * 2 + 10500 }))
  expect(f.byTownship.map((r: { township: string }) => r.township)).toEqual(['洛门镇'])
  expect(f.yearToDate.filter).toEqual({ kind: 'away', township: '洛门镇', asOf: '2026-03-20' })
  expect((await figures(fx.luomen, `?township=${encodeURIComponent('城关镇')}`)).statusCode).toBe(403)
  expect((await figures(fx.admin, `?township=${encodeURIComponent('城关镇')}`)).json().yearToDate.away).toBe(2)
  expect((await figures(fx.village)).statusCode).toBe(403)
  expect((await figures(fx.station)).statusCode).toBe(403)
})

test('bad input is a 400 in plain words', async () => {
  const future = await figures(fx.admin, '?asOf=2026-03-21')
  expect(future.statusCode).toBe(400)
  expect(future.json().error.fields.asOf).toBe('日期不能晚于今天')
  expect((await figures(fx.admin, '?year=2026&asOf=2025-06-01')).json().error.fields.asOf).toBe('日期要在所选的年份里')
  expect((await figures(fx.admin, '?year=2027')).json().error.fields.year).toBe('年份不能晚于今年')
  expect((await figures(fx.admin, '?year=abc')).statusCode).toBe(400)
})

test('past months read the same after later edits, and an edit dated before them counts again', async () => {
  const patch = async (name: string, body: object) => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/staff/people/${fx.ids[name]}`, headers: bearer(fx.admin), payload: body })
    expect(res.statusCode).toBe(200)
  }
  const months = async () => (await figures(fx.admin, '?year=2025')).json().months.map((m: { away: number; incomeYuan: number }) => [m.away, m.incomeYuan])
  const today = async () => Object.fromEntries((await figures(fx.admin)).json().byProvince.map((r: { province: string; away: number }) => [r.province, r.away]))
  // A list's total as of a month's end, read from the kept groups once the figures counted that month.
  const listed = async (query: string) => (await t.app.inject({ url: `/api/staff/ledgers/away?asOf=2025-06-30${query}`, headers: bearer(fx.admin) })).json().count
  const first = await months()
  expect(first[5]).toEqual([5, 22000])
  expect([await listed(''), await listed(`&destination=${encodeURIComponent('江苏省')}`)]).toEqual([5, 3])
  expect(await today()).toEqual({ 江苏省: 4, 甘肃省: 1, 浙江省: 0 })
  // 赵一 goes to 浙江 today: today's figures follow, 2025 stands as it stood.
  now = at('2026-03-20', 15)
  await patch('赵一', { destinationProvince: '浙江省', destinationCity: '宁波市' })
  expect(await today()).toEqual({ 江苏省: 3, 甘肃省: 1, 浙江省: 1 })
  expect(await months()).toEqual(first)
  // A clock set back: 周五 (at home in 2025) written as working in 苏州 from 15 June 2025; the kept months after that
  // day are counted again, the ones before it stay, and both match a count made from nothing.
  now = at('2025-06-15')
  await patch('周五', { employer: '苏州某电子厂' })
  now = at('2026-03-20', 16)
  const after = await months()
  expect(after.slice(0, 5)).toEqual(first.slice(0, 5))
  expect(after[5]).toEqual([6, 26000])
  expect(after[11]).toEqual([6, 26000])
  expect([await listed(''), await listed(`&destination=${encodeURIComponent('江苏省')}`)]).toEqual([6, 4])
  await t.app.db.deleteFrom('roster_figure_groups').execute()
  await t.app.db.deleteFrom('roster_figure_sums').execute()
  await t.app.db.deleteFrom('roster_figure_cutoffs').execute()
  expect([await listed(''), await listed(`&destination=${encodeURIComponent('江苏省')}`)]).toEqual([6, 4])
  expect(await months()).toEqual(after)
})
