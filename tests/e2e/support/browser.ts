import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

const { chromiumFlags } = require('./chromium-flags.cjs') as { chromiumFlags: string[] }

const artifacts = join(__dirname, '../../../test-results/e2e')

/** Debian's Chromium; no test tool downloads a browser of its own here. */
export const chromiumLaunch = { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: chromiumFlags }

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunch)
}

/** A mid-range Android phone's screen, in Chinese. */
export const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
}

/**
 * A mid-range Android phone, in Chinese. A tab's drawn first screen and the drawn first-visit notice
 * (server/http/first-screen.ts) lie over the app until the app has drawn the same, so a journey would meet every card
 * and button twice: they go as the page is read, and journeys work on the app's own page. `keepDrawnFirstScreen`
 * keeps them (tests/e2e/first-screen-drawn.test.ts).
 */
export async function phoneContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
  { keepDrawnFirstScreen = false } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...phone, ...options })
  if (!keepDrawnFirstScreen) {
    await context.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        document.getElementById('first-screen')?.remove()
        document.getElementById('first-notice')?.remove()
      }),
    )
  }
  return context
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
