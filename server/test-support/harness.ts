/**
 * The set-up most server tests share: one app on a fresh database for the file, a clock the test moves and that
 * goes back to its start before each test, and writes that each carry a new Idempotency-Key.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import type { Config } from '../config'
import type { DB } from '../db/schema'
import { bearer, staffSignIn } from './accounts'
import { buildTestApp, type TestApp, type TestAppOptions } from './test-app'

export interface TestClock {
  (): Date
  set(at: Date): void
}

export function testClock(start: Date): TestClock {
  let now = start
  return Object.assign(() => now, {
    set: (at: Date) => {
      now = at
    },
  })
}

const BUILD_TIMEOUT_MS = 60_000

let keyN = 0
/** Unique across the test files that share one PostgreSQL database, and across reruns. */
export const idempotencyKey = () => `test-${process.pid}-${++keyN}-${Date.now()}`

type Answer = Promise<LightMyRequestResponse>
type Payload = object | undefined

export interface TestHarness {
  readonly app: FastifyInstance
  readonly db: Kysely<DB>
  readonly config: Config
  secondInstance(): Promise<FastifyInstance>
  clock: TestClock
  /** An authenticated read (no token: anonymous). */
  get(token: string | null, url: string): Answer
  /** Authenticated writes with a new Idempotency-Key unless one is given (a resend passes the first one's). */
  post(token: string, url: string, payload?: Payload, key?: string): Answer
  patch(token: string, url: string, payload?: Payload, key?: string): Answer
  put(token: string, url: string, payload?: Payload, key?: string): Answer
  /** A session token of a seeded staff account, signed in with its test password. */
  staffToken(username: string): Promise<string>
}

export function useTestApp(options: Omit<TestAppOptions, 'clock'> & { start?: Date } = {}): TestHarness {
  const { start = new Date('2026-03-10T02:00:00.000Z'), ...appOptions } = options
  const clock = testClock(start)
  let built: TestApp | undefined
  // A fresh database is migrated and seeded: on a busy machine that outlasts jest's 5 s default for a hook.
  beforeAll(async () => {
    built = await buildTestApp({ ...appOptions, clock })
  }, BUILD_TIMEOUT_MS)
  afterAll(() => built?.close(), BUILD_TIMEOUT_MS)
  beforeEach(() => clock.set(start))
  const test = () => {
    if (!built) throw new Error('the test app is built in beforeAll: use it inside a hook or a test')
    return built
  }
  const write =
    (method: 'POST' | 'PATCH' | 'PUT') =>
    (token: string, url: string, payload?: Payload, key = idempotencyKey()) =>
      test().app.inject({ method, url, headers: { ...bearer(token), 'idempotency-key': key }, ...(payload ? { payload } : {}) })
  return {
    get app() {
      return test().app
    },
    get db() {
      return test().db
    },
    get config() {
      return test().config
    },
    secondInstance: () => test().secondInstance(),
    clock,
    get: (token, url) => test().app.inject({ url, headers: token ? bearer(token) : {} }),
    post: write('POST'),
    patch: write('PATCH'),
    put: write('PUT'),
    staffToken: async (username) => (await staffSignIn(test().app, username, test().config.staffPasswords[username])).token,
  }
}
