/**
 * The roster's registers over a hand-counted fixture (test-support/roster-fixture): each kind's members now and as
 * of a day before the changes, the filters, paging, scope (township officer, station) and masking, CSV.
 */
import { bearer } from '../test-support/accounts'
import { buildRosterFixture, type RosterFixture } from '../test-support/roster-fixture'
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

async function get(token: string, url: string) {
  return t.app.inject({ url: `/api/staff/ledgers/${url}`, headers: bearer(token) })
}
/** Names on a register, sorted; fails the test on anything but 200. */
async function names(token: string, url: string): Promise<string[]> {
  const res = await get(token, url.includes('?') ? `${url}&limit=50` : `${url}?limit=50`)
  expect(res.statusCode).toBe(200)
  const body = res.json()
  expect(body.count).toBe(body.items.length)
  return body.items.map((p: { name: string }) => p.name).sort()
}
const sorted = (...n: string[]) => [...n].sort()

test.each([
  ['labour', ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九', '陈十', '褚十一', '卫十二']],
  ['away', ['赵一', '钱二', '周五', '郑七', '卫十二']],
  ['poverty_away', ['赵一', '郑七']],
  ['stable', ['赵一', '周五', '郑七']],
  ['came_back', ['孙三', '李四', '陈十']],
  ['away_last_year', ['孙三', '李四']],
  ['ready_to_go', ['冯九', '褚十一']],
  ['monitored', ['孙三', '吴六']],
  ['unwilling', ['吴六']],
])('%s now: exactly its members', async (kind, members) => {
  expect(await names(fx.admin, kind)).toEqual(sorted(...members))
})

test.each([
  ['labour', 12],
  ['away', ['赵一', '钱二', '孙三', '郑七', '卫十二']],
  ['poverty_away', ['赵一', '孙三', '郑七']],
  ['stable', ['赵一', '孙三', '郑七']],
  ['came_back', ['李四', '陈十']],
  ['away_last_year', ['李四', '周五']],
  ['ready_to_go', ['周五', '褚十一']],
  ['monitored', ['孙三', '吴六']],
  ['unwilling', ['吴六', '冯九']],
])('%s as of the day before the changes', async (kind, members) => {
  const got = await names(fx.admin, `${kind}?asOf=2026-03-09`)
  if (typeof members === 'number') expect(got).toHaveLength(members)
  else expect(got).toEqual(sorted(...members))
})

test('as of a day before anyone was entered: nobody; a day after today: 400', async () => {
  expect(await names(fx.admin, 'labour?asOf=2025-02-09')).toEqual([])
  const res = await get(fx.admin, 'away?asOf=2026-03-21')
  expect(res.statusCode).toBe(400)
  expect(res.json().error.fields.asOf).toBe('日期不能晚于今天')
})

test('filters: township, village, destination province or city, trade, poverty', async () => {
  const enc = encodeURIComponent
  expect(await names(fx.admin, `away?township=${enc('城关镇')}`)).toEqual(sorted('郑七', '卫十二'))
  expect(await names(fx.admin, `away?villageId=${fx.v1}`)).toEqual(sorted('赵一', '钱二', '周五'))
  expect(await names(fx.admin, `away?destination=${enc('江苏省')}`)).toEqual(sorted('赵一', '周五', '郑七', '卫十二'))
  expect(await names(fx.admin, `away?destination=${enc('苏州')}`)).toEqual(sorted('赵一', '周五', '郑七'))
  expect(await names(fx.admin, `away?trade=${enc('普工')}`)).toEqual(sorted('赵一', '周五', '卫十二'))
  expect(await names(fx.admin, 'labour?poverty=alleviated')).toEqual(sorted('赵一', '郑七', '陈十'))
  // A kind's own poverty and another asked for: nobody, not the union.
  expect(await names(fx.admin, 'monitored?poverty=alleviated')).toEqual([])
  expect(await names(fx.admin, `away?destination=${enc('江苏省')}&asOf=2026-03-09`)).toEqual(sorted('赵一', '郑七', '卫十二'))
})

test('paging: pages of five follow the cursor to all twelve, each page with the total', async () => {
  const seen: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const res = await get(fx.admin, `labour?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    const body = res.json()
    expect(body.count).toBe(12)
    expect(body.items.length).toBeLessThanOrEqual(5)
    seen.push(...body.items.map((p: { name: string }) => p.name))
    cursor = body.nextCursor
    pages += 1
  } while (cursor && pages < 10)
  expect(pages).toBe(3)
  expect(new Set(seen).size).toBe(12)
})

test('a township officer reads their township only; a place outside it finds nobody', async () => {
  expect(await names(fx.luomen, 'labour')).toEqual(sorted('赵一', '钱二', '孙三', '李四', '周五', '吴六', '褚十一'))
  expect(await names(fx.luomen, 'away')).toEqual(sorted('赵一', '钱二', '周五'))
  expect(await names(fx.chengguan, 'away')).toEqual(sorted('郑七', '卫十二'))
  expect(await names(fx.luomen, `away?township=${encodeURIComponent('城关镇')}`)).toEqual([])
  expect(await names(fx.village, 'labour')).toEqual(sorted('赵一', '钱二', '周五', '吴六'))
})

test('station staff read the people away in their city or sent through them, masked', async () => {
  const res = await get(fx.station, 'labour?limit=50')
  const body = res.json()
  expect(body.items.map((p: { name: string }) => p.name).sort()).toEqual(sorted('赵一', '周五', '郑七'))
  expect(body.phonesMasked).toBe(true)
  for (const p of body.items) {
    expect(p.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(p.idNumber).toContain('*')
  }
})

test('an officer sees phones and ID numbers in full, and the export is in the access log', async () => {
  const body = (await get(fx.luomen, 'away?limit=50')).json()
  expect(body.phonesMasked).toBe(false)
  expect(body.items.every((p: { phone: string; idNumber: string }) => /^\d{11}$/.test(p.phone) && !p.idNumber.includes('*'))).toBe(true)
  const logged = await t.app.db.selectFrom('access_log').select('detail').where('action', '=', 'ledger_export').orderBy('id', 'desc').executeTakeFirstOrThrow()
  expect(logged.detail).toBe('外出务工 JSON 3 人，电话和身份证号完整')
})

test('CSV holds the whole register with Chinese headers', async () => {
  const res = await get(fx.admin, 'away?format=csv&limit=1')
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toContain('text/csv')
  const lines = res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/)
  expect(lines[0]).toBe('姓名,身份证号,手机号,乡镇,村,组,户类别,目前状态,去向省份,去向城市,工作单位,工种,去年状态')
  expect(lines).toHaveLength(6)
  expect(lines.some((l) => l.startsWith('周五,') && l.includes('外出务工（省外）,江苏省,苏州市'))).toBe(true)
})

test('the account registers still answer as before', async () => {
  const res = await get(fx.admin, 'working_away')
  expect(res.statusCode).toBe(200)
  expect(res.json()).toEqual(expect.objectContaining({ kind: 'working_away', phonesMasked: false }))
  expect((await get(fx.admin, 'nonsense')).statusCode).toBe(400)
})
