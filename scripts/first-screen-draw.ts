/**
 * After the H5 build: each tab's first screen as the built app draws it, kept as markup beside the build
 * (dist/h5/first-screen.json) with the reads it was drawn from. The server puts that markup in the page it answers
 * the tab's address with, while the fresh answers still equal these (server/http/first-screen.ts), so the first
 * screen shows before the script has run. Drawn in Chromium against a freshly seeded server, as the journeys run.
 * `npx tsx scripts/first-screen-draw.ts [base URL]` draws against a running server instead (a deploy's own data).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { launchBrowser, phoneContext } from '../tests/e2e/support/browser'
import { startServer } from '../tests/e2e/support/server'
import { privacyNoticeVersion } from '../types'
import { chinaDate } from '../types/format'

/** The tab addresses, with what shows that the tab's first data is drawn. */
const tabs: Array<[string, string]> = [
  ['/pages/jobs/index', '.job-card'],
  ['/pages/training/index', '.course-card, .list-row'],
  ['/pages/stations/index', '.station-card, .list-row'],
]
const out = join(__dirname, '../dist/h5/first-screen.json')

export interface DrawnScreen {
  /** What shows that the app has drawn the same screen: the markup is taken away then. */
  ready: string
  /** The app root's inner HTML and the tab bar, ids removed (the live page's own must stay unique). */
  markup: string
  /** The page's stylesheets the app loads with its code (index.html links only the shell's). */
  stylesheets: string[]
  /** Styles the script adds at start that index.html lacks (none today: see config/no-router-styles.js). */
  styles: string
  /** API path (after /api) → the answer the markup was drawn from. */
  reads: Record<string, unknown>
}

async function main() {
  // Never draw against a page that already carries an older drawing.
  rmSync(out, { force: true })
  const given = process.argv[2]
  // This build's own files, whatever WEB_ROOT the caller's environment names: a server of another build would embed
  // that build's first reads, the app would ask for nothing, and the drawing would be kept without its reads.
  const server = given ? null : await startServer({ WEB_ROOT: join(__dirname, '../dist/h5') })
  const baseUrl = given ?? server!.baseUrl
  const browser = await launchBrowser()
  const screens: Record<string, DrawnScreen> = {}
  let notice: DrawnNotice | undefined
  try {
    const context = await phoneContext(browser, { serviceWorkers: 'block' })
    await context.addInitScript((v) => localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v })), privacyNoticeVersion)
    for (const [path, ready] of tabs) {
      const page = await context.newPage()
      const reads: Record<string, unknown> = {}
      page.on('response', async (res) => {
        const url = new URL(res.url())
        if (res.request().method() !== 'GET' || !url.pathname.startsWith('/api/') || res.status() !== 200) return
        reads[url.pathname.slice(4) + url.search] = await res.json().catch(() => undefined)
      })
      await page.goto(baseUrl + path)
      await page.locator(ready).first().waitFor({ timeout: 30000 })
      await page.locator('.tab-bar').waitFor({ timeout: 30000 })
      await page.waitForLoadState('networkidle')
      const drawn = await page.evaluate(() => {
        const app = document.getElementById('app')!.cloneNode(true) as HTMLElement
        // The tab bar is drawn into <body>, beside the pages (src/components/tab-bar).
        const tabBar = document.querySelector('body > .tab-bar')
        if (tabBar) app.appendChild(tabBar.cloneNode(true))
        app.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'))
        app.querySelectorAll('script').forEach((el) => el.remove())
        const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')!)
        const styles = [...document.querySelectorAll('style')].map((s) => s.textContent ?? '')
        return { markup: app.innerHTML, links, styles }
      })
      const shell = readFileSync(join(__dirname, '../dist/h5/index.html'), 'utf8')
      const markup = drawn.markup
      screens[path] = { ready, markup, stylesheets: drawn.links.filter((href) => !shell.includes(`href="${href}"`)), styles: drawn.styles.filter((css) => !shell.includes(css)).join('\n'), reads }
      console.log(`Drew ${path}: ${Math.round(markup.length / 1024)} KB of markup, ${Object.keys(reads).length} reads`)
      await page.close()
    }
    notice = await drawNotice(browser, baseUrl)
    console.log(`Drew the first-visit notice: ${Math.round(notice.markup.length / 1024)} KB of markup`)
  } finally {
    await browser.close()
    await server?.stop()
  }
  writeFileSync(out, JSON.stringify({ day: chinaDate(new Date()), screens, notice }))
}

export interface DrawnNotice {
  /** The version of the privacy notice drawn: the page shows the drawing only to a phone that has not accepted it. */
  version: string
  /** The sheet as the app draws it on a first visit (FirstLaunchNotice), ids removed. */
  markup: string
}

/** The first-visit privacy notice, as a phone that has never opened the portal sees it over any page. */
async function drawNotice(browser: Awaited<ReturnType<typeof launchBrowser>>, baseUrl: string): Promise<DrawnNotice> {
  const context = await phoneContext(browser, { serviceWorkers: 'block' })
  try {
    const page = await context.newPage()
    await page.goto(baseUrl + tabs[0][0])
    const sheet = page.locator('body > .privacy-sheet')
    await sheet.waitFor({ timeout: 30000 })
    const markup = await sheet.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      copy.removeAttribute('id')
      copy.querySelectorAll('[id]').forEach((e) => e.removeAttribute('id'))
      return copy.outerHTML
    })
    return { version: privacyNoticeVersion, markup }
  } finally {
    await context.close()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
