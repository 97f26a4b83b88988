import Taro from '@tarojs/taro'
import { flushOutbox, readOutbox, submit } from '.'
import { updateMe } from '@contract/me'

jest.mock('@tarojs/taro', () => jest.requireActual('../../tests/support/app/taro-storage-double').taroStorageDouble())
// On H5 the schemas of every keyed write are fetched only to resend; here that fetch fails, as without a network.
jest.mock('./queued-writes', () => {
  throw new Error('Loading chunk 412 failed')
})

const taroRequest = Taro.request as unknown as jest.Mock

test('a resend whose code cannot be fetched leaves every entry waiting, untouched, for the next try', async () => {
  taroRequest.mockImplementation(() => Promise.reject({ errMsg: 'request:fail' }))
  await submit('updateMe', updateMe, { body: { name: '王小明' } }, { label: '修改资料' })
  const before = readOutbox()
  expect(before).toMatchObject([{ state: 'pending', attempts: 1 }])

  taroRequest.mockClear()
  await flushOutbox(true)
  expect(taroRequest).not.toHaveBeenCalled()
  // Not refused (that would ask the worker to fix a form that was fine), and no attempt counted.
  expect(readOutbox()).toEqual(before)
})
