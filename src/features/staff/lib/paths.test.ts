import { staffMenu, staffPaths } from './paths'

const labels = (role: Parameters<typeof staffMenu>[0]) => staffMenu(role).map((m) => m.label)
const followUp = ['回访名单', '风险名单', '待确认']

test('officers of a township or village and administrators have the follow-up, risk and to-confirm lists', () => {
  for (const role of ['township', 'village', 'admin'] as const) expect(labels(role)).toEqual(expect.arrayContaining(followUp))
  expect(staffMenu('township').find((m) => m.label === '风险名单')?.path).toBe(staffPaths.risks)
  expect(staffMenu('village').find((m) => m.label === '待确认')?.path).toBe('/packages/roster/pages/unconfirmed/index')
})

test("a station's staff keep their own queues, without the roster's lists", () => {
  expect(labels('station').filter((l) => followUp.includes(l))).toEqual([])
})

test('导入台账 is on the menu of township officers and administrators only', () => {
  for (const role of ['township', 'admin'] as const) expect(staffMenu(role).find((m) => m.label === '导入台账')?.path).toBe('/packages/roster/pages/import/index')
  for (const role of ['village', 'station'] as const) expect(labels(role)).not.toContain('导入台账')
})

test('only administrators keep the villages (村庄管理)', () => {
  expect(staffMenu('admin').find((m) => m.label === '村庄管理')?.path).toBe('/packages/roster/pages/villages/index')
  for (const role of ['township', 'village', 'station'] as const) expect(labels(role)).not.toContain('村庄管理')
})

test('every role starts with its 提醒', () => {
  for (const role of ['admin', 'station', 'township', 'village'] as const) expect(staffMenu(role)[0]).toEqual({ label: '提醒', path: staffPaths.alerts })
})

test('township officers review and publish subsidy claims; only administrators pay them and keep the schemes', () => {
  expect(staffMenu('township').filter((m) => m.label.startsWith('补贴'))).toEqual([
    { label: '补贴审核', path: '/packages/subsidies/pages/review/index' },
    { label: '补贴公示', path: '/packages/subsidies/pages/publicity/index' },
  ])
  expect(labels('admin')).toEqual(expect.arrayContaining(['补贴审核', '补贴公示', '补贴发放', '补贴项目']))
  for (const role of ['village', 'station'] as const) expect(labels(role).filter((l) => l.startsWith('补贴'))).toEqual([])
})
