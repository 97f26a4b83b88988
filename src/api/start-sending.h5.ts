import Taro from '@tarojs/taro'
import { whenNetworkMayBeBack } from './connectivity'
import { outboxChangedEvent, readOutbox } from './outbox-store'

/**
 * H5: the outbox needs the client and the schemas of every write it may resend, which the portal's first load should
 * not carry. Almost every visit has nothing waiting, so they load only when something is (kept from an earlier
 * visit), or the moment a write is kept for later. That moment is often one without a network, when their code
 * cannot be fetched either: then it is fetched again when the network may be back, or at the next write kept.
 */
export function startSending(): void {
  let stopWaiting: (() => void) | null = null
  const start = () => {
    stopWaiting?.()
    stopWaiting = null
    import('./sending')
      .then((m) => m.startSending())
      .catch(waitForAChance)
  }
  function waitForAChance() {
    const onChange = () => start()
    Taro.eventCenter.on(outboxChangedEvent, onChange)
    const stopListening = whenNetworkMayBeBack(() => {
      if (readOutbox().length > 0) start()
    })
    stopWaiting = () => {
      Taro.eventCenter.off(outboxChangedEvent, onChange)
      stopListening()
    }
  }
  if (readOutbox().length > 0) start()
  else waitForAChance()
}
