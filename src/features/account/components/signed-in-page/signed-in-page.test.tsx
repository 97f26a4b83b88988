import { render, screen } from '@testing-library/react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Me } from '@contract/me'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle } from '../../../../../tests/support/app/interact'
import { resetSessionForTests, startSession } from '../../session'
import { SignedInPage } from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const here = '/packages/rights/pages/callback/index'
const me: Me = { id: 1, name: '张三', phone: '138****1234', hometownTownship: null, hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: false, currentCity: null, returnedHome: false, willingToGoOut: true, povertyAlleviated: false, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }

let navigate: jest.SpyInstance
beforeEach(() => {
  mockApi.reset()
  resetSessionForTests()
  navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }) as never)
})
afterEach(() => navigate.mockRestore())

const page = () => render(<SignedInPage here={here} reason='先登录，才能回电话给您。'>{(m) => <Text>表单 {m?.phone}</Text>}</SignedInPage>)

test('signed out: sent to sign in once, to come back here, and told why meanwhile', async () => {
  page()
  await settle()
  expect(navigate).toHaveBeenCalledTimes(1)
  expect(navigate).toHaveBeenCalledWith({ url: `/packages/me/pages/sign-in/index?redirect=${encodeURIComponent(here)}` })
  expect(screen.getByText('先登录，才能回电话给您。')).toBeTruthy()
  expect(screen.queryByText(/表单/)).toBeNull()
})

test('signed in: the page itself, given the account', async () => {
  startSession('worker-token', me)
  page()
  await settle()
  expect(screen.getByText('表单 138****1234')).toBeTruthy()
  expect(navigate).not.toHaveBeenCalled()
})
