import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@contract/me'
import { chinaDate } from '@contract/format'
import { jobSummary } from '../../../../../tests/support/app/fixtures'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText } from '../../../../../tests/support/app/interact'
import { resetSessionForTests, startSession } from '@/features/account/session'
import LocalJobsPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const today = chinaDate(new Date())
const me: Me = { id: 1, name: '张三', phone: '138****1234', hometownTownship: '洛门镇', hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: false, currentCity: null, returnedHome: true, willingToGoOut: false, povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }

const dayJob = jobSummary({
  id: 31,
  title: '花椒采摘',
  kind: 'day_work',
  sameDay: true,
  distanceKm: 12.4,
  day: { id: 7, jobId: 31, date: today, place: '温泉镇椒园', headcount: 5, left: 2, wageYuan: 150 },
})
const workshop = jobSummary({ id: 32, title: '柳编帮扶车间', kind: 'workshop', sameDay: false, distanceKm: 0.3, day: null })

let navigate: jest.SpyInstance
beforeEach(() => {
  mockApi.reset()
  resetSessionForTests()
  navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }) as never)
  mockApi.on('GET', '/jobs', () => ({ items: [dayJob, workshop], nextCursor: null }))
  mockApi.on('POST', '/day-jobs/7/signups', () => ({
    status: 201,
    body: { id: 90, day: { ...dayJob.day!, left: 1 }, jobTitle: '花椒采摘', employerName: '武山县椒园', attendance: null, inWorklog: false, createdAt: '2026-03-10T02:00:00.000Z' },
  }))
})
afterEach(() => navigate.mockRestore())

test('lists the county work near the worker home township, today first, in big words', async () => {
  startSession('worker-token', me)
  render(<LocalJobsPage />)
  await settle()
  const asked = mockApi.callsTo('GET', '/jobs')[0].query
  expect(asked.get('local')).toBe('true')
  expect(asked.get('township')).toBe('洛门镇')
  expect(screen.getByText('家门口就业')).toBeTruthy()
  expect(screen.getByText('零工')).toBeTruthy()
  expect(screen.getByText('帮扶车间')).toBeTruthy()
  expect(screen.getByText('今天就能干')).toBeTruthy()
  expect(screen.getByText(/离洛门镇约 12 公里/)).toBeTruthy()
  expect(screen.getByText(/离洛门镇不到 1 公里/)).toBeTruthy()
  expect(screen.getByText(/温泉镇椒园/)).toBeTruthy()
  expect(screen.getByText('还要 2 人（共 5 人）')).toBeTruthy()
})

test('报名这天 signs up once, with a key, and says so', async () => {
  startSession('worker-token', me)
  render(<LocalJobsPage />)
  await settle()
  await tapText('报名这天')
  const sent = mockApi.callsTo('POST', '/day-jobs/7/signups')
  expect(sent).toHaveLength(1)
  expect(sent[0].headers['Idempotency-Key']).toBeTruthy()
  expect(screen.getByText('已报名这天，到时按时去')).toBeTruthy()
  expect(screen.queryByText('报名这天')).toBeNull()
})

test('picking another township asks again from there', async () => {
  startSession('worker-token', me)
  render(<LocalJobsPage />)
  await settle()
  await tapText('城关镇')
  const asked = mockApi.callsTo('GET', '/jobs').map((c) => c.query.get('township'))
  expect(asked[asked.length - 1]).toBe('城关镇')
})

test('signed out, 报名这天 opens the sign-in page and sends nothing', async () => {
  render(<LocalJobsPage />)
  await settle()
  await tapText('报名这天')
  expect(mockApi.callsTo('POST', '/day-jobs/7/signups')).toHaveLength(0)
  expect(navigate).toHaveBeenCalledWith({ url: `/packages/me/pages/sign-in/index?redirect=${encodeURIComponent('/packages/jobs/pages/local/index')}` })
})

test('包吃, 包住 and 日结 are big toggles that ask the server for meals, a dorm and day pay, and let go when tapped again', async () => {
  startSession('worker-token', me)
  render(<LocalJobsPage />)
  await settle()
  const last = () => {
    const calls = mockApi.callsTo('GET', '/jobs')
    return calls[calls.length - 1].query
  }
  expect([last().get('meals'), last().get('housing'), last().get('payType')]).toEqual([null, null, null])
  await tapText('包吃')
  await tapText('包住')
  await tapText('日结')
  expect(last().get('local')).toBe('true')
  expect(last().get('township')).toBe('洛门镇')
  expect([last().get('meals'), last().get('housing'), last().get('payType')]).toEqual(['true', 'dorm', 'daily'])
  expect(screen.getByText('日结').parentElement!.getAttribute('aria-pressed')).toBe('true')
  await tapText('包住')
  expect([last().get('meals'), last().get('housing'), last().get('payType')]).toEqual(['true', null, 'daily'])
  expect(screen.getByText('包住').parentElement!.getAttribute('aria-pressed')).toBe('false')
})

test('with the toggles on and nothing found, the page says to ask for less', async () => {
  startSession('worker-token', me)
  mockApi.on('GET', '/jobs', () => ({ items: [], nextCursor: null }))
  render(<LocalJobsPage />)
  await settle()
  await tapText('包吃')
  expect(screen.getByText('附近暂时没有这样的活')).toBeTruthy()
})
