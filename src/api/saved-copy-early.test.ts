import Taro from '@tarojs/taro'
import { renderHook, waitFor } from '@testing-library/react'
import { z } from 'zod/mini'
import { endpoint } from '@contract'
import { useApi, useApiList } from '.'
import { saveRead } from './read-cache'

jest.mock('@tarojs/taro', () => jest.requireActual('../../tests/support/app/taro-storage-double').taroStorageDouble())
// Waits long enough that a copy shown only after every retry would still be missing when the test looks.
jest.mock('./config', () => ({ apiBase: 'http://test/api', retryDelaysMs: [400, 400], requestTimeoutMs: 1000 }))

const taroRequest = Taro.request as unknown as jest.Mock
const offline = () => Promise.reject({ errMsg: 'request:fail' })
const answer = (data: unknown) => Promise.resolve({ statusCode: 200, data, header: {} })
const getCentre = endpoint({ method: 'GET', path: '/centre', access: 'public', summary: 'test', response: z.object({ phone: z.string() }) })
const listThings = endpoint({
  method: 'GET',
  path: '/things',
  summary: 'test',
  access: 'public',
  query: z.object({ cursor: z.optional(z.string()) }),
  response: z.object({ items: z.array(z.object({ id: z.number() })), nextCursor: z.nullable(z.string()) }),
})

beforeEach(() => {
  taroRequest.mockReset()
  ;(Taro as unknown as { clearStorageSync: () => void }).clearStorageSync()
})

test('without signal the saved copy shows at the first failed try, and the answer replaces it once a retry gets through', async () => {
  saveRead('centre', { phone: '0938-3421234' })
  // The first try fails; the first retry (400 ms later) gets through.
  taroRequest.mockImplementationOnce(offline).mockImplementation(() => answer({ phone: '0938-3420000' }))
  const { result } = renderHook(() => useApi(getCentre, {}, { cache: 'centre' }))
  await waitFor(() => expect(result.current.data?.phone).toBe('0938-3421234'), { timeout: 300 })
  expect(result.current.loading).toBe(false)
  expect(result.current.savedAt).not.toBeNull()
  expect(taroRequest).toHaveBeenCalledTimes(1)
  await waitFor(() => expect(result.current.data?.phone).toBe('0938-3420000'), { timeout: 2000 })
  expect(result.current.savedAt).toBeNull()
})

test('a list shows its saved first page at the first failed try too; with nothing saved it keeps loading until the retries end', async () => {
  saveRead('list', [{ id: 1 }, { id: 2 }])
  taroRequest.mockImplementation(offline)
  const list = renderHook(() => useApiList(listThings, {}, { cache: 'list' }))
  await waitFor(() => expect(list.result.current.items.map((i) => i.id)).toEqual([1, 2]), { timeout: 300 })
  expect(list.result.current.savedAt).not.toBeNull()

  const bare = renderHook(() => useApi(getCentre, {}, { cache: 'nothing-saved' }))
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(bare.result.current.loading).toBe(true)
  await waitFor(() => expect(bare.result.current.error?.transient).toBe(true), { timeout: 2000 })
})
