import { firstNoticeShownClass } from '@contract/privacy'
import { elderMode } from './elder-mode'

/** Long enough for a slow phone's first render; a drawing left over a broken start must not hide the app for ever. */
const giveUpMs = 15000

/**
 * H5: a tab's address comes with its first screen drawn in the page (server/http/first-screen.ts), over the empty app
 * root. It stays until the app's own page shows the same (its first data and the tab bar), then goes in the same
 * frame, so nothing flashes or moves. 大字模式 draws another layout: the drawing goes at once there.
 */
export function takeOverFirstScreen(): void {
  takeOverFirstNotice()
  const drawn = typeof document !== 'undefined' ? document.getElementById('first-screen') : null
  if (!drawn) return
  if (!document.getElementById('app') || elderMode()) {
    drawn.remove()
    return
  }
  const ready = drawn.dataset.ready || '*'
  const path = location.pathname
  // The app's tab bar is drawn into <body>, beside the pages (src/components/tab-bar).
  const tabBarDrawn = () => Array.from(document.querySelectorAll('.tab-bar')).some((el) => !drawn.contains(el))
  // Looked up each time: Taro's router replaces the root it finds at start with a copy inside its tab-bar panel, so
  // the element seen now is not the one the page is drawn into.
  const appPageDrawn = () => !!document.getElementById('app')?.querySelector(ready)
  // Mutation callbacks run before the next frame is painted: the app's page and the drawing are never both seen.
  const observer = new MutationObserver(() => {
    if (location.pathname !== path || (appPageDrawn() && tabBarDrawn())) done()
  })
  function done() {
    observer.disconnect()
    clearTimeout(timer)
    drawn!.remove()
  }
  observer.observe(document.body, { childList: true, subtree: true })
  const timer = setTimeout(done, giveUpMs)
}

/**
 * H5 first visit: the privacy notice comes drawn in the page, shown by its guard only on a phone that has not
 * accepted it and has not chosen 大字模式. It goes in the same frame as the app draws its own (FirstLaunchNotice), so
 * the worker sees one notice throughout; at once when the guard did not show it.
 */
function takeOverFirstNotice(): void {
  const drawn = typeof document !== 'undefined' ? document.getElementById('first-notice') : null
  if (!drawn) return
  const root = document.documentElement
  const done = () => {
    observer.disconnect()
    clearTimeout(timer)
    drawn.remove()
    root.classList.remove(firstNoticeShownClass)
  }
  const appNoticeDrawn = () => Array.from(document.querySelectorAll('.privacy-sheet')).some((el) => !drawn.contains(el))
  const observer = new MutationObserver(() => {
    if (appNoticeDrawn()) done()
  })
  const timer = setTimeout(done, giveUpMs)
  if (!root.classList.contains(firstNoticeShownClass) || elderMode()) return done()
  observer.observe(document.body, { childList: true, subtree: true })
}
