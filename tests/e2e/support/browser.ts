import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

const artifacts = join(__dirname, '../../../test-results/e2e')

/** Debian's Chromium; no test tool downloads a browser of its own here. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A mid-range Android phone, in Chinese. */
export function phoneContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  })
}

/** Runs a journey; on failure keeps a screenshot where CI prints it. */
export async function journey(page: Page, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps()
  } catch (e) {
    mkdirSync(artifacts, { recursive: true })
    await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true }).catch(() => undefined)
    throw e
  }
}
