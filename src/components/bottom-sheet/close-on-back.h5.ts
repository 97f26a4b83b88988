import { useLayoutEffect, useRef } from 'react'
import { tabIndexOf } from '../tab-bar/tabs'

/**
 * H5: an open sheet is a step in the browser's history, so the phone's back button (or a swipe back) closes the sheet
 * instead of leaving the page; Escape closes it too. The step keeps the router's own state and URL: Taro's router sees
 * going back to it as the tab it already shows. Closing by other means takes the step off again. On a page that is not a
 * tab the router would reload the page on that back, so there back leaves the page as before and Escape still closes.
 * The step is taken before the sheet is painted: a sheet whose code arrived late mounts outside a tap, and a passive
 * effect could then run after a back pressed at the first sight of it, which left the page.
 */
export function useCloseOnBack(open: boolean, onClose: () => void): void {
  const close = useRef(onClose)
  close.current = onClose
  useLayoutEffect(() => {
    if (!open || typeof window === 'undefined') return
    let stepped = tabIndexOf(window.location.pathname) >= 0
    if (stepped) window.history.pushState({ ...(window.history.state ?? {}), sheet: true }, '')
    const onPop = () => {
      if (!stepped) return
      stepped = false
      close.current()
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close.current()
    }
    window.addEventListener('popstate', onPop)
    document.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('popstate', onPop)
      document.removeEventListener('keydown', onKey)
      if (stepped && window.history.state?.sheet) window.history.back()
    }
  }, [open])
}
