import { startTransition, useEffect, useState } from 'react'

/** After the next frame has been drawn (the mini-program has no frames to wait for: a short timer). */
function afterNextFrame(run: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(run, 16)
    return () => clearTimeout(timer)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    if (timer !== undefined) clearTimeout(timer)
  }
}

/**
 * The first `first` items at once, then `step` more after each drawn frame until all are shown. Laying out a whole
 * page of cards is one long pause on a cheap phone, during which a tap does nothing; a screenful alone is short, and
 * the rest, a few cards a frame, arrives before the worker has scrolled to it. Only the first list of a visit is
 * split: later ones (another filter, a page more) show whole.
 */
export function useFirstScreenFirst<T>(items: T[], first = 3, step = 4): T[] {
  const [limit, setLimit] = useState(first)
  const cut = items.length > limit
  const total = items.length
  useEffect(() => {
    if (!cut) return
    return afterNextFrame(() => startTransition(() => setLimit((shown) => (shown + step >= total ? Infinity : shown + step))))
  }, [cut, limit, total, step])
  return cut ? items.slice(0, limit) : items
}
