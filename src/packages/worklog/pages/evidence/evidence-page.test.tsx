import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setToken } from '@/api'
import { resetSessionForTests } from '@/features/account/session'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText, typeInto } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import WorklogEvidencePage from '.'
import WorklogCheckPage from '../check'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const me = { id: 1, name: '张三', phone: '138****1234', hometownTownship: null, hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: false, currentCity: null, returnedHome: false, willingToGoOut: true, povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }
const totals = { days: 1.5, hours: 0, overtimeHours: 2, quantity: 0, earnedFen: 55000, paidFen: 20000, advancesFen: 5050, owedFen: 29950, breakdown: ['一共该挣 550元', '还欠您 299.5元'] }
const employer = { name: '李老板', site: '万达三期', dayRateFen: 30000, hourRateFen: null, unitRateFen: null, unitLabel: null, overtimeRateFen: 5000 }
const digest = 'a'.repeat(8) + 'b'.repeat(8) + '0'.repeat(48)
const sheet = {
  format: 'wgt-worklog-evidence/1',
  workerName: '张三',
  employer,
  month: null,
  from: '2026-05-18',
  to: '2026-05-20',
  entries: [
    { date: '2026-05-18', kind: 'day_work', days: 1, hours: null, overtimeHours: 2, quantity: null, rateFen: null, amountFen: null, earnedFen: 40000, note: '', enteredAt: '2026-05-18T11:00:00.000Z', clientEnteredAt: '2026-05-18T11:00:00.000Z', onTheDay: true, correctedAt: null },
    { date: '2026-05-19', kind: 'day_work', days: 0.5, hours: null, overtimeHours: 0, quantity: null, rateFen: null, amountFen: null, earnedFen: 15000, note: '', enteredAt: '2026-05-20T10:00:00.000Z', clientEnteredAt: '2026-05-20T10:00:00.000Z', onTheDay: false, correctedAt: null },
  ],
  payments: [{ date: '2026-05-20', amountFen: 20000, method: 'wechat', note: '', hasPhoto: true, enteredAt: '2026-05-20T10:00:00.000Z', clientEnteredAt: '2026-05-20T10:00:00.000Z', onTheDay: true }],
  totals,
}
const check = { id: 3, month: '2026-05', createdAt: '2026-05-20T10:00:00.000Z', expiresAt: '2099-05-27T10:00:00.000Z', answer: 'disputed', answeredAt: '2026-05-20T12:00:00.000Z', foremanPhone: '137****9021', disputedDates: ['2026-05-19'], note: '下雨没开工', unchanged: true }

describe('the evidence page', () => {
  beforeEach(() => {
    mockApi.reset()
    resetSessionForTests()
    setToken('worker-token')
    setRouterParams({ id: '7' })
    mockApi.on('GET', '/me', () => me)
    mockApi.on('GET', '/me/worklog/employers/7/evidence', () => ({ sheet, digest, printUrl: '/api/worklog-evidence?t=x.y', printUrlExpiresAt: '2026-05-27T10:00:00.000Z', checks: [check] }))
  })

  test('who, for whom, each day with whether it was entered on the day, the pay, what is owed and the digest', async () => {
    render(<WorklogEvidencePage />)
    await settle()
    for (const text of ['工人：张三', '老板或工地：李老板', '干活的地方：万达三期', '时间：2026-05-18 到 2026-05-20', '说好的工钱：每天300元，加班每小时50元']) {
      expect(screen.getByText(text)).toBeTruthy()
    }
    expect(screen.getByText('299.5元').className).toContain('owed-card__figure--owed')
    expect(screen.getByText('点工 1天，加班2小时')).toBeTruthy()
    expect(screen.getByText('当天记的，2026-05-18 19:00 存到服务器')).toBeTruthy()
    expect(screen.getByText('事后补记，2026-05-20 18:00 存到服务器').className).toContain('evidence-sheet__when--late')
    expect(screen.getByText('微信 · 有照片')).toBeTruthy()
    expect(screen.getByText(`aaaaaaaa bbbbbbbb ${'00000000 '.repeat(6).trim()}`)).toBeTruthy()
    // The foreman's answer.
    expect(screen.getByText('2026年5月：工头（137****9021）说 不对：5月19日。“下雨没开工”')).toBeTruthy()
  })

  test('打开可以打印的证据单 opens the printable page; 去维权 opens the request pre-filled from this employer', async () => {
    const open = jest.spyOn(window, 'open').mockReturnValue({} as Window)
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    render(<WorklogEvidencePage />)
    await settle()
    await tapText('打开可以打印的证据单')
    expect(open).toHaveBeenCalledWith('/api/worklog-evidence?t=x.y', '_blank', 'noopener')
    await tapText('工钱没结？去维权')
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/rights/pages/new/index?worklogEmployerId=7' })
    open.mockRestore()
    navigate.mockRestore()
  })

  test('the month chosen is the sheet asked for, printed and sent to 对工; 全部月份 goes back to everything', async () => {
    const summary = { employer: { id: 7, ...employer, applicationId: null, note: '', createdAt: '2026-04-01T00:00:00.000Z', updatedAt: '2026-04-01T00:00:00.000Z' }, months: [{ month: '2026-05', totals }, { month: '2026-04', totals }], total: totals, payments: [] }
    mockApi.on('GET', '/me/worklog/employers/7', () => summary)
    mockApi.on('GET', '/me/worklog/employers/7/evidence', (req) => {
      const month = req.query.get('month')
      return { sheet: month ? { ...sheet, month, from: `${month}-02`, to: `${month}-28` } : sheet, digest, printUrl: `/api/worklog-evidence?t=${month ?? 'all'}`, printUrlExpiresAt: '2026-05-27T10:00:00.000Z', checks: [] }
    })
    mockApi.on('POST', '/me/worklog/employers/7/checks', () => ({ check: { ...check, month: '2026-04', answer: null, answeredAt: null, foremanPhone: null, disputedDates: [], note: '' }, token: 'T'.repeat(43), path: `/packages/worklog/pages/check/index?token=${'T'.repeat(43)}` }))
    const open = jest.spyOn(window, 'open').mockReturnValue({} as Window)
    render(<WorklogEvidencePage />)
    await settle()
    expect(screen.getByText('全部月份').parentElement?.getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByText('时间：2026-05-18 到 2026-05-20')).toBeTruthy()

    await tapText('2026年4月')
    await settle()
    expect(mockApi.callsTo('GET', '/me/worklog/employers/7/evidence').map((c) => c.query.get('month'))).toEqual([null, '2026-04'])
    expect(screen.getByText('时间：2026-04')).toBeTruthy()
    expect(screen.getByText('2026年4月').parentElement?.getAttribute('aria-pressed')).toBe('true')
    await tapText('打开可以打印的证据单')
    expect(open).toHaveBeenCalledWith('/api/worklog-evidence?t=2026-04', '_blank', 'noopener')
    await tapText('发给工头对工')
    await settle()
    expect(mockApi.callsTo('POST', '/me/worklog/employers/7/checks')[0].body).toEqual({ month: '2026-04' })

    await tapText('全部月份')
    await settle()
    expect(screen.getByText('时间：2026-05-18 到 2026-05-20')).toBeTruthy()
    open.mockRestore()
  })

  test('with one month logged there is nothing to choose', async () => {
    mockApi.on('GET', '/me/worklog/employers/7', () => ({ employer: { id: 7, ...employer, applicationId: null, note: '', createdAt: '2026-04-01T00:00:00.000Z', updatedAt: '2026-04-01T00:00:00.000Z' }, months: [{ month: '2026-05', totals }], total: totals, payments: [] }))
    render(<WorklogEvidencePage />)
    await settle()
    expect(screen.queryByText('全部月份')).toBeNull()
  })

  test('发给工头对工 makes a link for the month of the latest day, then offers to share it', async () => {
    mockApi.on('POST', '/me/worklog/employers/7/checks', () => ({ check: { ...check, id: 4, answer: null, answeredAt: null, foremanPhone: null, disputedDates: [], note: '' }, token: 'T'.repeat(43), path: `/packages/worklog/pages/check/index?token=${'T'.repeat(43)}` }))
    render(<WorklogEvidencePage />)
    await settle()
    await tapText('发给工头对工')
    await settle()
    expect(mockApi.callsTo('POST', '/me/worklog/employers/7/checks')[0].body).toEqual({ month: '2026-05' })
    expect(screen.getByText('复制链接分享')).toBeTruthy()
  })
})

describe("the foreman's page", () => {
  const token = 'T'.repeat(43)
  const view = {
    workerName: '张三',
    employerName: '李老板',
    site: '万达三期',
    month: '2026-05',
    days: sheet.entries.map(({ date, kind, days, hours, overtimeHours, quantity, amountFen, earnedFen }) => ({ date, kind, days, hours, overtimeHours, quantity, amountFen, earnedFen })),
    payments: [{ date: '2026-05-20', amountFen: 20000, method: 'wechat' }],
    totals,
    unitLabel: null,
    expiresAt: '2099-05-27T10:00:00.000Z',
    answer: null,
    answeredAt: null,
  }
  beforeEach(() => {
    mockApi.reset()
    resetSessionForTests()
    setToken(null)
    setRouterParams({ token })
    mockApi.on('GET', `/worklog-checks/${token}`, () => view)
  })

  test('without an account: the days and sums; a tapped day is 不对; the answer goes with the phone and its SMS code', async () => {
    mockApi.on('POST', `/worklog-checks/${token}/sms-code`, () => ({ sentTo: '137****9021', resendAfterSeconds: 60, expiresInSeconds: 300 }))
    mockApi.on('POST', `/worklog-checks/${token}/answer`, () => ({ ...view, answer: 'disputed', answeredAt: '2026-05-20T12:00:00.000Z' }))
    const { container } = render(<WorklogCheckPage />)
    await settle()
    expect(screen.getByText('张三请您对一下2026年5月的工')).toBeTruthy()
    expect(screen.getByText('还欠：299.5元')).toBeTruthy()

    // 不对 with nothing marked: the contract's own message, nothing sent.
    const inputs = container.querySelectorAll('.form-field__input')
    inputs[0].classList.add('phone')
    inputs[1].classList.add('code')
    await typeInto(container, '.phone', '13700229021')
    await tapText('获取验证码')
    await settle()
    expect(screen.getByText('验证码已发到 137****9021，没收到再点')).toBeTruthy()
    await typeInto(container, '.code', '123456')
    await tapText('不对')
    expect(screen.getByText('请点出哪几天不对，或者写一句哪里不对')).toBeTruthy()
    expect(mockApi.callsTo('POST', `/worklog-checks/${token}/answer`)).toEqual([])

    await tapText('点工 半天')
    await tapText('不对')
    await settle()
    expect(mockApi.callsTo('POST', `/worklog-checks/${token}/answer`)[0].body).toEqual({ phone: '13700229021', code: '123456', answer: 'disputed', disputedDates: ['2026-05-19'], note: '' })
    expect(screen.getByText('您回复的是：不对。谢谢！')).toBeTruthy()
  })

  test('an expired link says to ask for a new one', async () => {
    mockApi.on('GET', `/worklog-checks/${token}`, () => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: '这个对工链接已经过期或不存在，请让工友重新发一次' } } }))
    render(<WorklogCheckPage />)
    await settle()
    expect(screen.getByText('这个对工链接已经过期或不存在，请让工友重新发一次')).toBeTruthy()
  })
})
