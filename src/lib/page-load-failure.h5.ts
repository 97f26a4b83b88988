/**
 * H5: a page whose code cannot be fetched (no network) leaves the worker where they were, told why. Taro's router
 * has already put the new page's address in the history by then, and the load's failure is only an unhandled
 * rejection: a tap seemed to do nothing, and 返回 led to a blank page. The address is taken back and a notice shown.
 */
const message = '网络不好，页面没有打开，请稍后再试'

export function isCodeLoadFailure(reason: unknown): boolean {
  const error = reason as { name?: string; message?: string } | null
  return !!error && (error.name === 'ChunkLoadError' || /^Loading (CSS )?chunk \S+ failed/.test(error.message ?? ''))
}

let notice: HTMLElement | null = null
let hideTimer: ReturnType<typeof setTimeout> | undefined

export function showNotice(text: string): void {
  if (!notice) {
    notice = document.createElement('div')
    notice.className = 'wgt-notice'
    notice.setAttribute('role', 'alert')
  }
  notice.textContent = text
  document.body.appendChild(notice)
  clearTimeout(hideTimer)
  hideTimer = setTimeout(() => notice?.remove(), 3000)
}

let watching = false

export function watchPageLoadFailures(): void {
  if (watching || typeof window === 'undefined') return
  watching = true
  window.addEventListener('unhandledrejection', (event) => {
    if (!isCodeLoadFailure(event.reason)) return
    event.preventDefault()
    showNotice(message)
    window.history.back()
  })
}
