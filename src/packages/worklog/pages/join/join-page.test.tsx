import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, setToken } from '@/api'
import { resetSessionForTests } from '@/features/account/session'
import { fakeApi, failure } from '../../../../../tests/support/app/fake-api'
import { fieldError, settle, tapText, typeInto } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import WorklogJoinPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
jest.setTimeout(20_000)

const me = { id: 1, name: '张三', phone: '138****1234', hometownTownship: null, hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: false, currentCity: null, returnedHome: false, willingToGoOut: true, povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }
const site = { code: 'ABCD2345', name: '李老板', site: '万达三期', dayRateFen: 30000, hourRateFen: null, unitRateFen: null, unitLabel: null, overtimeRateFen: 5000, myEmployerId: null }
const joined = { id: 12, name: '李老板', site: '万达三期', dayRateFen: 30000, hourRateFen: null, unitRateFen: null, unitLabel: null, overtimeRateFen: 5000, applicationId: null, note: '', createdAt: '2026-05-20T10:00:00.000Z', updatedAt: '2026-05-20T10:00:00.000Z' }

beforeEach(() => {
  mockApi.reset()
  resetSessionForTests()
  setToken('worker-token')
  mockApi.on('GET', '/me', () => me)
  mockApi.on('GET', '/me/worklog/sites/ABCD2345', () => site)
  mockApi.on('POST', '/me/worklog/sites/ABCD2345/join', () => joined)
})

test('from the link: the site, its agreed pay and that my log stays mine; 加入 makes it one of my employers once', async () => {
  setRouterParams({ code: 'abcd2345' })
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<WorklogJoinPage />)
  await settle()
  expect(screen.getByText('李老板')).toBeTruthy()
  expect(screen.getByText('干活的地方：万达三期')).toBeTruthy()
  expect(screen.getByText('说好的工钱：每天300元，加班每小时50元')).toBeTruthy()
  expect(screen.getByText(/只有你自己看得到，工友看不到/)).toBeTruthy()
  await tapText('加入，记我自己的工')
  await settle()
  const [sent] = mockApi.callsTo('POST', '/me/worklog/sites/ABCD2345/join')
  expect(sent.headers['Idempotency-Key']).toMatch(/\S{16,}/)
  expect(redirect).toHaveBeenCalledWith({ url: '/packages/worklog/pages/index/index' })
  redirect.mockRestore()
})

test('already on the site: no second join, straight to 记工', async () => {
  setRouterParams({ code: 'ABCD2345' })
  mockApi.on('GET', '/me/worklog/sites/ABCD2345', () => ({ ...site, myEmployerId: 12 }))
  render(<WorklogJoinPage />)
  await settle()
  expect(screen.getByText('你已经在这个工地记工了。')).toBeTruthy()
  expect(screen.queryByText('加入，记我自己的工')).toBeNull()
})

test('typed by hand: a code that cannot be one is refused here; an unknown one says so', async () => {
  setRouterParams({})
  const { container } = render(<WorklogJoinPage />)
  await settle()
  await typeInto(container, '.form-field__input', 'AB0O')
  await tapText('查看这个工地')
  expect(fieldError('工地码')).toBe('工地码是8位字母和数字，请核对')
  expect(mockApi.callsTo('GET', '/me/worklog/sites/AB0O')).toEqual([])

  mockApi.on('GET', '/me/worklog/sites/ZZZZ2345', () => failure(404, 'NOT_FOUND', '没有这个工地码，请让工友再发一次'))
  await typeInto(container, '.form-field__input', 'zzzz 2345')
  await tapText('查看这个工地')
  await settle()
  expect(screen.getByText('没有这个工地码，请让工友再发一次')).toBeTruthy()
})

test('a link opened without a network says so plainly, and 重试 shows the site once it is back', async () => {
  setRouterParams({ code: 'ABCD2345' })
  let online = false
  mockApi.on('GET', '/me/worklog/sites/ABCD2345', () => {
    if (!online) throw new ApiError('NETWORK')
    return site
  })
  render(<WorklogJoinPage />)
  await settle()
  // The client's own retries (0.6 s and 1.8 s) run out first.
  await act(async () => new Promise((r) => setTimeout(r, 3000)))
  await settle()
  expect(screen.getByText('现在没有网络。连上网络后点“重试”，就能看到工友发的工地')).toBeTruthy()
  online = true
  await tapText('重试')
  await settle()
  expect(screen.getByText('李老板')).toBeTruthy()
})
