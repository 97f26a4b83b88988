import Taro from '@tarojs/taro'
import { outboxChangedEvent, outboxStorageKey } from './outbox-store'
import { startSending } from './start-sending.h5'

jest.mock('./sending', () => ({ startSending: jest.fn() }))
const sending = jest.requireMock('./sending') as { startSending: jest.Mock }
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  sending.startSending.mockClear()
  Taro.removeStorageSync(outboxStorageKey)
})

test('nothing waiting: the outbox is not loaded until a write is kept for later, then once', async () => {
  startSending()
  await settle()
  expect(sending.startSending).not.toHaveBeenCalled()
  Taro.eventCenter.trigger(outboxChangedEvent, [{ id: 'k1' }])
  Taro.eventCenter.trigger(outboxChangedEvent, [{ id: 'k1' }, { id: 'k2' }])
  await settle()
  expect(sending.startSending).toHaveBeenCalledTimes(1)
})

test('writes kept from an earlier visit: sending starts at launch', async () => {
  Taro.setStorageSync(outboxStorageKey, [{ id: 'k1', state: 'pending' }])
  startSending()
  await settle()
  expect(sending.startSending).toHaveBeenCalledTimes(1)
})
