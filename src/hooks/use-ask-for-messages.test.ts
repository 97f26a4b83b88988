/**
 * The mini-program's ask: WeChat's question is put in the tap's own call (synchronously) with the action's template
 * ids; only the accepted ids are recorded, with a fresh login code; nothing is asked when no templates are set.
 */
import Taro from '@tarojs/taro'
import { templateIdsFor } from '@/lib/subscribe-templates'
import { askForMessages } from './use-ask-for-messages.weapp'

jest.mock('@tarojs/taro', () => {
  const store = new Map<string, unknown>()
  const taro = {
    request: jest.fn(),
    login: jest.fn(),
    requestSubscribeMessage: jest.fn(),
    getStorageSync: (k: string) => store.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => store.set(k, v),
    removeStorageSync: (k: string) => store.delete(k),
  }
  return { __esModule: true, default: taro, ...taro }
})

const ask = Taro.requestSubscribeMessage as unknown as jest.Mock
const login = Taro.login as unknown as jest.Mock
const taroRequest = Taro.request as unknown as jest.Mock
const SETTINGS = JSON.stringify({
  application_result: { id: 'TPL-application', data: { thing1: 'body' } },
  transport_notice: { id: 'TPL-transport', data: { thing1: 'title' } },
})
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  ask.mockReset()
  login.mockReset().mockResolvedValue({ code: 'login-code', errMsg: 'login:ok' })
  taroRequest.mockReset().mockResolvedValue({ statusCode: 200, data: { items: [{ template: 'transport_notice', available: 1 }] }, header: {} })
  process.env.TARO_APP_WECHAT_TEMPLATES = SETTINGS
})
afterAll(() => {
  delete process.env.TARO_APP_WECHAT_TEMPLATES
})

test('asks in the same call with the action’s template ids, and records only what the worker accepted', async () => {
  ask.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'TPL-transport': 'accept' })
  askForMessages('transport_signup')
  // Synchronously: WeChat shows the question only inside the tap.
  expect(ask).toHaveBeenCalledTimes(1)
  expect(ask.mock.calls[0][0]).toEqual({ tmplIds: ['TPL-transport'] })
  await settle()
  expect(login).toHaveBeenCalledTimes(1)
  expect(taroRequest).toHaveBeenCalledTimes(1)
  expect(taroRequest.mock.calls[0][0]).toMatchObject({ method: 'POST', data: { code: 'login-code', templateIds: ['TPL-transport'] } })
  expect(taroRequest.mock.calls[0][0].url).toMatch(/\/me\/subscriptions$/)
})

test('a refusal, or WeChat failing, records nothing and throws nothing', async () => {
  ask.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'TPL-application': 'reject' })
  askForMessages('apply')
  ask.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' })
  askForMessages('apply')
  await settle()
  expect(ask.mock.calls.map((c) => c[0].tmplIds)).toEqual([['TPL-application'], ['TPL-application']])
  expect(login).not.toHaveBeenCalled()
  expect(taroRequest).not.toHaveBeenCalled()
})

test('no templates set (or none for the action): WeChat is not asked', () => {
  askForMessages('rights_request')
  delete process.env.TARO_APP_WECHAT_TEMPLATES
  askForMessages('apply')
  expect(ask).not.toHaveBeenCalled()
  expect(templateIdsFor('apply', 'not json')).toEqual([])
  expect(templateIdsFor('apply', SETTINGS)).toEqual(['TPL-application'])
})
