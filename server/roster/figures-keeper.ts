/**
 * The keeper of the roster's figure groups: from the moment the server listens, and again once each China day's end
 * has settled (a month closes, the day a year earlier moves on) or every few minutes, it counts the instants the
 * reports will read before anyone asks, counts the groups now if a bulk change forgot them, and folds the writes'
 * +1/−1 rows back into one row a group. Several processes may run it on one PostgreSQL database: one counts at a
 * time (the counting lock) and the others skip their round; what one keeps, all read.
 */
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { chinaDate } from '../lib/dates'
import { foldNowGroups } from './labour-figures.repository'
import { instantsToKeep, keepNow, keepSettled, SETTLED_MS } from './labour-figures.service'
import { endOfChinaDay } from './roster.service'

/** More +1/−1 rows than groups beyond this, and the groups now are folded. */
const FOLD_OVER = 500

export interface KeeperRound {
  /** Past instants counted in this round. */
  counted: number
  /** The groups now were counted (none were kept). */
  countedNow: boolean
  folded: boolean
  ms: number
}

/** One round; `wait: false` leaves a count another process is making to it. */
export async function keepFiguresAhead(db: Kysely<DB>, now: Date, opts: { wait: boolean } = { wait: false }): Promise<KeeperRound> {
  const started = performance.now()
  const counted = await keepSettled(db, instantsToKeep(now), now, opts)
  const countedNow = await keepNow(db, now)
  const folded = await foldNowGroups(db, FOLD_OVER, now.toISOString())
  return { counted, countedNow, folded, ms: Math.round(performance.now() - started) }
}

/** When the next China day's end will have settled (so the next round keeps it), in ms from `now`. */
export function msToNextSettledDay(now: Date): number {
  const next = Date.parse(endOfChinaDay(chinaDate(new Date(now.getTime() - SETTLED_MS)))) + SETTLED_MS + 1000
  return Math.max(1000, next - now.getTime())
}

/**
 * The timer of this process: off in tests unless a test turns it on. The first round starts once the server listens
 * (never delaying it), in the background; a round that fails is logged and the next one tries again. Stopped on close.
 */
export function installFiguresKeeper(app: FastifyInstance): void {
  if (!app.config.rosterFigures.keep) return
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = false
  let first = true
  const schedule = (ms: number) => {
    if (stopped) return
    timer = setTimeout(tick, ms)
    timer.unref()
  }
  const tick = () => {
    running = (async () => {
      try {
        const round = await keepFiguresAhead(app.db, app.clock())
        // The first round is always logged: how long the figures took to be ready after a start (the bench reads it).
        if (first || round.counted > 0 || round.countedNow || round.folded) app.log.info({ ...round, first }, 'roster figures kept')
        first = false
      } catch (error) {
        app.log.warn({ err: error }, 'keeping the roster figures failed')
      }
    })().finally(() => {
      running = null
      schedule(Math.min(app.config.rosterFigures.intervalMs, msToNextSettledDay(app.clock())))
    })
  }
  app.addHook('onListen', async () => schedule(0))
  app.addHook('onClose', async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await running
  })
}
