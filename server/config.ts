/**
 * Configuration from the environment. `loadConfig` is pure so tests can build any config
 * without touching process.env.
 */
import path from 'node:path'

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
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`)
  return n
}

export function loadConfig(env: Record<string, string | undefined> = {}): Config {
  const nodeEnv = env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development'
  const databaseUrl = env.DATABASE_URL?.trim() || null
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// (leave it unset to use SQLite)')
  }
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    nodeEnv,
    webRoot: path.resolve(env.WEB_ROOT || 'dist/h5'),
    // 64 KiB: every form in the app is small; a larger body is a mistake or an attack.
    bodyLimit: int(env.BODY_LIMIT, 64 * 1024, 'BODY_LIMIT'),
  }
}
