import Taro from '@tarojs/taro'
import { outboxChangedEvent, outboxStorageKey } from './outbox-store'
import { retryMs, startSending } from './start-sending.h5'

jest.mock('./sending', () => ({ startSending: jest.fn() }))
// The portal's own network signals (the window's online event), as the H5 build picks them.
jest.mock('./connectivity', () => jest.requireActual('./connectivity.h5'))
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

test('kept while the outbox code cannot be fetched (no network): fetched again when the network is back', async () => {
  sending.startSending.mockImplementationOnce(() => {
    throw new Error('Loading chunk 77 failed')
  })
  startSending()
  Taro.eventCenter.trigger(outboxChangedEvent, [{ id: 'k1' }])
  await settle()
  expect(sending.startSending).toHaveBeenCalledTimes(1)
  // Back online with the write still waiting: a second fetch, which works.
  Taro.setStorageSync(outboxStorageKey, [{ id: 'k1', state: 'pending' }])
  window.dispatchEvent(new Event('online'))
  await settle()
  expect(sending.startSending).toHaveBeenCalledTimes(2)
  // Started: no more fetches on later changes or network events.
  Taro.eventCenter.trigger(outboxChangedEvent, [{ id: 'k1' }, { id: 'k2' }])
  window.dispatchEvent(new Event('online'))
  await settle()
  expect(sending.startSending).toHaveBeenCalledTimes(2)
})

test('the network back while the failing fetch has not yet failed: fetched again as soon as it has', async () => {
  sending.startSending.mockImplementationOnce(() => {
    // The online event comes while this fetch is still on its way to failing.
    Taro.setStorageSync(outboxStorageKey, [{ id: 'k1', state: 'pending' }])
    window.dispatchEvent(new Event('online'))
    throw new Error('Loading chunk 77 failed')
  })
  startSending()
  Taro.eventCenter.trigger(outboxChangedEvent, [{ id: 'k1' }])
  await settle()
  await settle()
  expect(sending.startSending).toHaveBeenCalledTimes(2)
})

test('the online event came before the network answered: fetched again a little later while something waits', async () => {
  jest.useFakeTimers()
  try {
    Taro.setStorageSync(outboxStorageKey, [{ id: 'k1', state: 'pending' }])
    sending.startSending.mockImplementationOnce(() => {
      throw new Error('Loading chunk 77 failed')
    })
    startSending()
    await jest.advanceTimersByTimeAsync(0)
    expect(sending.startSending).toHaveBeenCalledTimes(1)
    await jest.advanceTimersByTimeAsync(retryMs)
    expect(sending.startSending).toHaveBeenCalledTimes(2)
    // Started: no more tries.
    await jest.advanceTimersByTimeAsync(retryMs * 3)
    expect(sending.startSending).toHaveBeenCalledTimes(2)
  } finally {
    jest.useRealTimers()
  }
})
