import Taro from '@tarojs/taro'
import { showNotice } from '@/lib/notice'

/** After a day or a payment is saved: say whether it went or waits on the phone, and go back to the log. */
export function backAfterSave(queued: boolean): void {
  showNotice(queued ? '没有网络，已存在手机上，有网络后自动发出' : '记好了')
  void Taro.navigateBack()
}
