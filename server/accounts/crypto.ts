/**
 * Personal data at rest: phone and ID numbers are encrypted with AES-256-GCM; what is only
 * looked up (phone, WeChat openid, SMS codes, IPs) is stored as an HMAC-SHA256. Both keys are
 * derived (HKDF) from one 32-byte data key, so a stolen database file alone reveals neither.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../config'

export interface DataKeys {
  encrypt(plain: string): string
  decrypt(stored: string): string
  /** Keyed hash for lookups; `purpose` keeps hashes of different kinds apart. */
  hmac(purpose: string, value: string): string
}

const VERSION = 'v1'

export function parseDataKey(text: string): Buffer {
  const trimmed = text.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64')
  if (key.length !== 32) throw new Error('APP_DATA_KEY must be 32 bytes, as 64 hex digits or base64')
  return key
}

/**
 * The configured key; outside production, when none is configured, DATA_DIR/data-key
 * (created on first start, mode 0600, then reused). Production requires APP_DATA_KEY.
 */
export function loadDataKey(config: Pick<Config, 'dataKey' | 'dataDir' | 'nodeEnv'>): Buffer {
  if (config.dataKey) return parseDataKey(config.dataKey)
  if (config.nodeEnv === 'production') throw new Error('refusing to start in production: APP_DATA_KEY must be set')
  const file = path.join(config.dataDir, 'data-key')
  fs.mkdirSync(config.dataDir, { recursive: true })
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return parseDataKey(fs.readFileSync(file, 'utf8'))
}

export function createDataKeys(master: Buffer): DataKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32))
  const encKey = derive('wgt/aes-256-gcm')
  const macKey = derive('wgt/hmac-sha256')
  return {
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', encKey, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return `${VERSION}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`
    },
    decrypt(stored) {
      const [version, data] = stored.split(':')
      if (version !== VERSION || !data) throw new Error('unknown ciphertext format')
      const raw = Buffer.from(data, 'base64url')
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(raw.length - 16))
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8')
    },
    hmac(purpose, value) {
      return createHmac('sha256', macKey).update(`${purpose}\0${value}`).digest('hex')
    },
  }
}

/** Session tokens: 32 random bytes, base64url; only their SHA-256 is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
