import type { Browser } from 'playwright-core'
import { launchBrowser } from './browser'
import { startServer, type RunningServer } from './server'

export interface E2e {
  readonly server: RunningServer
  readonly browser: Browser
}

/**
 * One real server (on a fresh SQLite data dir) and one Chromium for the calling test file: started before its
 * first test, stopped after its last.
 */
export function useServerAndBrowser(): E2e {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  }, 90000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} has not started (beforeAll failed?)`)
    return value
  }
  return {
    get server() {
      return started(server, 'the server')
    },
    get browser() {
      return started(browser, 'the browser')
    },
  }
}
