import { showNotice } from './notice.h5'

test('the notice is one alert, read out, replaced by a newer one, and gone by itself', () => {
  jest.useFakeTimers()
  showNotice('网络不好，页面没有打开，请稍后再试')
  showNotice('网络不好，没有打开，请稍后再试')
  const alerts = document.querySelectorAll('[role=alert]')
  expect(alerts).toHaveLength(1)
  expect(alerts[0].textContent).toBe('网络不好，没有打开，请稍后再试')
  jest.advanceTimersByTime(3100)
  expect(document.querySelectorAll('[role=alert]')).toHaveLength(0)
  jest.useRealTimers()
})
