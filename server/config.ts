/**
 * Configuration from the environment. `loadConfig` is pure so tests can build any config
 * without touching process.env.
 */
import { isIP } from 'node:net'
import path from 'node:path'
import { parseWechatTemplates, type WechatTemplateSettings } from './notifications/wechat-settings'

export interface Config {
  port: number
  host: string
  /** Where the SQLite file lives when no DATABASE_URL is given. */
  dataDir: string
  /** A postgres:// URL switches the server to PostgreSQL. */
  databaseUrl: string | null
  nodeEnv: 'development' | 'production' | 'test'
  /** The built H5 portal (npm run build:h5). */
  webRoot: string
  /** Largest request body in bytes. */
  bodyLimit: number
  /** How long public answers (job lists, courses, stations) are reused from memory; 0 turns it off. */
  responseCacheMs: number
  /**
   * Parse answers assembled from parts checked one by one (kept job cards) once more as a whole, with the endpoint's
   * schema: on under test (NODE_ENV=test), off otherwise; CHECK_ASSEMBLED_ANSWERS=1|0 decides.
   */
  checkAssembledAnswers: boolean
  timeouts: TimeoutConfig
  /** PostgreSQL only: how long to wait for a connection, a statement, an idle open transaction. */
  dbTimeouts: DbTimeoutConfig
  /** Send Strict-Transport-Security (production, where the site is served over https). */
  hsts: boolean
  /** How long a stored idempotent answer is kept for replays before the sweep removes it. */
  idempotencyRetentionHours: number
  /**
   * APP_DATA_KEY as given (32 bytes, base64 or hex): encrypts phone and ID numbers and keys
   * every lookup hash. Unset outside production: a key is generated into DATA_DIR/data-key.
   */
  dataKey: string | null
  sms: SmsConfig
  wechat: WechatConfig
  /**
   * Passwords for the seeded staff accounts, by username, from STAFF_PASSWORD_<USERNAME>; used only when an
   * account is first created. In tests the fixed TEST_STAFF_PASSWORDS; elsewhere a missing one is generated
   * (development) or refused (production): see staff/staff-seed.ts.
   */
  staffPasswords: Record<string, string>
  /** Photos one worker may upload per China day, and their bytes together (UPLOAD_DAILY_COUNT, UPLOAD_DAILY_MB). */
  uploadDailyCount: number
  uploadDailyBytes: number
  /**
   * Which peers may set X-Forwarded-For (Fastify's trustProxy): false trusts none, true every peer (only when nothing
   * but the proxy can reach the port), a list those addresses/CIDRs (or loopback, linklocal, uniquelocal).
   * Default loopback: nginx on this machine.
   */
  trustProxy: boolean | string[]
  /** Photos in an S3-compatible bucket (S3_*); null keeps them in DATA_DIR/uploads. */
  s3: S3Config | null
  /** Who may read GET /metrics: addresses/CIDRs (METRICS_ALLOW, loopback by default) or a bearer METRICS_TOKEN. */
  metrics: { allow: string[]; token: string | null }
  /** SIGTERM: how long health says draining before the server stops accepting, then how long requests may finish. */
  shutdown: { noticeMs: number; timeoutMs: number }
  /** The dispatcher of queued SMS notices (server/notifications/README.md). */
  notify: NotifyConfig
  /** The sweep of reminders and staff alerts (NOTIFY_SCHEDULE: on by default, off in tests; NOTIFY_SCHEDULE_INTERVAL_MS). */
  notifySchedule: { enabled: boolean; intervalMs: number }
  /** The keeper of the roster's figure groups (server/roster/README.md, Figures). */
  rosterFigures: RosterFiguresConfig
  /**
   * What a tab's address carries besides the app (FIRST_SCREEN, server/http/first-screen.ts): `drawn` the drawn first
   * screen and the first reads, `reads` the reads alone, `off` the plain shell.
   */
  firstScreen: FirstScreenMode
}

export const FIRST_SCREEN_MODES = ['drawn', 'reads', 'off'] as const
export type FirstScreenMode = (typeof FIRST_SCREEN_MODES)[number]

export interface RosterFiguresConfig {
  /** Keeps the month-ends the reports read counted ahead, from start on (ROSTER_FIGURES_KEEP; on by default, off in tests). */
  keep: boolean
  /** Between rounds at most (ROSTER_FIGURES_INTERVAL_MS); a round also runs once each China day's end has settled. */
  intervalMs: number
}

export interface NotifyConfig {
  /** Runs the dispatcher timer in this process (NOTIFY_DISPATCH; on by default, off in tests). */
  dispatch: boolean
  intervalMs: number
  batchSize: number
  /** A claimed row comes back to the queue after this if its sender died. */
  leaseMs: number
  maxAttempts: number
  retryBaseMs: number
  /** Notice SMS one phone may receive per China day (urgent kinds go regardless). */
  smsDailyLimit: number
}

export interface S3Config {
  endpoint: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  /** bucket in the path (MinIO, test servers) rather than in the host name (OSS, COS, OBS, AWS). */
  forcePathStyle: boolean
}

/** How long a client may take, so slow senders cannot hold connections open (slowloris). */
export interface TimeoutConfig {
  /** The request line and headers must arrive within this. */
  headersMs: number
  /** The whole request, body included (a photo over a slow mobile network). */
  requestMs: number
  /** A connection on which nothing at all moves for this long is closed. */
  connectionMs: number
  /** An idle kept-alive connection is closed after this; above a proxy's own (nginx: 60 s) so it never reuses a closed one. */
  keepAliveMs: number
}

export interface DbTimeoutConfig {
  /** A new connection (or a free one from the pool) must come within this; start-up fails past it. */
  connectMs: number
  /** statement_timeout: the database cancels a statement running longer. */
  statementMs: number
  /** idle_in_transaction_session_timeout: a transaction left open, doing nothing, is ended. */
  idleInTransactionMs: number
}

export interface SmsConfig {
  /** console: log a masked line and keep the code in the dev outbox; http: POST to a gateway. */
  provider: 'console' | 'http'
  httpUrl: string | null
  httpKey: string | null
  template: string | null
  /** Codes one IP address may request per hour. */
  ipLimitPerHour: number
}

export interface WechatConfig {
  apiBase: string
  appId: string | null
  secret: string | null
  /** Subscribe messages (WECHAT_SUBSCRIBE_TEMPLATES); none configured sends none. */
  templates: WechatTemplateSettings
  /** Which version of the mini-program a message opens (WECHAT_MINIPROGRAM_STATE: formal, trial, developer). */
  miniprogramState: 'formal' | 'trial' | 'developer'
  /** A WeChat call taking longer is a failure, retried later (WECHAT_TIMEOUT_MS). */
  timeoutMs: number
}

/** The seeded accounts' passwords under NODE_ENV=test (the test harness signs in with them, never changes them). */
export const TEST_STAFF_PASSWORDS: Readonly<Record<string, string>> = { admin: 'wgt-admin-2026', wuxi: 'wgt-wuxi-2026', kunshan: 'wgt-kunshan-2026' }

/**
 * Passwords anyone could know: the test ones and those older versions seeded by default. Sign-in accepts them
 * only from this machine; production refuses them as staff passwords.
 */
export const KNOWN_DEFAULT_PASSWORDS: ReadonlySet<string> = new Set([...Object.values(TEST_STAFF_PASSWORDS), 'wgt-station-2026'])

export const MIN_STAFF_PASSWORD_LENGTH = 12

/** Why a staff password is too weak for production, or null. */
export function weakPasswordReason(password: string): string | null {
  if ([...password].length < MIN_STAFF_PASSWORD_LENGTH) return `shorter than ${MIN_STAFF_PASSWORD_LENGTH} characters`
  if (KNOWN_DEFAULT_PASSWORDS.has(password)) return 'a published default'
  return null
}

const NODE_ENVS = ['development', 'test', 'production'] as const

/** What production must not run without; loadConfig and buildApp both check it. */
export function assertProductionReady(config: Config): void {
  if (config.nodeEnv !== 'production') return
  const missing: string[] = []
  if (!config.dataKey) missing.push('APP_DATA_KEY (32 bytes, base64 or hex) must be set')
  if (config.sms.provider === 'console') missing.push('SMS_PROVIDER=http (the console SMS provider only logs codes)')
  for (const [username, password] of Object.entries(config.staffPasswords)) {
    const weak = weakPasswordReason(password)
    if (weak) missing.push(`STAFF_PASSWORD_${username.toUpperCase()} is too weak (${weak})`)
  }
  if (missing.length) throw new Error(`refusing to start in production: ${missing.join('; ')}`)
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function trustProxy(value: string | undefined): boolean | string[] {
  const v = value?.trim().toLowerCase()
  if (!v) return ['loopback']
  if (['false', 'none'].includes(v)) return false
  if (v === 'true') return true
  // A hop count cannot tell a direct client from the proxy, so anyone could forge their address (Fastify 5 ignores it).
  if (/^\d+$/.test(v)) throw new Error(`TRUST_PROXY takes the proxy's addresses (e.g. 127.0.0.1 or 10.0.0.0/8), not a hop count ("${v}")`)
  return addressList(v, 'TRUST_PROXY', ['loopback'], PROXY_NAMES)
}

/** A comma list of addresses and CIDRs (and the named ranges given), checked at start so a typo cannot open anything. */
function addressList(value: string | undefined, name: string, fallback: string[], names: Set<string> = new Set(['loopback'])): string[] {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean)
  if (!entries.length) return fallback
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/')
    const family = isIP(address)
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32))
    if (!(names.has(entry) || (family && prefixOk && !rest.length))) {
      throw new Error(`${name} must list addresses/CIDRs (e.g. 127.0.0.1,10.0.0.0/8); "${entry}" is none of these`)
    }
  }
  return entries
}

function s3Config(env: Record<string, string | undefined>): S3Config | null {
  const names = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const
  const given = names.filter((n) => env[n]?.trim())
  if (!given.length) return null
  const missing = names.filter((n) => !env[n]?.trim())
  if (missing.length) throw new Error(`photos on S3 need ${missing.join(', ')} as well (set all of ${names.join(', ')}, or none)`)
  const pathStyle = env.S3_FORCE_PATH_STYLE?.trim() || 'false'
  if (!['true', 'false', '1', '0'].includes(pathStyle)) throw new Error(`S3_FORCE_PATH_STYLE must be true or false, got "${pathStyle}"`)
  return {
    endpoint: env.S3_ENDPOINT!.trim(),
    bucket: env.S3_BUCKET!.trim(),
    accessKeyId: env.S3_ACCESS_KEY_ID!.trim(),
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!.trim(),
    region: env.S3_REGION?.trim() || 'us-east-1',
    forcePathStyle: pathStyle === 'true' || pathStyle === '1',
  }
}

/** STAFF_PASSWORD_<USERNAME> → { username: password }. */
function staffPasswordsFrom(env: Record<string, string | undefined>, nodeEnv: Config['nodeEnv']): Record<string, string> {
  // The old shared settings would silently do nothing now: say so rather than start with passwords nobody chose.
  for (const old of ['STAFF_ADMIN_PASSWORD', 'STAFF_STATION_PASSWORD']) {
    if (env[old]) throw new Error(`${old} is no longer read: each staff account has its own STAFF_PASSWORD_<USERNAME> (e.g. STAFF_PASSWORD_ADMIN, STAFF_PASSWORD_WUXI, STAFF_PASSWORD_KUNSHAN)`)
  }
  const given: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    const match = /^STAFF_PASSWORD_([A-Z0-9_.-]+)$/.exec(name)
    if (match && value) given[match[1].toLowerCase()] = value
  }
  return nodeEnv === 'test' ? { ...TEST_STAFF_PASSWORDS, ...given } : given
}

function miniprogramState(value: string | undefined): WechatConfig['miniprogramState'] {
  const v = value?.trim() || 'formal'
  if (v !== 'formal' && v !== 'trial' && v !== 'developer') throw new Error(`WECHAT_MINIPROGRAM_STATE must be formal, trial or developer, got "${v}"`)
  return v
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`)
  return n
}

function firstScreenMode(value: string | undefined): FirstScreenMode {
  const mode = value?.trim() || 'drawn'
  if (!(FIRST_SCREEN_MODES as readonly string[]).includes(mode)) throw new Error(`FIRST_SCREEN must be drawn, reads or off, got "${value}"`)
  return mode as FirstScreenMode
}

export function loadConfig(env: Record<string, string | undefined> = {}): Config {
  // Unset means development; anything else unknown (prod, Production) is a mistake that must not fall back to development.
  const nodeEnv = env.NODE_ENV === undefined || env.NODE_ENV === '' ? 'development' : (NODE_ENVS as readonly string[]).includes(env.NODE_ENV) ? (env.NODE_ENV as Config['nodeEnv']) : null
  if (!nodeEnv) throw new Error(`NODE_ENV must be development, test or production (unset means development), got "${env.NODE_ENV}"`)
  const databaseUrl = env.DATABASE_URL?.trim() || null
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// (leave it unset to use SQLite)')
  }
  const smsProvider = env.SMS_PROVIDER?.trim() || 'console'
  if (smsProvider !== 'console' && smsProvider !== 'http') throw new Error(`SMS_PROVIDER must be console or http, got "${smsProvider}"`)
  const sms: SmsConfig = {
    provider: smsProvider,
    httpUrl: env.SMS_HTTP_URL?.trim() || null,
    httpKey: env.SMS_HTTP_KEY?.trim() || null,
    template: env.SMS_TEMPLATE?.trim() || null,
    ipLimitPerHour: int(env.SMS_IP_LIMIT_PER_HOUR, 30, 'SMS_IP_LIMIT_PER_HOUR'),
  }
  if (sms.provider === 'http' && !sms.httpUrl) throw new Error('SMS_PROVIDER=http needs SMS_HTTP_URL')
  const config: Config = {
    port: int(env.PORT, 3000, 'PORT'),
    // Outside production only this machine can reach the server unless HOST says otherwise.
    host: env.HOST || (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1'),
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    nodeEnv,
    webRoot: path.resolve(env.WEB_ROOT || 'dist/h5'),
    // 64 KiB: every form in the app is small; a larger body is a mistake or an attack.
    bodyLimit: int(env.BODY_LIMIT, 64 * 1024, 'BODY_LIMIT'),
    // A few seconds: long enough to serve a rush of identical first pages, short enough that another
    // server process's writes show almost at once (this process's own writes clear it).
    responseCacheMs: env.RESPONSE_CACHE_MS === '0' ? 0 : int(env.RESPONSE_CACHE_MS, 5000, 'RESPONSE_CACHE_MS'),
    checkAssembledAnswers: env.CHECK_ASSEMBLED_ANSWERS === undefined || env.CHECK_ASSEMBLED_ANSWERS === '' ? nodeEnv === 'test' : env.CHECK_ASSEMBLED_ANSWERS === '1',
    timeouts: {
      headersMs: int(env.HEADERS_TIMEOUT_MS, 15_000, 'HEADERS_TIMEOUT_MS'),
      requestMs: int(env.REQUEST_TIMEOUT_MS, 120_000, 'REQUEST_TIMEOUT_MS'),
      connectionMs: int(env.CONNECTION_TIMEOUT_MS, 30_000, 'CONNECTION_TIMEOUT_MS'),
      keepAliveMs: int(env.KEEP_ALIVE_TIMEOUT_MS, 65_000, 'KEEP_ALIVE_TIMEOUT_MS'),
    },
    dbTimeouts: {
      connectMs: int(env.DB_CONNECT_TIMEOUT_MS, 5_000, 'DB_CONNECT_TIMEOUT_MS'),
      statementMs: int(env.DB_STATEMENT_TIMEOUT_MS, 30_000, 'DB_STATEMENT_TIMEOUT_MS'),
      idleInTransactionMs: int(env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, 60_000, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'),
    },
    hsts: nodeEnv === 'production',
    // A day: the app's outbox resends within minutes of the network returning; the answers may name a worker.
    idempotencyRetentionHours: int(env.IDEMPOTENCY_RETENTION_HOURS, 168, 'IDEMPOTENCY_RETENTION_HOURS'),
    dataKey: env.APP_DATA_KEY?.trim() || null,
    sms,
    wechat: {
      apiBase: (env.WECHAT_API_BASE?.trim() || 'https://api.weixin.qq.com').replace(/\/+$/, ''),
      appId: env.WECHAT_APPID?.trim() || null,
      secret: env.WECHAT_SECRET?.trim() || null,
      templates: parseWechatTemplates(env.WECHAT_SUBSCRIBE_TEMPLATES),
      miniprogramState: miniprogramState(env.WECHAT_MINIPROGRAM_STATE),
      timeoutMs: int(env.WECHAT_TIMEOUT_MS, 10_000, 'WECHAT_TIMEOUT_MS'),
    },
    staffPasswords: staffPasswordsFrom(env, nodeEnv),
    // A case needs a handful of photos; 30 a day is generous for a worker and stops a runaway loop filling the disk.
    uploadDailyCount: int(env.UPLOAD_DAILY_COUNT, 30, 'UPLOAD_DAILY_COUNT'),
    uploadDailyBytes: int(env.UPLOAD_DAILY_MB, 60, 'UPLOAD_DAILY_MB') * 1024 * 1024,
    trustProxy: trustProxy(env.TRUST_PROXY),
    s3: s3Config(env),
    metrics: { allow: addressList(env.METRICS_ALLOW, 'METRICS_ALLOW', ['loopback']), token: env.METRICS_TOKEN?.trim() || null },
    shutdown: {
      // Two seconds of notice; 20 s for the rest, well inside systemd's 90 s stop timeout.
      noticeMs: env.SHUTDOWN_NOTICE_MS === '0' ? 0 : int(env.SHUTDOWN_NOTICE_MS, 2000, 'SHUTDOWN_NOTICE_MS'),
      timeoutMs: int(env.SHUTDOWN_TIMEOUT_MS, 20_000, 'SHUTDOWN_TIMEOUT_MS'),
    },
    notify: {
      dispatch: env.NOTIFY_DISPATCH ? env.NOTIFY_DISPATCH === 'true' || env.NOTIFY_DISPATCH === '1' : nodeEnv !== 'test',
      intervalMs: int(env.NOTIFY_INTERVAL_MS, 5_000, 'NOTIFY_INTERVAL_MS'),
      batchSize: int(env.NOTIFY_BATCH_SIZE, 20, 'NOTIFY_BATCH_SIZE'),
      leaseMs: int(env.NOTIFY_LEASE_MS, 120_000, 'NOTIFY_LEASE_MS'),
      maxAttempts: int(env.NOTIFY_MAX_ATTEMPTS, 5, 'NOTIFY_MAX_ATTEMPTS'),
      retryBaseMs: int(env.NOTIFY_RETRY_BASE_MS, 30_000, 'NOTIFY_RETRY_BASE_MS'),
      smsDailyLimit: int(env.NOTIFY_SMS_DAILY_LIMIT, 10, 'NOTIFY_SMS_DAILY_LIMIT'),
    },
    notifySchedule: {
      enabled: env.NOTIFY_SCHEDULE ? env.NOTIFY_SCHEDULE === 'true' || env.NOTIFY_SCHEDULE === '1' : nodeEnv !== 'test',
      intervalMs: int(env.NOTIFY_SCHEDULE_INTERVAL_MS, 300_000, 'NOTIFY_SCHEDULE_INTERVAL_MS'),
    },
    rosterFigures: {
      keep: env.ROSTER_FIGURES_KEEP ? env.ROSTER_FIGURES_KEEP === 'true' || env.ROSTER_FIGURES_KEEP === '1' : nodeEnv !== 'test',
      intervalMs: int(env.ROSTER_FIGURES_INTERVAL_MS, 5 * 60_000, 'ROSTER_FIGURES_INTERVAL_MS'),
    },
    firstScreen: firstScreenMode(env.FIRST_SCREEN),
  }
  if (config.timeouts.headersMs > config.timeouts.requestMs) throw new Error('HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS')
  assertProductionReady(config)
  return config
}
