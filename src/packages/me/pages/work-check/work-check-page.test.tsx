import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@contract/me'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText } from '../../../../../tests/support/app/interact'
import { resetSessionForTests, startSession } from '@/features/account/session'
import WorkCheckPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const here = '/packages/me/pages/work-check/index'
const me: Me = { id: 1, name: '张三', phone: '138****1234', hometownTownship: null, hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: true, currentCity: '无锡', returnedHome: false, willingToGoOut: true, povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }

let navigate: jest.SpyInstance
beforeEach(() => {
  mockApi.reset()
  resetSessionForTests()
  navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }) as never)
  mockApi.on('PATCH', '/me', (req) => ({ ...me, ...req.body }))
})
afterEach(() => navigate.mockRestore())

async function signedIn(who: Me = me) {
  startSession('worker-token', who)
  render(<WorkCheckPage />)
  await settle()
}

test('shows where the app thinks the worker is, in big words', async () => {
  await signedIn()
  expect(screen.getByText('在无锡打工')).toBeTruthy()
})

test('还在这里干活 sends the same answers again, once', async () => {
  await signedIn()
  await tapText('还在这里干活')
  const sent = mockApi.callsTo('PATCH', '/me')
  expect(sent).toHaveLength(1)
  expect(sent[0].body).toEqual({ workingAway: true, currentCity: '无锡', returnedHome: false })
  expect(sent[0].headers['Idempotency-Key']).toBeTruthy()
  expect(screen.getByText('已记下，您还在这里干活')).toBeTruthy()
})

test('回家了 says back home and no longer away', async () => {
  await signedIn()
  await tapText('回家了')
  expect(mockApi.callsTo('PATCH', '/me').map((c) => c.body)).toEqual([{ workingAway: false, currentCity: null, returnedHome: true }])
  expect(screen.getByText('已经回家了')).toBeTruthy()
})

test('换地方了 opens the profile to change the city, sending nothing', async () => {
  await signedIn()
  await tapText('换地方了')
  expect(navigate).toHaveBeenCalledWith({ url: '/packages/me/pages/profile/index' })
  expect(mockApi.callsTo('PATCH', '/me')).toHaveLength(0)
})

test('nothing known yet: no 还在这里干活 to confirm', async () => {
  await signedIn({ ...me, workingAway: null, currentCity: null, returnedHome: null })
  expect(screen.getByText('还没有填过')).toBeTruthy()
  expect(screen.queryByText('还在这里干活')).toBeNull()
})

test('signed out: sent to sign in to come back here, and told why', async () => {
  render(<WorkCheckPage />)
  await settle()
  expect(navigate).toHaveBeenCalledWith({ url: `/packages/me/pages/sign-in/index?redirect=${encodeURIComponent(here)}` })
  expect(screen.getByText('登录后才能告诉我们您现在的务工情况。')).toBeTruthy()
  expect(screen.getByText('用手机号登录')).toBeTruthy()
})
