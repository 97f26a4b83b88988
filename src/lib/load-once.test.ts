import { loadOnce } from './load-once'

test('callers at the same time share one fetch, and later ones get the kept value without fetching', async () => {
  const load = jest.fn(() => Promise.resolve('code'))
  const once = loadOnce(load)
  expect(once.current()).toBeNull()
  await expect(Promise.all([once.get(), once.get()])).resolves.toEqual(['code', 'code'])
  await once.get()
  expect(load).toHaveBeenCalledTimes(1)
  expect(once.current()).toBe('code')
})

test('a failed fetch is asked again on the next call', async () => {
  const load = jest.fn<Promise<string>, []>().mockRejectedValueOnce(new Error('ChunkLoadError')).mockResolvedValueOnce('code')
  const once = loadOnce(load)
  await expect(once.get()).rejects.toThrow('ChunkLoadError')
  expect(once.current()).toBeNull()
  await expect(once.get()).resolves.toBe('code')
  expect(load).toHaveBeenCalledTimes(2)
})
