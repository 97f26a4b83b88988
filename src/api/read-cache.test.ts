import Taro from '@tarojs/taro'
import { act, renderHook, waitFor } from '@testing-library/react'
import { z } from 'zod/mini'
import { endpoint } from '@contract'
import { useApi, useApiList } from '.'
import { clearSavedReads, clearSignedInReads, formatSavedAt, readSaved, saveRead } from './read-cache'

jest.mock('@tarojs/taro', () => jest.requireActual('../../tests/support/app/taro-storage-double').taroStorageDouble())
jest.mock('./config', () => ({ apiBase: 'http://test/api', retryDelaysMs: [], requestTimeoutMs: 1000 }))

const taroRequest = Taro.request as unknown as jest.Mock
const answer = (data: unknown, statusCode = 200) => Promise.resolve({ statusCode, data, header: {} })
const offline = () => Promise.reject({ errMsg: 'request:fail' })
const centre = { name: '武山县劳务输转服务中心', phone: '0938-3421234' }
// Endpoints of the test's own: the hooks read any endpoint of the contract's shape.
const getCentre = endpoint({ method: 'GET', path: '/centre', access: 'public', summary: 'test', response: z.object({ name: z.string(), phone: z.string() }) })
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

test('a read with a cache name opens offline from the last good answer, marked with when it was saved', async () => {
  taroRequest.mockImplementation(() => answer(centre))
  const online = renderHook(() => useApi(getCentre, {}, { cache: 'centre' }))
  await waitFor(() => expect(online.result.current.data).toEqual(centre))
  expect(online.result.current.savedAt).toBeNull()
  online.unmount()

  taroRequest.mockReset().mockImplementation(offline)
  const { result } = renderHook(() => useApi(getCentre, {}, { cache: 'centre' }))
  await waitFor(() => expect(result.current.loading).toBe(false))
  expect(result.current.data).toEqual(centre)
  expect(result.current.error).toBeNull()
  expect(result.current.savedAt).toEqual(readSaved('centre')?.savedAt)

  // The network is back: the fresh answer replaces the copy and the mark goes.
  taroRequest.mockReset().mockImplementation(() => answer({ ...centre, phone: '0938-3420000' }))
  await act(() => result.current.refresh())
  expect(result.current.data?.phone).toBe('0938-3420000')
  expect(result.current.savedAt).toBeNull()
})

test('without a saved copy, or for a refusal, the error is shown as before', async () => {
  taroRequest.mockImplementation(offline)
  const first = renderHook(() => useApi(getCentre, {}, { cache: 'centre' }))
  await waitFor(() => expect(first.result.current.error?.code).toBe('NETWORK'))
  expect(first.result.current.data).toBeUndefined()
  // Said plainly: the page was never saved, and opening it once with signal is what keeps it.
  expect(first.result.current.error?.message).toBe('没有网络，这一页还没有保存过，连上网后再打开')

  saveRead('centre', centre)
  taroRequest.mockReset().mockImplementation(() => answer({ error: { code: 'NOT_FOUND', message: '没有找到' } }, 404))
  const refused = renderHook(() => useApi(getCentre, {}, { cache: 'centre' }))
  await waitFor(() => expect(refused.result.current.error?.code).toBe('NOT_FOUND'))
  expect(refused.result.current.data).toBeUndefined()

  // A read without a cache name keeps nothing.
  taroRequest.mockReset().mockImplementation(offline)
  const plain = renderHook(() => useApi(getCentre))
  await waitFor(() => expect(plain.result.current.error?.code).toBe('NETWORK'))
  expect(plain.result.current.error?.message).toBe('网络不稳定，请检查网络后重试')
})

test('a list keeps only its first page, and offers no 加载更多 from the copy', async () => {
  const job = (id: number) => ({ id })
  taroRequest.mockImplementation((opts: { url: string }) =>
    answer(opts.url.includes('cursor') ? { items: [job(3)], nextCursor: null } : { items: [job(1), job(2)], nextCursor: 'c2' }),
  )
  const online = renderHook(() => useApiList(listThings, {}, { cache: 'list' }))
  await waitFor(() => expect(online.result.current.items).toHaveLength(2))
  await act(() => online.result.current.loadMore())
  expect(online.result.current.items).toHaveLength(3)
  online.unmount()
  expect(readSaved<unknown[]>('list')?.data).toEqual([job(1), job(2)])

  taroRequest.mockReset().mockImplementation(offline)
  const { result } = renderHook(() => useApiList(listThings, {}, { cache: 'list' }))
  await waitFor(() => expect(result.current.loading).toBe(false))
  expect(result.current.items).toEqual([job(1), job(2)])
  expect(result.current.hasMore).toBe(false)
  expect(result.current.error).toBeNull()
  expect(result.current.savedAt).not.toBeNull()
})

test('an answer too large for one WeChat storage key is not kept', () => {
  expect(saveRead('big', '工'.repeat(400 * 1024))).toBe(false)
  expect(readSaved('big')).toBeNull()
  expect(saveRead('small', '工'.repeat(1000))).toBe(true)
})

test("a job's page is kept for the last thirty jobs opened; opening one again makes it the newest", () => {
  for (let id = 1; id <= 30; id++) saveRead(`job-${id}`, { id })
  // Job 1 opened again: now the newest, so job 2 is the oldest.
  saveRead('job-1', { id: 1, again: true })
  saveRead('job-31', { id: 31 })
  expect(readSaved('job-2')).toBeNull()
  expect(readSaved<{ again?: boolean }>('job-1')?.data.again).toBe(true)
  for (const id of [3, 30, 31]) expect(readSaved(`job-${id}`)).not.toBeNull()
  // Other reads are not counted among them, nor dropped.
  saveRead('jobs-first-page', { items: [] })
  for (let id = 32; id <= 70; id++) saveRead(`job-${id}`, { id })
  expect(readSaved('jobs-first-page')).not.toBeNull()
  expect(Array.from({ length: 70 }, (_, i) => readSaved(`job-${i + 1}`)).filter(Boolean)).toHaveLength(30)
  expect(readSaved('job-41')).not.toBeNull()
  expect(readSaved('job-40')).toBeNull()
})

test('the saved time reads like 11月26日 14:05', () => {
  expect(formatSavedAt(new Date(2026, 10, 26, 14, 5).toISOString())).toBe('11月26日 14:05')
})

test('signing out clears a read by its name, and every read a name ending in * starts', () => {
  for (const name of ['my-rights-requests', 'worklog-2026-05', 'worklog-employer-7', 'jobs-first-page']) saveRead(name, { n: 1 })
  clearSavedReads(['my-rights-requests', 'worklog-*'])
  expect(readSaved('my-rights-requests')).toBeNull()
  expect(readSaved('worklog-2026-05')).toBeNull()
  expect(readSaved('worklog-employer-7')).toBeNull()
  // Not personal: kept.
  expect(readSaved('jobs-first-page')).not.toBeNull()
})

test('any session ending clears every signed-in read, a worker’s and a staff member’s alike, and keeps public ones', () => {
  const personal = ['my-profile', 'job-12', 'worklog-2026-05', 'hiring-events', 'staff-me', 'staff-case-2026-000101', 'staff-roster-person-9', 'staff-subsidy-publicity-3-', 'survey-village-1-mine']
  for (const name of [...personal, 'jobs-first-page', 'stations']) saveRead(name, { n: 1 })
  clearSignedInReads()
  expect(personal.filter((name) => readSaved(name) !== null)).toEqual([])
  expect(readSaved('jobs-first-page')).not.toBeNull()
  expect(readSaved('stations')).not.toBeNull()
  // The list of kept jobs went too: none of them counts against the next worker's thirty.
  expect(Taro.getStorageSync('wgt.cache.job-')).toBeFalsy()
})
