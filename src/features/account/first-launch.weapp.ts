import Taro from '@tarojs/taro'
import { holdPrivacyRequest } from './privacy-gate'
import { privacyAccepted } from './privacy-local'

const noticePage = '/packages/me/pages/privacy/index'

/**
 * Mini-program: the notice is a page. It opens once at first launch, and again whenever WeChat pauses a
 * privacy-gated API (getLocation) because the worker has not agreed yet; agreeing there lets that call go on.
 */
export function setUpPrivacyFlow(): void {
  const taro = Taro as unknown as { onNeedPrivacyAuthorization?: (listener: (resolve: Parameters<typeof holdPrivacyRequest>[0]) => void) => void }
  if (typeof taro.onNeedPrivacyAuthorization === 'function') {
    taro.onNeedPrivacyAuthorization((resolve) => {
      holdPrivacyRequest(resolve)
      resolve({ event: 'exposureAuthorization' })
      void Taro.navigateTo({ url: `${noticePage}?ask=1` })
    })
  }
  if (!privacyAccepted()) {
    // After the first page has mounted: navigateTo during onLaunch has no page to stack on.
    setTimeout(() => void Taro.navigateTo({ url: `${noticePage}?ask=1` }), 300)
  }
}

/** Nothing drawn at app level on weapp: the notice is its own page. */
export function FirstLaunchNotice(): null {
  return null
}
