import type { FastifyInstance } from 'fastify'

/**
 * A background round in this process: the first once the app is ready, each next `intervalMs` after the last ended
 * (never two at once), none after close — which waits for the round in flight, so it ends before the database closes.
 * A round's own failure is the round's to log; one that throws is logged here and the next still runs.
 */
export function installRepeatingRound(app: FastifyInstance, name: string, intervalMs: number, round: () => Promise<void>): void {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = false
  const tick = () => {
    running = round()
      .catch((error: unknown) => app.log.warn({ err: error }, `${name} failed`))
      .finally(() => {
        running = null
        if (!stopped) {
          timer = setTimeout(tick, intervalMs)
          timer.unref()
        }
      })
  }
  app.addHook('onReady', async () => {
    timer = setTimeout(tick, 0)
    timer.unref()
  })
  app.addHook('onClose', async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await running
  })
}
