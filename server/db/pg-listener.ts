/**
 * A dedicated PostgreSQL connection that LISTENs on one channel (a pooled connection cannot: it is handed to other
 * queries). A dropped connection (restart, failover, a network cut) is replaced after a short, growing pause;
 * `onReconnect` tells the caller that notifications may have been missed meanwhile.
 */
import { type Kysely, sql } from 'kysely'
import pg from 'pg'
import type { DatabaseLog } from './database'
import type { DB } from './schema'

export interface PgListenerOptions {
  connectionString: string
  channel: string
  onMessage(payload: string): void
  onReconnect(): void
  log: DatabaseLog
  /** Shown in pg_stat_activity. */
  applicationName: string
}

export interface PgListener {
  /** Resolves once the first LISTEN is in place (or failed: the listener keeps retrying). */
  ready: Promise<void>
  close(): Promise<void>
}

export function listenPg(options: PgListenerOptions): PgListener {
  let client: pg.Client | null = null
  let closed = false
  let retryMs = 250
  let timer: NodeJS.Timeout | null = null
  let connectedOnce = false

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.connectionString, application_name: options.applicationName, keepAlive: true })
    client = next
    const lost = (error?: Error) => {
      if (client !== next) return
      client = null
      next.removeAllListeners()
      next.on('error', () => undefined)
      void next.end().catch(() => undefined)
      if (closed) return
      options.log.warn({ channel: options.channel, error: error?.message ?? 'ended' }, 'cache listener lost its database connection; reconnecting')
      timer = setTimeout(() => void connect(), retryMs)
      timer.unref()
      retryMs = Math.min(retryMs * 2, 5000)
    }
    next.on('error', lost)
    next.on('end', () => lost())
    next.on('notification', (n) => {
      if (n.channel === options.channel) options.onMessage(n.payload ?? '')
    })
    try {
      await next.connect()
      await next.query(`LISTEN "${options.channel}"`)
      retryMs = 250
      if (connectedOnce) options.onReconnect()
      connectedOnce = true
    } catch (error) {
      lost(error as Error)
    }
  }

  if (!/^[a-z0-9_]{1,63}$/.test(options.channel)) throw new Error(`bad channel name ${options.channel}`)
  const ready = connect()
  return {
    ready,
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      const current = client
      client = null
      await current?.end().catch(() => undefined)
    },
  }
}

/** Tells every process LISTENing on `channel`; `payload` lets the sender know its own notice. */
export async function notifyPg(db: Kysely<DB>, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db)
}
