import Taro from '@tarojs/taro'

/** Opens a page by its path (with query); a tab path switches tabs instead. */
export function openPage(url: string): void {
  void Taro.navigateTo({ url })
}

export function openTab(url: string): void {
  void Taro.switchTab({ url })
}
