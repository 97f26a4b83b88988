import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@contract/me'
import type { HiringEvent } from '@contract/hiring-events'
import { ApiError } from '@/api'
import { jobSummary } from '../../../../../tests/support/app/fixtures'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText } from '../../../../../tests/support/app/interact'
import { resetSessionForTests, startSession } from '@/features/account/session'
import HiringEventsPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
jest.setTimeout(20_000)

const me: Me = { id: 1, name: '张三', phone: '138****1234', hometownTownship: '洛门镇', hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: false, currentCity: null, returnedHome: true, willingToGoOut: false, povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }
const event = (over: Partial<HiringEvent>): HiringEvent => ({
  id: 3,
  title: '武山县直播带岗',
  startsAt: '2026-03-12T11:00:00.000Z',
  endsAt: '2026-03-12T13:00:00.000Z',
  platform: 'douyin',
  liveUrl: 'https://live.douyin.com/1',
  replayUrl: null,
  phase: 'upcoming',
  jobs: [jobSummary({ id: 9, title: '柳编车间编织工' })],
  reminded: false,
  ...over,
})

let events: { upcoming: HiringEvent[]; past: HiringEvent[] }
beforeEach(() => {
  mockApi.reset()
  Taro.clearStorageSync()
  resetSessionForTests()
  startSession('worker-token', me)
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  events = { upcoming: [event({})], past: [event({ id: 2, title: '上个月的直播', phase: 'past', replayUrl: 'https://live.douyin.com/r/2', jobs: [jobSummary({ id: 8, title: '公益性岗位保洁' })] })] }
  mockApi.on('GET', '/hiring-events', () => events)
  mockApi.on('POST', '/hiring-events/3/reminders', () => {
    events = { ...events, upcoming: [event({ reminded: true })] }
    return { eventId: 3, reminded: true }
  })
  mockApi.on('POST', '/hiring-events/2/signups', (req) => ({
    id: 40,
    status: 'submitted',
    note: null,
    createdAt: '2026-03-10T02:00:00.000Z',
    updatedAt: '2026-03-10T02:00:00.000Z',
    job: jobSummary({ id: req.body.jobId }),
    hiringEventId: 2,
  }))
})
afterEach(() => jest.restoreAllMocks())

test('an upcoming event offers 提醒我 and no sign-up yet; the reminder is set once', async () => {
  render(<HiringEventsPage />)
  await settle()
  expect(screen.getByText('还没开始')).toBeTruthy()
  // No 报名 before it starts, and the card says when it comes.
  expect(screen.getByText('直播里的岗位（1 个），开播后就能报名')).toBeTruthy()
  expect(screen.getAllByText('报名这个岗位')).toHaveLength(1)
  await tapText('提醒我')
  await settle()
  expect(mockApi.callsTo('POST', '/hiring-events/3/reminders')).toHaveLength(1)
  expect(screen.getByText('已设提醒，开播前会在“消息”里告诉您')).toBeTruthy()
})

test('a past event shows 看回放 and signs up for its posting, with a key', async () => {
  render(<HiringEventsPage />)
  await settle()
  expect(screen.getByText('看回放')).toBeTruthy()
  await tapText('报名这个岗位')
  await settle()
  const sent = mockApi.callsTo('POST', '/hiring-events/2/signups')
  expect(sent.map((c) => c.body)).toEqual([{ jobId: 8 }])
  expect(sent[0].headers['Idempotency-Key']).toBeTruthy()
  expect(screen.getByText('已报名，请留意来电')).toBeTruthy()
})

test('without a network after a first visit, the events still show, marked as the copy saved on the phone', async () => {
  const first = render(<HiringEventsPage />)
  await settle()
  first.unmount()
  mockApi.on('GET', '/hiring-events', () => {
    throw new ApiError('NETWORK')
  })
  render(<HiringEventsPage />)
  await settle()
  // The client's own retries (0.6 s and 1.8 s) run out first.
  await act(async () => new Promise((r) => setTimeout(r, 3000)))
  await settle()
  expect(screen.getByText(/没有网络，下面是已保存于/)).toBeTruthy()
  expect(screen.getByText('武山县直播带岗')).toBeTruthy()
  expect(screen.queryByText('没有加载出来')).toBeNull()
})
