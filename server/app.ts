/**
 * Builds the Fastify instance, in the order fastify/demo uses: external plugins, the app's own
 * plugins (database, clock), routes per area, then the static portal and its fallback last.
 */
import { localJobRoutes } from './routes/local-jobs'
import { hiringEventRoutes } from './routes/hiring-events'
import compress from '@fastify/compress'
import Fastify, { type FastifyInstance } from 'fastify'
import { usePlainChineseErrors } from '../types'
import { createDataKeys, loadDataKey } from './accounts/crypto'
import { createSmsProvider } from './accounts/sms'
import { assertProductionReady, type Config } from './config'
import type { Database } from './db/database'
import type { Clock } from './http/app-context'
import './http/app-context'
import { installDraining } from './http/draining'
import { installErrorHandler } from './http/error-handler'
import { installMetrics } from './http/metrics'
import { installIdempotencySweep } from './http/idempotency'
import { type LogSettings, loggerOptions } from './http/logging'
import { installResponseCache } from './http/response-cache'
import { installSecurityHeaders } from './http/security-headers'
import { readPortal, registerStaticWeb } from './http/static-web'
import { authRoutes } from './routes/auth'
import { trainingRoutes } from './routes/training'
import { healthRoutes } from './routes/health'
import { jobRoutes } from './routes/jobs'
import { meRoutes } from './routes/me'
import { rightsRoutes } from './routes/rights'
import { worklogRoutes } from './routes/worklog'
import { staffRoutes } from './routes/staff'
import { staffTrainingRoutes } from './routes/staff-training'
import { staffAdminRoutes } from './routes/staff-admin'
import { staffJobRoutes } from './routes/staff-jobs'
import { staffLedgerRoutes } from './routes/staff-ledgers'
import { stationRoutes } from './routes/stations'
import { tradeRoutes } from './routes/trades'
import { uploadRoutes } from './routes/uploads'
import { createPhotoStorage } from './uploads/photo-storage'
import { transportRoutes } from './routes/transport'
import { policyRoutes } from './routes/policies'
import { brandRoutes } from './routes/brands'
import { rosterRoutes } from './routes/roster'
import { rosterFollowUpRoutes } from './routes/roster-follow-up'
import { rosterImportRoutes } from './routes/roster-imports'
import { notificationRoutes } from './routes/notifications'
import { installNotificationDispatcher } from './notifications/dispatcher'
import { installNotificationScheduler } from './notifications/scheduler'
import { surveyRoutes } from './routes/survey'
import { subsidyRoutes } from './routes/subsidies'
import { installFiguresKeeper } from './roster/figures-keeper'

export interface BuildAppOptions {
  config: Config
  database: Database
  clock?: Clock
  /** false silences logging (tests); settings pick the level or capture the lines. */
  logger?: false | LogSettings
  /** Extra routes, registered with the app's routes (tests declare endpoints here). */
  routes?: (app: FastifyInstance) => void
}

export async function buildApp({ config, database, clock = () => new Date(), logger, routes }: BuildAppOptions): Promise<FastifyInstance> {
  usePlainChineseErrors()
  // Before anything listens: production refuses to run without its secrets or with the console SMS.
  assertProductionReady(config)
  const keys = createDataKeys(loadDataKey(config))
  const app = Fastify({
    logger: logger === false ? false : loggerOptions({ level: config.nodeEnv === 'production' ? 'info' : 'debug', ...logger }),
    bodyLimit: config.bodyLimit,
    // A slow sender is cut off rather than holding a connection open (Node's defaults never time out a request).
    connectionTimeout: config.timeouts.connectionMs,
    requestTimeout: config.timeouts.requestMs,
    keepAliveTimeout: config.timeouts.keepAliveMs,
    // Node checks the header and request limits on this beat (30 s by default), so it is kept well inside them.
    http: { headersTimeout: config.timeouts.headersMs, connectionsCheckingInterval: Math.min(1000, config.timeouts.headersMs / 2) },
    // Only the configured proxies (by default nginx on this machine) may set X-Forwarded-For; anyone else could forge their IP.
    trustProxy: config.trustProxy,
    // Links typed or shared by hand often gain a trailing slash; /api/jobs/ and /api/jobs are one route.
    routerOptions: { ignoreTrailingSlash: true },
  })

  // External plugins. compress hooks each route as it is added, so it comes before them.
  await app.register(compress, { global: true, threshold: 1024 })

  // The app's own plugins.
  database.logTo(app.log)
  app.decorate('db', database.db)
  app.decorate('dbDialect', database.dialect)
  app.decorate('clock', clock)
  app.decorate('config', config)
  app.decorate('keys', keys)
  app.decorate('sms', createSmsProvider(config.sms, { db: database.db, log: app.log }))
  app.decorate('photos', createPhotoStorage(config))
  app.addHook('onClose', async () => app.photos.close())
  app.decorateRequest('caller', null)
  installResponseCache(app, { ttlMs: config.responseCacheMs, shared: database.listenTarget })
  installErrorHandler(app)
  // The portal's page is read from the build once: the content policy allows exactly the inline scripts it carries.
  const portal = readPortal(config.webRoot, config.firstScreen)
  installSecurityHeaders(app, { portalPage: portal.page, hsts: config.hsts })
  installIdempotencySweep(app)
  installDraining(app)
  installMetrics(app, database, config.metrics)
  installNotificationDispatcher(app)
  installNotificationScheduler(app)
  installFiguresKeeper(app)

  // Routes per area.
  healthRoutes(app)
  tradeRoutes(app)
  jobRoutes(app)
  trainingRoutes(app)
  stationRoutes(app)
  authRoutes(app)
  meRoutes(app)
  staffRoutes(app)
  rightsRoutes(app)
  worklogRoutes(app)
  uploadRoutes(app)
  staffTrainingRoutes(app)
  staffJobRoutes(app)
  staffLedgerRoutes(app)
  staffAdminRoutes(app)
  transportRoutes(app)
  policyRoutes(app)
  brandRoutes(app)
  rosterRoutes(app)
  rosterFollowUpRoutes(app)
  rosterImportRoutes(app)
  notificationRoutes(app)
  surveyRoutes(app)
  subsidyRoutes(app)
  localJobRoutes(app)
  hiringEventRoutes(app)
  routes?.(app)

  // The portal, and the fallback for browser-history deep links and unknown /api paths.
  await registerStaticWeb(app, portal)
  return app
}
