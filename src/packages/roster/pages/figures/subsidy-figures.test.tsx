import { render, screen, within } from '@testing-library/react'
import { setToken } from '@/api'
import { chinaDate } from '@contract/format'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { adminStaff, settle, tapChip } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { labourFigures, townshipOfficer } from '../../../../../tests/support/app/roster'
import RosterFiguresPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const thisYear = Number(chinaDate(new Date()).slice(0, 4))
const asked = () => Object.fromEntries(mockApi.callsTo('GET', '/staff/figures/subsidies').pop()!.query)
const row = (claims: number, claimedYuan: number, approvedYuan: number, paidYuan: number, refused = 0) => ({ claims, claimedYuan, approvedYuan, paidYuan, refused })
const figures = (year = thisYear) => ({
  year,
  total: row(5, 2600, 1800, 1200, 1),
  byScheme: [
    { schemeId: 3, scheme: '交通补助', ...row(4, 1800, 1200, 1200, 1) },
    { schemeId: 4, scheme: '求职补贴', ...row(1, 800, 600, 0) },
  ],
  byTownship: [
    { township: '洛门镇' as const, ...row(3, 1800, 1200, 600) },
    { township: '城关镇' as const, ...row(2, 800, 600, 600, 1) },
  ],
  byMonth: [
    { month: `${year}-03`, ...row(4, 2000, 1400, 1200) },
    { month: `${year}-11`, ...row(1, 600, 400, 0, 1) },
  ],
})

beforeEach(() => {
  mockApi.reset()
  setRouterParams({}, '/packages/roster/pages/figures/index')
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('GET', '/staff/figures/labour', () => labourFigures())
  mockApi.on('GET', '/staff/figures/subsidies', (req) => figures(Number(req.query.get('year'))))
})

const cells = (table: string, name: string) =>
  within(screen.getByRole('row', { name: `${table} ${name}` }))
    .getAllByRole('cell')
    .map((c) => c.textContent)

test('the year of 补贴: big totals, then by scheme, township and month in plain tables', async () => {
  render(<RosterFiguresPage />)
  await settle()
  expect(asked()).toEqual({ year: String(thisYear) })
  expect(screen.getByText(`${thisYear}年补贴`)).toBeTruthy()
  expect(screen.getByText('2600元')).toBeTruthy()
  expect(screen.getByText('审核通过金额')).toBeTruthy()
  expect(screen.getByText('不符合条件 1 笔')).toBeTruthy()
  expect(cells('按补贴项目', '交通补助')).toEqual(['4笔', '1800元', '1200元', '1200元'])
  expect(cells('按补贴项目', '求职补贴')).toEqual(['1笔', '800元', '600元', '0元'])
  expect(cells('按乡镇', '城关镇')).toEqual(['2笔', '800元', '600元', '600元'])
  expect(cells('按申请月份', '11月')).toEqual(['1笔', '600元', '400元', '0元'])
})

test('another year asks for that year', async () => {
  render(<RosterFiguresPage />)
  await settle()
  await tapChip(`${thisYear - 1}年`)
  await settle()
  expect(asked()).toEqual({ year: String(thisYear - 1) })
  expect(screen.getByText(`${thisYear - 1}年补贴`)).toBeTruthy()
})

test('a township officer sees what the server gives for their township, without a one-row township table', async () => {
  mockApi.on('GET', '/staff/me', () => townshipOfficer)
  mockApi.on('GET', '/staff/figures/subsidies', () => ({ ...figures(), byTownship: [{ township: '洛门镇', ...row(3, 1800, 1200, 600) }] }))
  render(<RosterFiguresPage />)
  await settle()
  expect(screen.queryByRole('table', { name: '按乡镇' })).toBeNull()
  expect(cells('按补贴项目', '交通补助')).toEqual(['4笔', '1800元', '1200元', '1200元'])
})

test('no claims yet is said in words; a refusal shows with 重试 and leaves the labour figures', async () => {
  mockApi.on('GET', '/staff/figures/subsidies', () => ({ year: thisYear, total: row(0, 0, 0, 0), byScheme: [], byTownship: [], byMonth: [] }))
  const { unmount } = render(<RosterFiguresPage />)
  await settle()
  expect(screen.getByText(`${thisYear}年还没有人申请补贴`)).toBeTruthy()
  unmount()
  mockApi.on('GET', '/staff/figures/subsidies', () => failure(403, 'FORBIDDEN', '只能看本乡镇的补贴'))
  render(<RosterFiguresPage />)
  await settle()
  expect(screen.getByText('只能看本乡镇的补贴')).toBeTruthy()
  expect(screen.getByText('重试')).toBeTruthy()
  expect(screen.getByText('全县 · 截至 2026-11-30')).toBeTruthy()
})
