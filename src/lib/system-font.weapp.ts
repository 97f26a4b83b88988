import Taro from '@tarojs/taro'

/** WeChat's 字体大小 (我 → 设置 → 关怀模式/通用 → 字体大小), in px: 17 is the standard size; the larger steps are 20 and up. */
export const largeFontSetting = 20

/** WeChat's own font-size setting is large: 大字模式 starts on until the worker says otherwise. */
export function systemPrefersLargeText(): boolean {
  try {
    // Taro's typings of getAppBaseInfo leave out fontSizeSetting, which WeChat documents and returns.
    const info = Taro.getAppBaseInfo() as unknown as { fontSizeSetting?: number }
    const size = Number(info.fontSizeSetting)
    return Number.isFinite(size) && size >= largeFontSetting
  } catch {
    // An old base library without getAppBaseInfo: the normal sizes.
    return false
  }
}
