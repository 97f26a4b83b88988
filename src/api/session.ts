import Taro from '@tarojs/taro'

const tokenKey = 'wgt.session.token'

/** The signed-in worker's or staff member's bearer token, kept in device storage. */
export function getToken(): string | null {
  try {
    const token = Taro.getStorageSync(tokenKey)
    return typeof token === 'string' && token ? token : null
  } catch {
    return null
  }
}

export function setToken(token: string | null): void {
  if (token) Taro.setStorageSync(tokenKey, token)
  else Taro.removeStorageSync(tokenKey)
}

type SignedOutListener = () => void
const signedOutListeners = new Set<SignedOutListener>()

/**
 * The one place a refused session is handled: the client reports every 401 from an endpoint that needs a session,
 * and the account (the shared sign-in prompt) listens here, so no page or feature checks for 401 itself.
 */
export function onSessionRefused(listener: SignedOutListener): () => void {
  signedOutListeners.add(listener)
  return () => signedOutListeners.delete(listener)
}

export function reportSessionRefused(): void {
  signedOutListeners.forEach((l) => l())
}
