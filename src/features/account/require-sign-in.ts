import Taro from '@tarojs/taro'
import { tabs } from '@/components/tab-bar/tabs'
import { isWorkerSignedIn } from './session'

export const signInPage = '/packages/me/pages/sign-in/index'
const mePage = '/pages/me/index'

/** The page on top of the stack, as a url with its query (what `redirect` carries). */
export function currentPageUrl(): string {
  const pages = Taro.getCurrentPages()
  const page = pages[pages.length - 1] as { route?: string; path?: string; options?: Record<string, string> } | undefined
  if (!page) return mePage
  const path = `/${(page.route ?? page.path ?? mePage).replace(/^\//, '').split('?')[0]}`
  const query = Object.entries(page.options ?? {})
    .filter(([k, v]) => k !== 'redirect' && k !== '$taroTimestamp' && v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  return query ? `${path}?${query}` : path
}

/**
 * For pages that need a signed-in worker: true when there is a session; otherwise opens the sign-in page,
 * which comes back to `redirect` (this page by default) afterwards.
 */
export function requireSignIn(redirect: string = currentPageUrl()): boolean {
  if (isWorkerSignedIn()) return true
  void Taro.navigateTo({ url: `${signInPage}?redirect=${encodeURIComponent(redirect)}` })
  return false
}

/** Only pages of this app may be a redirect target (never a URL from elsewhere). */
export function safeRedirect(value: string | undefined): string | null {
  if (!value) return null
  let url: string
  try {
    url = decodeURIComponent(value)
  } catch {
    return null
  }
  return /^\/(pages|packages)\/[a-z0-9/_-]+(\?[^#]*)?$/i.test(url) ? url : null
}

/** After signing in: back to the page the worker came from. */
export function returnAfterSignIn(redirect: string | null): void {
  const pages = Taro.getCurrentPages()
  if (pages.length > 1) {
    void Taro.navigateBack({ delta: 1 })
    return
  }
  // Opened directly (a link, a reload): nothing to go back to, so open the target instead.
  const target = redirect ?? mePage
  if (tabs.some((t) => t.path === target.split('?')[0])) void Taro.switchTab({ url: target.split('?')[0] })
  else void Taro.redirectTo({ url: target })
}

export function goToMeTab(): void {
  void Taro.switchTab({ url: mePage })
}
