// The first page's own code failing is told apart from a later change of page: a module of its own, so no page has
// been shown yet (page-load-failure.test.ts shows pages first).
import { watchPageLoadFailures } from './page-load-failure.h5'

const chunkFailure = () => {
  const event = Object.assign(new Event('unhandledrejection', { cancelable: true }), {
    reason: Object.assign(new Error('Loading chunk 61 failed.'), { name: 'ChunkLoadError' }),
  })
  window.dispatchEvent(event)
  return event
}

test('a link to a page never opened, opened without signal, says so over the white page, with the way home', () => {
  watchPageLoadFailures()
  const event = chunkFailure()
  expect(event.defaultPrevented).toBe(true)
  const box = document.getElementById('page-not-saved')
  expect(box?.getAttribute('role')).toBe('alert')
  expect(box?.textContent).toContain('没有网络，这个页面还没有保存到手机上')
  expect(box?.querySelector('a')?.getAttribute('href')).toBe('/')
  // A second failure (the page's stylesheet) does not say it twice.
  chunkFailure()
  expect(document.querySelectorAll('#page-not-saved')).toHaveLength(1)
  // Not the notice of a change of page: there is no page to go back to.
  expect(document.querySelector('.wgt-notice')).toBeNull()
})
