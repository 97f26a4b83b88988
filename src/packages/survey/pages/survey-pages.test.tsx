/** 摸排 pages with the real client against a fake server: the village list, one person's screen, the progress. */
import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, readOutbox, setToken } from '@/api'
import type { StaffMember } from '@contract'
import type { SurveyPerson } from '@contract/survey'
import { forgetVillagesForTests } from '@/features/survey/lib/village-memory'
import { fakeApi } from '../../../../tests/support/app/fake-api'
import { settle, tapText } from '../../../../tests/support/app/interact'
import { adminStaff } from '../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../tests/support/app/taro-shim'
import SurveyVillagePage from './index'
import SurveyPersonPage from './person'
import SurveyProgressPage from './progress'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
jest.setTimeout(60_000)

const informant: StaffMember = { id: 9, username: 'leshan', displayName: '乐善村信息员', role: 'village', stationId: null, stationName: null, mustChangePassword: false, township: '洛门镇', villageId: 31, village: '乐善村' }
const round = { id: 3, name: '2026年12月摸排', dueDate: '2026-12-31', openedAt: '2026-12-01T00:00:00.000Z', current: true }

const person = (over: Partial<SurveyPerson>): SurveyPerson => ({
  id: 1,
  name: '张大山',
  sex: 'male',
  birthYear: 1970,
  householdId: 100,
  relation: 'head',
  group: null,
  poverty: 'general',
  status: 'local_work',
  returnReason: null,
  destinationProvince: null,
  destinationCity: null,
  trade: '电工',
  incomeBand: '3000_5000',
  howWent: null,
  howWentLink: null,
  version: 4,
  checked: false,
  checkedAt: null,
  conflict: false,
  note: null,
  ...over,
})

const household = [
  person({}),
  person({ id: 2, name: '李春花', relation: 'spouse', sex: 'female', status: 'unwilling', trade: null, incomeBand: null, version: 2 }),
  person({ id: 3, name: '张小军', relation: 'child', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市', trade: '普工', version: 7 }),
]
const done = person({ id: 4, name: '赵铁柱', householdId: 101, checked: true, checkedAt: '2026-12-02T00:00:00.000Z', conflict: true })
const village = () => ({ round, village: { id: 31, name: '乐善村', township: '洛门镇' }, households: [{ id: 100, members: household }, { id: 101, members: [done] }], checked: 1, total: 4 })

/** Waits (up to 20 s) for what a page shows once its reads have given up on the network. */
async function until(found: () => unknown) {
  for (let i = 0; i < 200 && !found(); i++) await act(async () => new Promise((r) => setTimeout(r, 100)))
  expect(found()).toBeTruthy()
}

let redirects: string[]
beforeEach(() => {
  mockApi.reset()
  Taro.clearStorageSync()
  forgetVillagesForTests()
  setToken('staff-token')
  redirects = []
  jest.spyOn(Taro, 'redirectTo').mockImplementation((o: { url: string }) => {
    redirects.push(o.url)
    return Promise.resolve() as never
  })
  mockApi.on('GET', '/staff/me', () => informant)
  mockApi.on('GET', '/staff/survey-rounds', () => ({ items: [round] }))
  mockApi.on('GET', '/staff/survey-rounds/3/village', () => village())
})

test('the village list: households, those left to check first, with the round, the count and nothing waiting', async () => {
  setRouterParams({}, '/packages/survey/pages/index/index')
  render(<SurveyVillagePage />)
  await settle()
  expect(screen.getByText('洛门镇乐善村 · 2026年12月摸排')).toBeTruthy()
  expect(screen.getByText('已查 1 / 4 人')).toBeTruthy()
  expect(screen.getByText('张大山家')).toBeTruthy()
  expect(screen.getByText('还有 3 人没查')).toBeTruthy()
  expect(screen.getByText('这一户查完了')).toBeTruthy()
  expect(screen.getByText('有冲突')).toBeTruthy()
  expect(screen.getByText('外出务工（省外） · 江苏省苏州市 · 普工 · 3000–5000元')).toBeTruthy()
  expect(screen.getByText('手机上没有等着发送的')).toBeTruthy()
  const names = [...document.querySelectorAll('.survey-person__name')].map((n) => n.textContent)
  expect(names).toEqual(['张大山', '李春花', '张小军', '赵铁柱'])
})

test('one person: 无变化 in one tap sends the version seen, then 下一位 opens the next member of the household', async () => {
  mockApi.on('POST', '/staff/survey-rounds/3/checks', (req) => ({
    check: { roundId: 3, personId: req.body.personId, unchanged: true, conflict: false, checkedAt: '2026-12-04T00:00:00.000Z' },
    person: { ...household[0], checked: true, checkedAt: '2026-12-04T00:00:00.000Z' },
  }))
  setRouterParams({ round: '3', person: '1' }, '/packages/survey/pages/person/index')
  render(<SurveyPersonPage />)
  await settle()
  expect(screen.getByText('张大山')).toBeTruthy()
  expect(screen.getByText('现在登记的：县内务工 · 电工 · 3000–5000元')).toBeTruthy()
  expect(screen.getByText('张大山家 · 第 1 / 3 人')).toBeTruthy()
  await tapText('无变化')
  await settle()
  const [sent] = mockApi.callsTo('POST', '/staff/survey-rounds/3/checks')
  expect(sent.body).toEqual({ personId: 1, baseVersion: 4, unchanged: true, note: null })
  expect(sent.headers['Idempotency-Key'] ?? sent.headers['idempotency-key']).toBeTruthy()
  expect(redirects).toEqual(['/packages/survey/pages/person/index?round=3&person=2'])
})

test('a change: only what changed is sent, and the status rule is checked on the phone first', async () => {
  mockApi.on('POST', '/staff/survey-rounds/3/checks', (req) => ({
    check: { roundId: 3, personId: 2, unchanged: false, conflict: false, checkedAt: '2026-12-04T00:00:00.000Z' },
    person: { ...household[1], status: req.body.status, destinationProvince: req.body.destinationProvince ?? null, version: 3, checked: true },
  }))
  setRouterParams({ round: '3', person: '2' }, '/packages/survey/pages/person/index')
  render(<SurveyPersonPage />)
  await settle()
  await tapText('外出务工（省外）')
  await tapText('保存')
  await settle()
  // Working away needs a province: said on the phone, nothing sent.
  expect(screen.getByText('外出务工要填去了哪个省')).toBeTruthy()
  expect(mockApi.callsTo('POST', '/staff/survey-rounds/3/checks')).toHaveLength(0)
  await tapText('浙江省')
  await tapText('8000元以上')
  await tapText('保存')
  await settle()
  const [sent] = mockApi.callsTo('POST', '/staff/survey-rounds/3/checks')
  expect(sent.body).toEqual({ personId: 2, baseVersion: 2, unchanged: false, status: 'away_other_province', destinationProvince: '浙江省', incomeBand: 'above_8000', note: null })
  expect(redirects).toEqual(['/packages/survey/pages/person/index?round=3&person=3'])
})

test('without signal: the list opens from the phone and a check is kept in the outbox, counted as waiting', async () => {
  setRouterParams({}, '/packages/survey/pages/index/index')
  const first = render(<SurveyVillagePage />)
  await settle()
  first.unmount()
  forgetVillagesForTests()
  mockApi.reset()
  const offline = () => {
    throw new ApiError('NETWORK')
  }
  for (const path of ['/staff/me', '/staff/survey-rounds', '/staff/survey-rounds/3/village']) mockApi.on('GET', path, offline)
  mockApi.on('POST', '/staff/survey-rounds/3/checks', offline)
  setRouterParams({ round: '3', person: '3' }, '/packages/survey/pages/person/index')
  const page = render(<SurveyPersonPage />)
  // The client's own retries (0.6 s and 1.8 s) run out first, for the rounds and then the village.
  await until(() => screen.queryByText('张小军'))
  await tapText('无变化')
  await act(async () => new Promise((r) => setTimeout(r, 3000)))
  await settle()
  expect(readOutbox()).toEqual([expect.objectContaining({ name: 'checkSurveyPerson', state: 'pending', label: '摸排：张小军', req: { params: { id: 3 }, body: expect.objectContaining({ personId: 3, baseVersion: 7, unchanged: true }) } })])
  // The last of the household: the page says so rather than going on.
  expect(screen.getByText('这一户查完了')).toBeTruthy()
  page.unmount()
  setRouterParams({}, '/packages/survey/pages/index/index')
  render(<SurveyVillagePage />)
  await until(() => screen.queryByText(/没有网络，下面是已保存于/))
  expect(screen.getByText('1 条在手机上等着发送，有信号后自动发出')).toBeTruthy()
  expect(screen.getByText('待发送')).toBeTruthy()
})

test('a batch picked with signal, then the send fails: the check waits on the phone and the list names the batch, after a restart too', async () => {
  mockApi.on('GET', '/staff/roster/links', () => ({ items: [{ id: 31, name: '洛门镇 → 江苏省苏州市', date: '2026-03-02' }], nextCursor: null }))
  mockApi.on('POST', '/staff/survey-rounds/3/checks', () => {
    throw new ApiError('NETWORK')
  })
  setRouterParams({ round: '3', person: '3' }, '/packages/survey/pages/person/index')
  const page = render(<SurveyPersonPage />)
  await settle()
  await tapText('点对点专车')
  await settle()
  await tapText('洛门镇 → 江苏省苏州市')
  await tapText('保存')
  await act(async () => new Promise((r) => setTimeout(r, 3000)))
  await settle()
  expect(readOutbox()).toEqual([expect.objectContaining({ name: 'checkSurveyPerson', state: 'pending', req: { params: { id: 3 }, body: expect.objectContaining({ personId: 3, howWent: expect.objectContaining({ channel: 'batch', batchId: 31 }) }) } })])
  page.unmount()
  // The app is closed and opened again with no signal: the list comes from the phone.
  forgetVillagesForTests()
  const offline = () => {
    throw new ApiError('NETWORK')
  }
  for (const path of ['/staff/survey-rounds/3/village']) mockApi.on('GET', path, offline)
  setRouterParams({}, '/packages/survey/pages/index/index')
  render(<SurveyVillagePage />)
  await until(() => screen.queryByText(/没有网络，下面是已保存于/))
  expect(screen.getByText('外出务工（省外） · 江苏省苏州市 · 普工 · 3000–5000元 · 点对点专车：洛门镇 → 江苏省苏州市（2026-03-02）')).toBeTruthy()
  expect(screen.getByText('待发送')).toBeTruthy()
})

test('progress: villages behind first, each opening its list for an officer; an admin may open a round', async () => {
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('GET', '/staff/survey-rounds/3/progress', () => ({
    round,
    checked: 6,
    total: 12,
    townships: [
      { township: '洛门镇', checked: 1, total: 6, conflicts: 1 },
      { township: '城关镇', checked: 5, total: 6, conflicts: 0 },
    ],
    villages: [
      { villageId: 31, village: '乐善村', township: '洛门镇', checked: 1, total: 6, conflicts: 1 },
      { villageId: 40, village: '东关社区', township: '城关镇', checked: 5, total: 6, conflicts: 0 },
    ],
  }))
  const opened: string[] = []
  jest.spyOn(Taro, 'navigateTo').mockImplementation((o: { url: string }) => {
    opened.push(o.url)
    return Promise.resolve() as never
  })
  setRouterParams({}, '/packages/survey/pages/progress/index')
  render(<SurveyProgressPage />)
  await settle()
  expect(screen.getByText('已查 6 / 12 人')).toBeTruthy()
  const labels = [...document.querySelectorAll('.survey-progress__label')].map((n) => n.textContent)
  expect(labels).toEqual(['洛门镇', '城关镇', '洛门镇 乐善村', '城关镇 东关社区'])
  expect(screen.getAllByText('1 人有冲突，请核对')).toHaveLength(2)
  await tapText('洛门镇 乐善村')
  expect(opened).toEqual(['/packages/survey/pages/index/index?round=3&village=31'])
  expect(screen.getByText('开启一轮摸排')).toBeTruthy()
})

test('an officer still on a one-time password is sent to change it, not shown a refusal to retry', async () => {
  mockApi.on('GET', '/staff/me', () => ({ ...informant, mustChangePassword: true }))
  mockApi.on('GET', '/staff/survey-rounds', () => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: '请先修改密码：这是一次性密码，改好后才能使用工作台' } } }))
  setRouterParams({}, '/packages/survey/pages/index/index')
  render(<SurveyVillagePage />)
  await settle()
  expect(screen.getByText('去改密码')).toBeTruthy()
  expect(screen.queryByText('重试')).toBeNull()
})
