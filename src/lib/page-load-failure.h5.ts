import Taro from '@tarojs/taro'
import { showNotice } from './notice'
import { historyIndexOf, onRouteChangeEnd, onRouteChangeStart } from './taro-router.h5'

/**
 * H5: a page whose code cannot be fetched (no network) leaves the worker where they were, told why. Taro's router
 * has already changed the address by then, and the load's failure is only an unhandled rejection: a tap seemed to
 * do nothing, and 返回 led to a blank page. The address is put back and a notice shown.
 */
export function isCodeLoadFailure(reason: unknown): boolean {
  const error = reason as { name?: string; message?: string } | null
  return !!error && (error.name === 'ChunkLoadError' || /^Loading (CSS )?chunk \S+ failed/.test(error.message ?? ''))
}

/**
 * The first page's code could not be fetched: a link opened without signal to a page never opened before (only the
 * shell, the tabs and the pages already seen are kept on the phone). Nothing else would be drawn — a white screen —
 * so the page says so, with the way to the tabs, which open without signal.
 */
function sayFirstPageNotSaved(): void {
  if (document.getElementById('page-not-saved')) return
  const box = document.createElement('div')
  box.id = 'page-not-saved'
  box.className = 'page-not-saved'
  box.setAttribute('role', 'alert')
  const line = (tag: string, className: string, text: string) => {
    const el = document.createElement(tag)
    el.className = className
    el.textContent = text
    return el
  }
  const home = line('a', 'page-not-saved__home', '回到首页') as HTMLAnchorElement
  home.href = '/'
  box.append(
    line('p', 'page-not-saved__title', '没有网络，这个页面还没有保存到手机上'),
    line('p', 'page-not-saved__text', '连上网后再打开这个链接。首页、培训、找组织这些打开过的页面，没有网络也能看。'),
    home,
  )
  document.body.appendChild(box)
}

/** Fired when a change of page was taken back: the tab bar (which followed the router to the new address) follows. */
export const pageChangeUndoneEvent = 'wgt.page.change-undone'

let watching = false

export function watchPageLoadFailures(): void {
  if (watching || typeof window === 'undefined') return
  watching = true
  // Only a change of page the router has begun and not finished is taken back, and never the first page: any other
  // code that fails to load says so itself, and going back then would leave a page the worker did not ask to leave.
  let opening = false
  // The page on screen: its address and its history entry (the router's history numbers entries as `idx`).
  let shown: { url: string; state: unknown } | null = null
  // 返回 while the next page's code was still on its way: the router still shows that page once it arrives, under the
  // address of the page the worker went back to (a blank screen, nothing to tap). Seen on one bar of signal.
  let wentBackWhileOpening = false
  onRouteChangeStart(() => {
    opening = true
  })
  window.addEventListener('popstate', () => {
    if (opening) wentBackWhileOpening = true
  })
  onRouteChangeEnd((change) => {
    opening = false
    const openedPath = change?.toLocation?.path
    if (wentBackWhileOpening && openedPath && openedPath !== decodeURI(window.location.pathname)) {
      wentBackWhileOpening = false
      // The late page is given its address for a moment and left again, so the router closes it and shows the page
      // the worker asked for, as any 返回 would.
      window.history.pushState(window.history.state, '', openedPath)
      window.history.back()
      return
    }
    wentBackWhileOpening = false
    shown = { url: window.location.pathname + window.location.search, state: window.history.state }
  })
  window.addEventListener('unhandledrejection', (event) => {
    if (!isCodeLoadFailure(event.reason)) return
    event.preventDefault()
    // Before any page was shown, the failed code is the first page's own.
    if (!shown) return sayFirstPageNotSaved()
    showNotice('网络不好，页面没有打开，请稍后再试')
    if (!opening) return
    opening = false
    // switchTab and redirectTo replace the address instead of adding one: going back would then leave the app (a
    // blank page when it was the first). The page on screen never changed, so its own entry is simply put back.
    if (historyIndexOf(window.history.state) === historyIndexOf(shown.state)) window.history.replaceState(shown.state, '', shown.url)
    else window.history.back()
    Taro.eventCenter.trigger(pageChangeUndoneEvent)
  })
}
