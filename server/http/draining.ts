/**
 * Graceful shutdown. On SIGTERM the server first says so (`/api/health` answers 503 `draining`, every answer carries
 * `Connection: close`) while still serving, for `noticeMs`, so a balancer polling health stops sending; then it stops
 * accepting, lets requests in flight finish (cut after `timeoutMs`), stops its timers (onClose hooks) and closes the
 * database.
 */
import type { FastifyInstance } from 'fastify'
import { errorBody } from './error-handler'
import { API_PREFIX } from './route'

export interface ShutdownConfig {
  /** How long health says draining before the server stops accepting connections. */
  noticeMs: number
  /** How long requests in flight may take to finish once the server stops accepting; then they are cut. */
  timeoutMs: number
}

declare module 'fastify' {
  interface FastifyInstance {
    draining: { active: boolean }
  }
}

export function installDraining(app: FastifyInstance): void {
  const state = { active: false }
  app.decorate('draining', state)
  app.addHook('onRequest', async (req, reply) => {
    if (!state.active || req.url.split('?')[0] !== `${API_PREFIX}/health`) return
    return reply.status(503).header('connection', 'close').send({ status: 'draining', ...errorBody('UNAVAILABLE', '服务器正在重启，请稍后再试') })
  })
  // A kept-alive connection ends after its answer, so the client opens its next one to a server that stays.
  app.addHook('onSend', async (_req, reply) => {
    if (state.active) reply.header('connection', 'close')
  })
}

/** Drains and closes; resolves when the app and the database are closed. */
export async function drainAndClose(app: FastifyInstance, closeDatabase: () => Promise<void>, config: ShutdownConfig): Promise<void> {
  app.draining.active = true
  app.log.info({ noticeMs: config.noticeMs }, 'draining: health says so, still serving')
  await new Promise((resolve) => setTimeout(resolve, config.noticeMs))
  const cut = setTimeout(() => {
    app.log.warn({ timeoutMs: config.timeoutMs }, 'requests still running at the shutdown limit: cutting them')
    app.server.closeAllConnections()
  }, config.timeoutMs)
  try {
    await app.close()
  } finally {
    clearTimeout(cut)
  }
  await closeDatabase()
}
