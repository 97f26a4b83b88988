import { type ComponentType, useEffect, useRef, useState } from 'react'
import { loadOnce } from '@/lib/load-once'
import { showNotice } from '@/lib/notice'

interface SheetProps {
  visible: boolean
  onClose: () => void
}

/**
 * A sheet drawn only once it is first opened, its code fetched then (H5): most visits never open it, and the page's
 * first load is smaller and its first screen drawn sooner without it. A fetch that fails (no network) is said, the
 * sheet closes, and the next open tries again. The mini-program's build turns `import()` into a plain require.
 */
export function sheetOnDemand<P extends SheetProps>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const sheet = loadOnce(load)
  return function SheetOnDemand(props: P) {
    const [Sheet, setSheet] = useState<ComponentType<P> | null>(() => sheet.current())
    const mounted = useRef(true)
    useEffect(() => {
      mounted.current = true
      return () => {
        mounted.current = false
      }
    }, [])
    const { visible, onClose } = props
    useEffect(() => {
      if (!visible || Sheet) return
      sheet.get().then(
        (component) => {
          if (mounted.current) setSheet(() => component)
        },
        () => {
          if (!mounted.current) return
          showNotice('网络不好，没有打开，请稍后再试')
          onClose()
        },
      )
      // Only an open asks for the code; a later re-render while it is on its way must not ask again.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [visible, Sheet])
    return Sheet ? <Sheet {...props} /> : null
  }
}
