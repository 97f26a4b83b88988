import Taro from '@tarojs/taro'
import { whenNetworkMayBeBack } from './connectivity'
import { outboxChangedEvent, readOutbox } from './outbox-store'

/**
 * H5: the outbox needs the client and the schemas of every write it may resend, which the portal's first load should
 * not carry. Almost every visit has nothing waiting, so they load only when something is (kept from an earlier
 * visit), or the moment a write is kept for later. That moment is often one without a network, when their code
 * cannot be fetched either: then it is fetched again when the network may be back, or at the next write kept.
 */
/** A fetch that failed with something waiting is tried again after this long: the network may come back silently. */
export const retryMs = 15_000

export function startSending(): void {
  let started = false
  let retry: ReturnType<typeof setTimeout> | undefined
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
    clearTimeout(retry)
    import('./sending')
      .then((m) => {
        m.startSending()
        started = true
        stopListening()
      })
      .catch(() => {
        loading = false
        if (again) attempt()
        // The browser's online event can come before the network really answers (or reaches the service worker),
        // and a network that comes back quietly sends none: try again a little later while something waits.
        else if (readOutbox().length > 0) retry = setTimeout(attempt, retryMs)
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
