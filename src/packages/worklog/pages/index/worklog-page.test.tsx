import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, readOutbox, setToken } from '@/api'
import type { WorklogEmployer, WorklogEntry } from '@contract/worklog'
import { resetSessionForTests } from '@/features/account/session'
import { chinaToday } from '@/features/worklog/lib/calendar'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText } from '../../../../../tests/support/app/interact'
import WorklogPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
jest.setTimeout(20_000)

const today = chinaToday()
const month = today.slice(0, 7)
const earlier = `${month}-01` === today ? today : `${month}-01`

const employer = (over: Partial<WorklogEmployer> = {}): WorklogEmployer => ({
  id: 7,
  name: '李老板',
  site: '万达三期',
  dayRateFen: 30000,
  hourRateFen: null,
  unitRateFen: null,
  unitLabel: null,
  overtimeRateFen: 5000,
  applicationId: null,
  note: '',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
  ...over,
})
const entry = (over: Partial<WorklogEntry> = {}): WorklogEntry => ({
  id: 1,
  employerId: 7,
  date: earlier,
  kind: 'day_work',
  days: 0.5,
  hours: null,
  overtimeHours: 2,
  quantity: null,
  rateFen: null,
  amountFen: null,
  earnedFen: 25000,
  note: '',
  enteredAt: '2026-05-01T12:00:00.000Z',
  clientEnteredAt: '2026-05-01T12:00:00.000Z',
  onTheDay: true,
  correctedAt: null,
  ...over,
})
const me = { id: 1, name: '张三', phone: '138****1234', hometownTownship: null, hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: false, currentCity: null, returnedHome: false, willingToGoOut: true, povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }

let entries: WorklogEntry[]
beforeEach(() => {
  mockApi.reset()
  Taro.clearStorageSync()
  resetSessionForTests()
  setToken('worker-token')
  entries = [entry()]
  mockApi.on('GET', '/me', () => me)
  mockApi.on('GET', '/me/worklog', () => ({
    month,
    today,
    employers: [employer({ id: 8, name: '王工头' }), employer()],
    entries,
    payments: [],
    lastEmployerId: 7,
  }))
  mockApi.on('POST', '/me/worklog/days', (req) => {
    const logged = entry({ id: 2, date: req.body.date, days: req.body.days, overtimeHours: req.body.overtimeHours, earnedFen: 30000 })
    entries = [...entries, logged]
    return logged
  })
})

test('the month: logged days are marked, and one tap logs today for the employer used last', async () => {
  render(<WorklogPage />)
  await settle()
  expect(screen.getByText(`${Number(month.slice(5))}月`, { exact: false })).toBeTruthy()
  // The half day with 2 hours' overtime, on its day of the calendar.
  expect(screen.getByLabelText(`${Number(earlier.slice(8))}日，半天+2`)).toBeTruthy()
  expect(screen.getByText('今天在“李老板”')).toBeTruthy()
  // Opened once, read once: the first show is the page's own read.
  expect(mockApi.callsTo('GET', '/me/worklog')).toHaveLength(1)

  await tapText('今天干了一天')
  await settle()
  const [sent] = mockApi.callsTo('POST', '/me/worklog/days')
  expect(sent.body).toEqual(expect.objectContaining({ employerId: 7, date: today, kind: 'day_work', days: 1, overtimeHours: 0, clientEnteredAt: expect.any(String) }))
  expect(sent.headers['Idempotency-Key']).toMatch(/\S{16,}/)
  // Read again: today is now marked.
  expect(mockApi.callsTo('GET', '/me/worklog').length).toBeGreaterThanOrEqual(2)
  if (today !== earlier) expect(screen.getByLabelText(`${Number(today.slice(8))}日，1天`)).toBeTruthy()

  // Overtime on top of the day just logged: one more tap.
  await tapText('加班2小时')
  await settle()
  expect(mockApi.callsTo('POST', '/me/worklog/days')[1].body).toEqual(expect.objectContaining({ date: today, days: 1, overtimeHours: 2 }))
})

test('without a network: the saved month still shows, and a day logged is kept on the phone, marked 待发送', async () => {
  render(<WorklogPage />)
  await settle()
  // The network goes.
  mockApi.reset()
  const offline = () => {
    throw new ApiError('NETWORK')
  }
  mockApi.on('GET', '/me', offline)
  mockApi.on('GET', '/me/worklog', offline)
  mockApi.on('POST', '/me/worklog/days', offline)

  await tapText('干了半天')
  await settle()
  // The client's own retries (0.6 s and 1.8 s) run out first.
  await act(async () => new Promise((r) => setTimeout(r, 3000)))
  await settle()
  const [kept] = readOutbox()
  expect(kept).toEqual(expect.objectContaining({ name: 'logWorklogDay', state: 'pending', req: { body: expect.objectContaining({ employerId: 7, date: today, days: 0.5 }) } }))
  expect(screen.getByText('待发送 1 条')).toBeTruthy()
  if (today !== earlier) expect(screen.getByLabelText(`${Number(today.slice(8))}日，半天，待发送`)).toBeTruthy()
})

test('the month opens from the phone when there is no network', async () => {
  const first = render(<WorklogPage />)
  await settle()
  first.unmount()
  mockApi.reset()
  mockApi.on('GET', '/me', () => me)
  mockApi.on('GET', '/me/worklog', () => {
    throw new ApiError('NETWORK')
  })
  render(<WorklogPage />)
  await settle()
  // The client's own retries (0.6 s and 1.8 s) run out first.
  await act(async () => new Promise((r) => setTimeout(r, 3000)))
  await settle()
  expect(screen.getByText(/没有网络，下面是已保存于/)).toBeTruthy()
  expect(screen.getByLabelText(`${Number(earlier.slice(8))}日，半天+2`)).toBeTruthy()
})

test('每晚提醒我记工: on by default, one tap turns it off on the server; the co-worker code is one tap away', async () => {
  let on = true
  mockApi.on('GET', '/me/worklog/settings', () => ({ eveningReminder: on }))
  mockApi.on('PUT', '/me/worklog/settings', (req) => {
    on = req.body.eveningReminder
    return { eveningReminder: on }
  })
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<WorklogPage />)
  await settle()
  const toggle = screen.getByRole('switch', { name: '每晚提醒我记工' })
  expect(toggle.getAttribute('aria-checked')).toBe('true')
  expect(screen.getByText('开')).toBeTruthy()
  await act(async () => {
    toggle.click()
  })
  await settle()
  expect(mockApi.callsTo('PUT', '/me/worklog/settings').map((c) => c.body)).toEqual([{ eveningReminder: false }])
  expect(screen.getByRole('switch', { name: '每晚提醒我记工' }).getAttribute('aria-checked')).toBe('false')
  expect(screen.getByText('关')).toBeTruthy()

  await tapText('输入工友发的工地码')
  expect(navigate).toHaveBeenCalledWith({ url: '/packages/worklog/pages/join/index' })
  navigate.mockRestore()
})

test('a 零工 day the county confirmed says so on its day', async () => {
  entries = [entry({ id: 5, date: today, days: 1, overtimeHours: 0, note: '县里确认到岗', countyConfirmed: true })]
  render(<WorklogPage />)
  await settle()
  expect(screen.getByText('（县里确认到岗）', { exact: false })).toBeTruthy()
})
