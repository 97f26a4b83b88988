import Taro from '@tarojs/taro'
import { outboxChangedEvent, readOutbox } from './outbox-store'

/**
 * H5: the outbox needs the client and the schemas of every write it may resend, which the portal's first load should
 * not carry. Almost every visit has nothing waiting, so they load only when something is (kept from an earlier
 * visit), or the moment a write is kept for later.
 */
export function startSending(): void {
  const start = () => void import('./sending').then((m) => m.startSending())
  if (readOutbox().length > 0) return start()
  const onFirstChange = () => {
    Taro.eventCenter.off(outboxChangedEvent, onFirstChange)
    start()
  }
  Taro.eventCenter.on(outboxChangedEvent, onFirstChange)
}

