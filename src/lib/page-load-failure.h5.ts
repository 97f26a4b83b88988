import Taro from '@tarojs/taro'
import { showNotice } from './notice'

/**
 * H5: a page whose code cannot be fetched (no network) leaves the worker where they were, told why. Taro's router
 * has already put the new page's address in the history by then, and the load's failure is only an unhandled
 * rejection: a tap seemed to do nothing, and 返回 led to a blank page. The address is taken back and a notice shown.
 */
export function isCodeLoadFailure(reason: unknown): boolean {
  const error = reason as { name?: string; message?: string } | null
  return !!error && (error.name === 'ChunkLoadError' || /^Loading (CSS )?chunk \S+ failed/.test(error.message ?? ''))
}

let watching = false

export function watchPageLoadFailures(): void {
  if (watching || typeof window === 'undefined') return
  watching = true
  // Only a change of page the router has begun and not finished is taken back, and never the first page: any other
  // code that fails to load says so itself, and going back then would leave a page the worker did not ask to leave.
  let opening = false
  let pagesShown = 0
  Taro.eventCenter.on('__taroRouterChange', () => {
    opening = true
  })
  Taro.eventCenter.on('__afterTaroRouterChange', () => {
    opening = false
    pagesShown++
  })
  window.addEventListener('unhandledrejection', (event) => {
    if (!isCodeLoadFailure(event.reason)) return
    event.preventDefault()
    showNotice('网络不好，页面没有打开，请稍后再试')
    if (opening && pagesShown > 0) {
      opening = false
      window.history.back()
    }
  })
}
