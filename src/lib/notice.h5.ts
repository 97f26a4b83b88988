/**
 * H5: a short notice that goes by itself, read out (role=alert), styled `.wgt-notice` in app.scss. Not Taro.showToast,
 * whose H5 code (toast, modal and action sheet together) would come into every page that may say such a thing.
 */
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
