import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setToken } from '@/api'
import { chinaDate } from '@contract/format'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { adminStaff, inputsReady, settle, tap, tapChip, type } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { labourFigures, townshipOfficer, villageInformant } from '../../../../../tests/support/app/roster'
import RosterFiguresPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const asked = () => Object.fromEntries(mockApi.callsTo('GET', '/staff/figures/labour').pop()!.query)
const thisYear = Number(chinaDate(new Date()).slice(0, 4))

beforeEach(() => {
  mockApi.reset()
  setRouterParams({}, '/packages/roster/pages/figures/index')
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('GET', '/staff/figures/labour', () => labourFigures())
  mockApi.on('GET', '/staff/figures/subsidies', () => ({ year: thisYear, total: { claims: 0, claimedYuan: 0, approvedYuan: 0, paidYuan: 0, refused: 0 }, byScheme: [], byTownship: [], byMonth: [] }))
})

test('the year to date, with organised rate, income and last year, every figure as text', async () => {
  render(<RosterFiguresPage />)
  await settle()
  expect(asked()).toEqual({ year: String(thisYear) })
  expect(screen.getByText('全县 · 截至 2026-11-30')).toBeTruthy()
  expect(screen.getAllByText('4,120').length).toBeGreaterThan(0)
  expect(screen.getByText('85.0%')).toBeTruthy()
  expect(screen.getByText('2,678.0万元')).toBeTruthy()
  expect(screen.getByText('有 12 人没填月收入，不在收入估算里。')).toBeTruthy()
  // The tables beside the charts: each row's numbers in words a screen reader (or a report) can take.
  expect(screen.getByText('外出务工 江苏省 3,120 ›')).toBeTruthy()
  expect(screen.getByText('有组织 2,800（89.7%）· 去年同期 3,000')).toBeTruthy()
  expect(screen.getByText('外出务工 11月 4,120 ›')).toBeTruthy()
  expect(screen.getByText('外出务工 洛门镇 2,500 ›')).toBeTruthy()
  expect(screen.getByText('蓝线：今年；灰线：去年同期')).toBeTruthy()
})

test('the charts are drawn to scale and hidden from screen readers (the tables say the same)', async () => {
  const { container } = render(<RosterFiguresPage />)
  await settle()
  const fills = [...container.querySelectorAll<HTMLElement>('.roster-bar__fill')].map((f) => f.style.width)
  // Provinces: 3,120 is the longest bar, 1,000 a third of it; then townships 2,500 and 1,620.
  expect(fills.slice(0, 2)).toEqual(['100%', `${(1000 / 3120) * 100}%`])
  expect(fills.slice(2)).toEqual(['100%', `${(1620 / 2500) * 100}%`])
  expect(container.querySelectorAll('.roster-line__dot')).toHaveLength(2)
  // A rising month: the second dot stands higher (a smaller top) than the first.
  const tops = [...container.querySelectorAll<HTMLElement>('.roster-line__dot')].map((d) => parseFloat(d.style.top))
  expect(tops[1]).toBeLessThan(tops[0])
  for (const chart of container.querySelectorAll('.roster-chart')) expect(chart.getAttribute('aria-hidden')).toBe('true')
})

test('tapping a row opens the people list with exactly that row’s filter', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<RosterFiguresPage />)
  await settle()
  await tap('外出务工 江苏省 3,120 ›')
  expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/roster/pages/people/index?kind=away&destination=${encodeURIComponent('江苏省')}&asOf=2026-11-30` })
  await tap('外出务工 洛门镇 2,500 ›')
  expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/roster/pages/people/index?kind=away&township=${encodeURIComponent('洛门镇')}&asOf=2026-11-30` })
  await tap('外出务工 10月 4,000 ›')
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/roster/pages/people/index?kind=away&asOf=2026-10-31' })
  navigate.mockRestore()
})

test('an admin reads one township, another year, or the figures as of a day', async () => {
  const { container } = render(<RosterFiguresPage />)
  await inputsReady(container)
  await tapChip('洛门镇')
  await tapChip(`${thisYear - 1}年`)
  await settle()
  expect(asked()).toEqual({ year: String(thisYear - 1), township: '洛门镇' })
  type(container, '.roster-figures__as-of', '2025-06-30')
  await settle()
  expect(asked()).toEqual({ township: '洛门镇', asOf: '2025-06-30' })
})

test('a township officer reads their own township; a village informant is told figures are not theirs', async () => {
  mockApi.on('GET', '/staff/me', () => townshipOfficer)
  const { unmount } = render(<RosterFiguresPage />)
  await settle()
  expect(asked()).toEqual({ year: String(thisYear) })
  expect([...document.querySelectorAll('.chip')].some((c) => c.textContent === '全县')).toBe(false)
  unmount()
  mockApi.reset()
  mockApi.on('GET', '/staff/me', () => villageInformant)
  render(<RosterFiguresPage />)
  await settle()
  expect(screen.getByText('统计只给县级管理员和乡镇劳务专干看。')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/figures/labour')).toHaveLength(0)
})

test('a refusal is shown with 重试', async () => {
  mockApi.on('GET', '/staff/figures/labour', () => failure(403, 'FORBIDDEN', '只能看本乡镇的统计'))
  render(<RosterFiguresPage />)
  await settle()
  expect(screen.getByText('只能看本乡镇的统计')).toBeTruthy()
  expect(screen.getByText('重试')).toBeTruthy()
})
