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
 * The first `first` items at once, the rest once that screen has been drawn. Laying out a whole page of cards is one
 * long pause on a cheap phone, during which a tap does nothing; the first screenful alone is short, and the rest
 * arrives before the worker has scrolled to it. Only the first list of a visit is split: later ones show whole.
 */
export function useFirstScreenFirst<T>(items: T[], first = 6): T[] {
  const [limit, setLimit] = useState(first)
  const cut = items.length > limit
  useEffect(() => {
    if (!cut) return
    return afterNextFrame(() => startTransition(() => setLimit(Infinity)))
  }, [cut])
  return cut ? items.slice(0, limit) : items
}
