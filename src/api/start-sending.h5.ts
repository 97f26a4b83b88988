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
  let started = false
  let loading = false
  // The network came back while a fetch was still failing (a slow failure, or one through the service worker):
  // that signal is not lost, the code is fetched once more as soon as the failing fetch ends.
  let again = false
  const attempt = () => {
    if (started) return
    if (loading) {
      again = true
      return
    }
    loading = true
    again = false
    import('./sending')
      .then((m) => {
        m.startSending()
        started = true
        stopListening()
      })
      .catch(() => {
        loading = false
        if (again) attempt()
      })
  }
  const onChange = () => attempt()
  Taro.eventCenter.on(outboxChangedEvent, onChange)
  const stopNetwork = whenNetworkMayBeBack(() => {
    if (readOutbox().length > 0) attempt()
  })
  function stopListening() {
    Taro.eventCenter.off(outboxChangedEvent, onChange)
    stopNetwork()
  }
  if (readOutbox().length > 0) attempt()
}
