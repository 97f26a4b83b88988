import Taro from '@tarojs/taro'

/** In the mini-program a worker may sign in with WeChat (after linking a phone once). */
export const wechatLoginAvailable = true

/** A one-time code from WeChat for the server to exchange; null when WeChat refuses. */
export async function getWechatCode(): Promise<string | null> {
  try {
    const { code } = await Taro.login()
    return code || null
  } catch {
    return null
  }
}
