import Taro from '@tarojs/taro'

/** Opens a page by its path (with query) on top of this one; a tab's page opens with `openTab`. */
export function openPage(url: string): void {
  void Taro.navigateTo({ url })
}

/** Switches to a tab (a tab path takes no query: `navigateTo` cannot open one). */
export function openTab(url: string): void {
  void Taro.switchTab({ url })
}

/** Opens a page in place of this one: a menu that is always on screen must not pile pages up (weapp keeps ten). */
export function replacePage(url: string): void {
  void Taro.redirectTo({ url })
}
