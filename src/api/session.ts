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
