import { useCallback, useEffect, useRef, useState } from 'react'

/** Seconds left until a moment, ticking once a second; measured against the clock, so a paused app stays right. */
export function useCountdown(): { left: number; start: (seconds: number) => void } {
  const [left, setLeft] = useState(0)
  const endsAt = useRef(0)
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)

  const stop = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }

  const start = useCallback((seconds: number) => {
    stop()
    endsAt.current = Date.now() + Math.max(0, Math.ceil(seconds)) * 1000
    const tick = () => {
      const remaining = Math.max(0, Math.ceil((endsAt.current - Date.now()) / 1000))
      setLeft(remaining)
      if (remaining === 0) stop()
    }
    tick()
    timer.current = setInterval(tick, 1000)
  }, [])

  useEffect(() => stop, [])
  return { left, start }
}

/** "58秒后可重新获取", or minutes/hours for a long wait (the daily limit). */
export function waitText(seconds: number): string {
  if (seconds <= 120) return `${seconds}秒后可重新获取`
  if (seconds <= 2 * 3600) return `${Math.ceil(seconds / 60)}分钟后可重新获取`
  return `约${Math.ceil(seconds / 3600)}小时后可重新获取`
}
