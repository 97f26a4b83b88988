import Taro from '@tarojs/taro'
import { onOutboxDelivered, startOutbox } from './outbox'

/** Starts resending what was saved offline, and tells the worker as each write arrives. */
export function startSending(): void {
  startOutbox()
  onOutboxDelivered(({ entry }) => void Taro.showToast({ title: `已发送：${entry.label}`, icon: 'none', duration: 3000 }))
}
