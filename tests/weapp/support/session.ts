// One weapp session per test file: a private copy of the build, the real server on a fresh database, and a phone.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type RunningServer } from '../../e2e/support/server'
import { Phone, type PhoneOptions } from './phone'

const root = join(__dirname, '../../..')

/**
 * Builds dist/weapp when stale (holding /tmp/wgt-weapp.lock) and copies it for this file alone. The folder name
 * matters: jest.config.js leaves `wgt-weapp-build-` files untransformed, as WeChat runs them.
 */
export function snapshotBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wgt-weapp-build-'))
  const res = spawnSync(process.execPath, [join(root, 'scripts/weapp-build.mjs'), '--snapshot', dir], { cwd: root, encoding: 'utf8' })
  if (res.status !== 0) throw new Error(`weapp build failed:\n${res.stdout}\n${res.stderr}`)
  return dir
}

/**
 * For a file's beforeAll: a build older than its sources is rebuilt first (about 70 s), after waiting for anyone
 * else's build to finish under the same lock.
 */
export const sessionStartTimeout = 300_000

export interface WeappSession {
  server: RunningServer
  distDir: string
  phone: Phone
}

/** Starts the server and a phone; `launch` is left to the test (the first page may differ). */
export async function startSession(options: Omit<PhoneOptions, 'distDir' | 'baseUrl'> = {}): Promise<WeappSession> {
  const distDir = snapshotBuild()
  const server = await startServer()
  const phone = new Phone({ distDir, baseUrl: server.baseUrl, ...options })
  return { server, distDir, phone }
}

export async function stopSession(s: WeappSession | undefined): Promise<void> {
  if (!s) return
  await s.phone.close().catch(() => undefined)
  await s.server.stop()
  rmSync(s.distDir, { recursive: true, force: true })
  // jsdom's window keeps timers alive after the last test otherwise.
  ;(globalThis as { window?: { close: () => void } }).window?.close()
}

/** The privacy notice accepted on this phone already (the app's own key and version). */
export function privacyAcceptedStorage(): Record<string, string> {
   
  const { privacyNoticeVersion } = require('../../../types/me') as { privacyNoticeVersion: string }
  return { 'wgt.privacy.accepted': privacyNoticeVersion }
}
