import { type ComponentType, useEffect, useState } from 'react'
import { loadOnce } from '@/lib/load-once'
import { StateView } from '../state-view'

export type PartOnDemand<P> = ComponentType<P> & {
  /** Ask for the part's code now, before it is drawn (e.g. as the page's own code loads, when it surely will be). */
  prefetch: () => void
}

/**
 * A part of a page whose code is fetched only when it is first drawn (H5): a page that often shows something else in
 * its place (a sign-in card for a signed-out visitor) then loads and starts lighter. While the code comes the page
 * says 正在加载; a fetch that fails (no network, never opened before) says so with 重试. Once fetched it draws at
 * once, here and on every later visit of the page. The mini-program's build turns `import()` into a plain require.
 */
export function partOnDemand<P extends object>(load: () => Promise<ComponentType<P>>): PartOnDemand<P> {
  const part = loadOnce(load)

  function PartOnDemandSlot(props: P) {
    const [Part, setPart] = useState<ComponentType<P> | null>(() => part.current())
    const [failed, setFailed] = useState(false)
    const [attempt, setAttempt] = useState(0)
    useEffect(() => {
      if (Part) return
      let live = true
      setFailed(false)
      part.get().then(
        // A component is a function: handed to the setter as is, React would call it.
        (loaded) => live && setPart(() => loaded),
        () => live && setFailed(true),
      )
      return () => {
        live = false
      }
    }, [Part, attempt])
    if (Part) return <Part {...props} />
    return (
      <StateView
        loading={!failed}
        error={failed ? { message: '网络不好，这一页没有打开，连上网后点重试' } : null}
        onRetry={() => setAttempt((n) => n + 1)}
      >
        {null}
      </StateView>
    )
  }

  return Object.assign(PartOnDemandSlot, { prefetch: () => void part.get().catch(() => undefined) })
}
