import Taro from '@tarojs/taro'
import { renderHook, waitFor } from '@testing-library/react'
import { z } from 'zod/mini'
import { endpoint } from '@contract'
import { useApi } from '.'
import { readSaved } from './read-cache'

jest.mock('@tarojs/taro', () => jest.requireActual('../../tests/support/app/taro-storage-double').taroStorageDouble())
jest.mock('./config', () => ({ apiBase: 'http://test/api', retryDelaysMs: [], requestTimeoutMs: 1000 }))

const taroRequest = Taro.request as unknown as jest.Mock
const village = endpoint({ method: 'GET', path: '/village', access: 'staff', summary: 'test', response: z.object({ people: z.array(z.string()) }) })
const sentTag = (call: number) => (taroRequest.mock.calls[call][0] as { header: Record<string, string> }).header['If-None-Match']

beforeEach(() => {
  taroRequest.mockReset()
  ;(Taro as unknown as { clearStorageSync: () => void }).clearStorageSync()
})

test('a kept read sends its copy’s ETag; a 304 shows the copy as fresh, a 200 replaces it and its ETag', async () => {
  taroRequest
    .mockResolvedValueOnce({ statusCode: 200, data: { people: ['张大山', '李春花'] }, header: { ETag: '"v1"' } })
    .mockResolvedValueOnce({ statusCode: 304, data: '', header: { ETag: '"v1"' } })
    .mockResolvedValueOnce({ statusCode: 200, data: { people: ['张大山'] }, header: { etag: '"v2"' } })
  const { result } = renderHook(() => useApi(village, {}, { cache: 'village' }))
  await waitFor(() => expect(result.current.data?.people).toEqual(['张大山', '李春花']))
  expect(sentTag(0)).toBeUndefined()
  expect(readSaved('village')?.etag).toBe('"v1"')
  const firstSaved = readSaved('village')!.savedAt

  await new Promise((r) => setTimeout(r, 5))
  await result.current.refresh()
  expect(sentTag(1)).toBe('"v1"')
  expect(result.current.data?.people).toEqual(['张大山', '李春花'])
  expect(result.current.savedAt).toBeNull()
  expect(result.current.error).toBeNull()
  // Confirmed now: the copy counts from this answer, with the same ETag.
  expect(readSaved('village')!.savedAt > firstSaved).toBe(true)
  expect(readSaved('village')?.etag).toBe('"v1"')

  await result.current.refresh()
  expect(sentTag(2)).toBe('"v1"')
  await waitFor(() => expect(result.current.data?.people).toEqual(['张大山']))
  expect(readSaved('village')).toMatchObject({ etag: '"v2"', data: { people: ['张大山'] } })
})

test('a read not kept on the device never sends If-None-Match, and a 304 it did not ask for is refused', async () => {
  taroRequest.mockResolvedValueOnce({ statusCode: 304, data: '', header: {} })
  const { result } = renderHook(() => useApi(village, {}))
  await waitFor(() => expect(result.current.loading).toBe(false))
  expect(sentTag(0)).toBeUndefined()
  expect(result.current.data).toBeUndefined()
  expect(result.current.error?.code).toBe('BAD_RESPONSE')
})
