import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setToken } from '@/api'
import { resetSessionForTests } from '@/features/account/session'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import WorklogEmployerPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const me = { id: 1, name: '张三', phone: '138****1234', hometownTownship: null, hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: false, currentCity: null, returnedHome: false, willingToGoOut: true, povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }
const employer = {
  id: 7,
  name: '李老板',
  site: '万达三期',
  dayRateFen: 30000,
  hourRateFen: null,
  unitRateFen: 3550,
  unitLabel: '平方米',
  overtimeRateFen: 5000,
  applicationId: null,
  note: '',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
}
const totals = (owedFen: number, breakdown: string[]) => ({ days: 4.5, hours: 0, overtimeHours: 3.5, quantity: 0, earnedFen: 251275, paidFen: 130050, advancesFen: 50000, owedFen, breakdown })

beforeEach(() => {
  mockApi.reset()
  resetSessionForTests()
  setToken('worker-token')
  setRouterParams({ id: '7' })
  mockApi.on('GET', '/me', () => me)
  mockApi.on('GET', '/me/worklog/employers/7', () => ({
    employer,
    total: totals(71225, ['点工4.5天（含1个半天） × 300元/天 = 1350元', '一共该挣 2512.75元', '2512.75元 − 1300.5元 − 500元 = 712.25元', '还欠您 712.25元']),
    months: [
      { month: '2026-05', totals: totals(41225, []) },
      { month: '2026-04', totals: totals(30000, []) },
    ],
    payments: [
      { id: 2, employerId: 7, date: '2026-05-15', amountFen: 30050, method: 'wechat', note: '转了一部分', photo: null, enteredAt: '2026-05-15T10:00:00.000Z', clientEnteredAt: '2026-05-15T10:00:00.000Z', onTheDay: true },
      { id: 1, employerId: 7, date: '2026-05-10', amountFen: 100000, method: 'cash', note: '', photo: null, enteredAt: '2026-05-10T10:00:00.000Z', clientEnteredAt: '2026-05-10T10:00:00.000Z', onTheDay: true },
    ],
  }))
})

test('the agreed pay, 欠我多少钱 in big numbers with how it was counted, each month and the pay received', async () => {
  render(<WorklogEmployerPage />)
  await settle()
  expect(screen.getByText('说好的工钱：每天300元，每平方米35.5元，加班每小时50元')).toBeTruthy()
  expect(screen.getByText('李老板欠我多少钱')).toBeTruthy()
  expect(screen.getByText('712.25元').className).toContain('owed-card__figure--owed')
  for (const line of ['点工4.5天（含1个半天） × 300元/天 = 1350元', '2512.75元 − 1300.5元 − 500元 = 712.25元', '还欠您 712.25元']) expect(screen.getByText(line)).toBeTruthy()
  expect(screen.getByText('已给1300.5元')).toBeTruthy()
  expect(screen.getByText('借支500元')).toBeTruthy()
  expect(screen.getByText('2026年5月：干了4.5天')).toBeTruthy()
  expect(screen.getByText('欠412.25元')).toBeTruthy()
  expect(screen.getByText('5月15日 微信 · 转了一部分')).toBeTruthy()
  expect(screen.getByText('300.5元')).toBeTruthy()
  expect(screen.getByText('老板给了钱，记一笔')).toBeTruthy()
})

test('给工友发工地码: the code in two fours, how many joined, and a link to send', async () => {
  mockApi.on('GET', '/me/worklog/employers/7/evidence', () => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: '没有' } } }))
  mockApi.on('POST', '/me/worklog/employers/7/site', () => ({ code: 'ABCD2345', path: '/packages/worklog/pages/join/index?code=ABCD2345', coworkers: 2 }))
  const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<WorklogEmployerPage />)
  await settle()
  expect(screen.getByText(/每个人记的工和收到的钱只有自己看得到/)).toBeTruthy()
  await tapText('给工友发工地码')
  await settle()
  expect(mockApi.callsTo('POST', '/me/worklog/employers/7/site')).toHaveLength(1)
  expect(screen.getByText('ABCD 2345')).toBeTruthy()
  expect(screen.getByText('已经有 2 个工友加入')).toBeTruthy()
  await tapText('复制链接分享')
  expect(copy).toHaveBeenCalledWith({ data: expect.stringMatching(/^一起在“李老板”记工，工地码 ABCD2345 .*\/packages\/worklog\/pages\/join\/index\?code=ABCD2345$/) })
  copy.mockRestore()
})
