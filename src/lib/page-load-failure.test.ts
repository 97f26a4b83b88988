import { isCodeLoadFailure, showNotice } from './page-load-failure.h5'

test("only a failed fetch of the app's own code counts as a page that could not be fetched", () => {
  const chunkError = Object.assign(new Error('Loading chunk 3 failed.\n(error: /js/3.0e11c23b.js)'), { name: 'ChunkLoadError' })
  expect(isCodeLoadFailure(chunkError)).toBe(true)
  // Its stylesheet failing comes as a plain Error with its own wording.
  expect(isCodeLoadFailure(new Error('Loading CSS chunk 3 failed.\n(error: /css/3.74cbb555.css)'))).toBe(true)
  expect(isCodeLoadFailure(new Error('请求超时'))).toBe(false)
  expect(isCodeLoadFailure(undefined)).toBe(false)
  expect(isCodeLoadFailure('Loading chunk 3 failed')).toBe(false)
})

test('the notice is one alert, read out, replaced by a newer one, and gone by itself', () => {
  jest.useFakeTimers()
  showNotice('网络不好，页面没有打开，请稍后再试')
  showNotice('网络不好，页面没有打开，请稍后再试')
  const alerts = document.querySelectorAll('[role=alert]')
  expect(alerts).toHaveLength(1)
  expect(alerts[0].textContent).toBe('网络不好，页面没有打开，请稍后再试')
  jest.advanceTimersByTime(3100)
  expect(document.querySelectorAll('[role=alert]')).toHaveLength(0)
  jest.useRealTimers()
})
