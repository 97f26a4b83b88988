import Taro from '@tarojs/taro'
import { showNotice } from '@/lib/notice'

/** Mini-program: no browser to print from, so the link is copied, to open in a browser or send on WeChat. */
export function openPrintable(address: string): void {
  void Taro.setClipboardData({ data: address }).then(() => showNotice('证据单的链接已复制，发给别人或用浏览器打开，可以打印'))
}
