import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { adminStaff, inputsReady, settle, staffSignInPrompt, stationStaff, tap, tapChip } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { person, townshipOfficer, villageInformant, villages } from '../../../../../tests/support/app/roster'
import RosterPeoplePage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const path = '/packages/roster/pages/people/index'
const listed = () => mockApi.callsTo('GET', '/staff/people')
const lastQuery = () => Object.fromEntries(listed().pop()!.query)

beforeEach(() => {
  mockApi.reset()
  setRouterParams({}, path)
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('GET', '/staff/villages', () => ({ items: villages }))
  mockApi.on('GET', '/staff/people', (req) =>
    req.query.get('cursor')
      ? { items: [person({ id: 103, name: '赵三', status: 'returned', returnReason: 'injury', destinationProvince: null, destinationCity: null, howWent: null })], nextCursor: null, total: 3, asOf: null }
      : { items: [person(), person({ id: 102, name: '王小红', relation: 'spouse', poverty: 'general', phone: '137****0002' })], nextCursor: 'c1', total: 3, asOf: req.query.get('asOf') },
  )
})

test('a signed-out visitor is asked to sign in as staff and nobody is listed', async () => {
  setToken(null)
  render(<RosterPeoplePage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  expect(listed()).toHaveLength(0)
})

test('lists people with their place, household and status, the count of all of them, and more on demand', async () => {
  render(<RosterPeoplePage />)
  await settle()
  expect(screen.getByText('共 3 人')).toBeTruthy()
  expect(screen.getByText('王小明 ›')).toBeTruthy()
  expect(screen.getAllByText('洛门镇马坪村3组')).toHaveLength(2)
  expect(screen.getByText('男 · 1988年生 · 户主 · 脱贫户')).toBeTruthy()
  expect(screen.getAllByText('外出务工（省外） · 江苏省苏州市')).toHaveLength(2)
  expect(screen.getByText('电话 137****0002')).toBeTruthy()
  await tap('加载更多')
  await settle()
  expect(listed().pop()!.query.get('cursor')).toBe('c1')
  expect(screen.getByText('返乡回流（受伤）')).toBeTruthy()
  expect(screen.getByText('共 3 条，已经到底了')).toBeTruthy()
})

test('each filter, a name and a day narrow the list the server reads', async () => {
  const { container } = render(<RosterPeoplePage />)
  await inputsReady(container)
  await tapChip('洛门镇')
  await settle()
  await tapChip('黄河村')
  await tapChip('返乡回流')
  await tapChip('监测户（边缘易致贫）')
  await tapChip('浙江省')
  await settle()
  expect(lastQuery()).toEqual({ township: '洛门镇', villageId: '32', status: 'returned', poverty: 'monitored', destinationProvince: '浙江省' })
  const search = container.querySelector('.search-box__input')!
  search.dispatchEvent(new CustomEvent('input', { detail: { value: ' 王小 ' }, bubbles: true }))
  await tap('搜索')
  container.querySelector('.roster-filters__as-of')!.dispatchEvent(new CustomEvent('input', { detail: { value: '2026-06-30' }, bubbles: true }))
  await settle()
  expect(lastQuery()).toMatchObject({ q: '王小', asOf: '2026-06-30' })
  expect(screen.getByText('共 3 人（截至 2026-06-30）')).toBeTruthy()
  // Another township: the first one's village no longer applies.
  await tapChip('城关镇')
  await settle()
  expect(lastQuery().villageId).toBeUndefined()
})

test('tapping a person opens their page; 新增 opens the household form', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<RosterPeoplePage />)
  await settle()
  await tap('王小红 ›')
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/roster/pages/person/index?id=102' })
  await tap('新增（一户或一人）')
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/roster/pages/person-new/index' })
  navigate.mockRestore()
})

test('a village informant has no place to choose and no one else to see; station staff read only', async () => {
  mockApi.on('GET', '/staff/me', () => villageInformant)
  const { unmount } = render(<RosterPeoplePage />)
  await settle()
  const chips = [...document.querySelectorAll('.chip')].map((c) => c.textContent)
  expect(chips).not.toContain('全部乡镇')
  expect(chips).not.toContain('全部村')
  expect(screen.getByText('新增（一户或一人）')).toBeTruthy()
  unmount()
  mockApi.on('GET', '/staff/me', () => stationStaff)
  render(<RosterPeoplePage />)
  await settle()
  expect(screen.queryByText('新增（一户或一人）')).toBeNull()
  expect(screen.getByText(/只能查看/)).toBeTruthy()
})

test("opened from a figure, it lists that figure's register exactly and can widen to everyone", async () => {
  mockApi.on('GET', '/staff/me', () => townshipOfficer)
  mockApi.on('GET', '/staff/ledgers/away', (req) => ({ kind: 'away', count: 3120, phonesMasked: false, asOf: req.query.get('asOf'), nextCursor: null, items: [person()] }))
  setRouterParams({ kind: 'away', destination: encodeURIComponent('江苏省'), township: encodeURIComponent('洛门镇'), asOf: '2026-11-30' }, path)
  render(<RosterPeoplePage />)
  await settle()
  expect(Object.fromEntries(mockApi.callsTo('GET', '/staff/ledgers/away').pop()!.query)).toEqual({ township: '洛门镇', destination: '江苏省', asOf: '2026-11-30' })
  expect(listed()).toHaveLength(0)
  expect(screen.getByText('正在看：外出务工 · 江苏省 · 洛门镇')).toBeTruthy()
  expect(screen.getByText('共 3,120 人（截至 2026-11-30）')).toBeTruthy()
  await tapChip('看全部劳动力')
  await settle()
  expect(lastQuery()).toEqual({ township: '洛门镇', destinationProvince: '江苏省', asOf: '2026-11-30' })
})
