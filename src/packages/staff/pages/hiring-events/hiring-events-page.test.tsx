import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { StaffMember } from '@contract'
import type { StaffHiringEvent } from '@contract/hiring-events'
import { setToken } from '@/api'
import { jobPosting, jobSummary } from '../../../../../tests/support/app/fixtures'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText, typeInto } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { SEARCH_DELAY_MS } from '@/features/staff/components/job-picker'
import StaffHiringEventsPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
jest.setTimeout(20_000)

const admin: StaffMember = { id: 1, username: 'admin', displayName: '县人社局管理员', role: 'admin', stationId: null, stationName: null, mustChangePassword: false, township: null, villageId: null, village: null }
const event: StaffHiringEvent = {
  id: 3,
  title: '武山县直播带岗',
  startsAt: '2026-03-10T11:00:00.000Z',
  endsAt: '2026-03-10T13:00:00.000Z',
  platform: 'kuaishou',
  liveUrl: 'https://live.kuaishou.com/1',
  replayUrl: null,
  phase: 'past',
  jobs: [jobSummary({ id: 9 })],
  reminded: false,
  stationId: null,
  viewers: null,
  funnel: { viewers: null, reminders: 12, signups: 30, interviews: 11, hires: 4, riders: 2 },
}

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  setRouterParams({}, '/packages/staff/pages/hiring-events/index')
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  mockApi.on('GET', '/staff/me', () => admin)
  mockApi.on('GET', '/staff/hiring-events', () => ({ items: [event] }))
  mockApi.on('PATCH', '/staff/hiring-events/3', (req) => ({ ...event, viewers: req.body.viewers, funnel: { ...event.funnel, viewers: req.body.viewers } }))
})
afterEach(() => jest.restoreAllMocks())

test('shows each step of the funnel and saves the viewers the platform reported', async () => {
  const { container } = render(<StaffHiringEventsPage />)
  await settle()
  const steps = [...document.querySelectorAll('.hiring-events__step')].map((s) => s.textContent)
  expect(steps).toEqual(['未填观看', '12设提醒', '30报名', '11面试', '4录用', '2坐专车'])
  await typeInto(container, '.hiring-events__viewers', '2800')
  await tapText('保存观看人数和回放')
  await settle()
  expect(mockApi.callsTo('PATCH', '/staff/hiring-events/3').map((c) => c.body)).toEqual([{ viewers: 2800 }])
})

const open = (id: number, title: string, employerName: string) => ({ ...jobPosting({ id, title, employerName }), reviewStatus: 'ok' as const, applicationCount: 0, hiredCount: 0 })

test('a new event is sent with its China times and the postings ticked from a search of the open ones', async () => {
  mockApi.on('POST', '/staff/hiring-events', () => ({ status: 201, body: { id: 4 } }))
  mockApi.on('GET', '/staff/jobs', (req) => {
    expect(req.query.get('status')).toBe('open')
    // The server does the search: the picker lists what it answers.
    if (req.query.get('q') === '保洁') return { items: [open(9, '公益性岗位保洁', '洛门镇政府')], nextCursor: null }
    return req.query.get('cursor')
      ? { items: [open(15, '柳编帮扶车间编织工', '宁远柳编合作社')], nextCursor: null }
      : { items: [open(12, '电子厂普工', '无锡某电子厂'), open(9, '公益性岗位保洁', '洛门镇政府')], nextCursor: 'next' }
  })
  const { container } = render(<StaffHiringEventsPage />)
  await settle()
  await tapText('安排一场直播')
  await settle()
  await typeInto(container, '.hiring-events__title', '洛门镇直播招工')
  await typeInto(container, '.hiring-events__starts', '2026-03-12 19:00')
  await typeInto(container, '.hiring-events__ends', '2026-03-12 21:00')
  await typeInto(container, '.hiring-events__link', 'https://live.douyin.com/9')
  // Nothing ticked: said in words, nothing sent.
  await tapText('安排')
  await settle()
  expect(screen.getByText('请至少选一个岗位')).toBeTruthy()
  expect(mockApi.callsTo('POST', '/staff/hiring-events')).toEqual([])

  // A word is searched once typing pauses; a tap ticks, a second tap unticks; more pages come on request.
  await typeInto(container, '.job-picker__search', '保洁')
  await act(async () => new Promise((r) => setTimeout(r, SEARCH_DELAY_MS + 50)))
  await settle()
  expect(mockApi.callsTo('GET', '/staff/jobs').at(-1)!.query.get('q')).toBe('保洁')
  expect(screen.queryByText('电子厂普工')).toBeNull()
  await tapText('公益性岗位保洁')
  expect(screen.getByText('公益性岗位保洁').closest('.job-picker__row')!.getAttribute('aria-pressed')).toBe('true')
  await typeInto(container, '.job-picker__search', '')
  await settle()
  await tapText('电子厂普工')
  await tapText('再看更多岗位')
  await settle()
  await tapText('柳编帮扶车间编织工')
  await tapText('电子厂普工')
  expect(screen.getByText('已选 2 个：公益性岗位保洁、柳编帮扶车间编织工')).toBeTruthy()

  await tapText('安排')
  await settle()
  const [sent] = mockApi.callsTo('POST', '/staff/hiring-events')
  expect(sent.body).toEqual({ title: '洛门镇直播招工', startsAt: '2026-03-12T19:00:00+08:00', endsAt: '2026-03-12T21:00:00+08:00', platform: 'douyin', liveUrl: 'https://live.douyin.com/9', jobIds: [9, 15] })
  expect(sent.headers['Idempotency-Key']).toBeTruthy()
  expect(screen.queryByText('洛门镇直播招工')).toBeNull()
})

test("the server's field messages stand beside their fields, on the figures and on a new event", async () => {
  const refuse = (fields: Record<string, string>) => () => ({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message: '请检查填写的内容', fields } } })
  mockApi.on('PATCH', '/staff/hiring-events/3', refuse({ replayUrl: '回放链接要以 https:// 开头' }))
  mockApi.on('POST', '/staff/hiring-events', refuse({ title: '请填写直播名称' }))
  mockApi.on('GET', '/staff/jobs', () => ({ items: [open(9, '公益性岗位保洁', '洛门镇政府')], nextCursor: null }))
  const { container } = render(<StaffHiringEventsPage />)
  await settle()
  await typeInto(container, '.hiring-events__replay', 'live.kuaishou.com/r')
  await tapText('保存观看人数和回放')
  await settle()
  const fieldErrors = () => [...document.querySelectorAll('.form-field__error')].map((e) => e.textContent)
  expect(fieldErrors()).toEqual(['回放链接要以 https:// 开头'])
  await tapText('安排一场直播')
  await settle()
  await tapText('公益性岗位保洁')
  await tapText('安排')
  await settle()
  expect(fieldErrors()).toEqual(['请填写直播名称', '回放链接要以 https:// 开头'])
  expect(screen.getByText('保存观看人数和回放')).toBeTruthy()
})
