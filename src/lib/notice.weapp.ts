import Taro from '@tarojs/taro'

/** Mini-program: WeChat's own toast, which costs the package nothing. H5: notice.h5.ts. */
export function showNotice(text: string): void {
  void Taro.showToast({ title: text, icon: 'none', duration: 3000 })
}
