import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { privacyNoticeVersion } from '../../types'
import { chromiumLaunch, journey, launchBrowser, phone, phoneContext } from './support/browser'
import { freePort, startServer, type RunningServer } from './support/server'

/**
 * The portal as a phone keeps it: added to the home screen with its own picture, and moving to a newer build without
 * ever running one build's code with another's. Each test serves its own copy of the build, which it may "deploy" over.
 */
const built = process.env.WEB_ROOT || join(__dirname, '../../dist/h5')

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
}, 60000)
afterAll(async () => {
  await browser?.close()
})

interface Portal {
  webRoot: string
  server: RunningServer
  /** The server stopped and started again on the same address, as after a deploy. */
  restart: () => Promise<void>
  stop: () => Promise<void>
}

async function servePortal(): Promise<Portal> {
  const webRoot = mkdtempSync(join(tmpdir(), 'wgt-web-'))
  cpSync(built, webRoot, { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'wgt-e2e-'))
  const env = { WEB_ROOT: webRoot, DATA_DIR: dataDir, PORT: String(await freePort()) }
  const portal: Portal = {
    webRoot,
    server: await startServer(env),
    restart: async () => {
      await portal.server.stop()
      portal.server = await startServer(env)
    },
    stop: async () => {
      await portal.server.stop()
      rmSync(webRoot, { recursive: true, force: true })
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return portal
}

/**
 * A newer build of the same code, as a deploy puts it on the server: the app's script under a new hashed name, the
 * page and the service worker naming it. Returns that name.
 */
function deployNewerBuild(webRoot: string, mark: string): string {
  const js = join(webRoot, 'js')
  const app = readFileSync(join(webRoot, 'index.html'), 'utf8').match(/\/js\/(app\.[0-9a-f]{8}\.js)/)?.[1]
  if (!app) throw new Error(`no app script in ${webRoot}/index.html`)
  const renamed = `app.${mark.repeat(8).slice(0, 8)}.js`
  writeFileSync(join(js, renamed), readFileSync(join(js, app)))
  for (const file of ['index.html', 'sw.js']) {
    const path = join(webRoot, file)
    writeFileSync(path, readFileSync(path, 'utf8').split(`/js/${app}`).join(`/js/${renamed}`))
  }
  // The worker's build name changes with its list, as the build's plugin names it.
  const sw = join(webRoot, 'sw.js')
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(/"version":"[0-9a-f]+"/, `"version":"${mark.repeat(10)}"`))
  return renamed
}

async function phoneWithNoticeRead(): Promise<BrowserContext> {
  const context = await phoneContext(browser)
  await context.addInitScript((v) => localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v })), privacyNoticeVersion)
  return context
}

/** Until a service worker looks after the page. */
async function workerInCharge(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15000 })
}

/** Until `check` holds, asked every 200 ms for up to 15 s. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 15000; !(await check()); ) {
    if (Date.now() > deadline) throw new Error(`still not so after 15 s: ${check.toString()}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

const cacheNames = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('wgt-pages-')))
const appScript = (page: Page) => page.evaluate(() => Array.from(document.scripts, (s) => s.src).find((src) => /\/js\/app\./.test(src)) ?? '')

/** Width and height from a PNG's header. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`
}

test('添加到主屏幕: Chromium finds the manifest and its pictures, names no installability error, and they open offline', async () => {
  const portal = await servePortal()
  // A profile of its own, as a phone's browser has: Chromium checks nothing else in a private window's.
  const profile = mkdtempSync(join(tmpdir(), 'wgt-profile-'))
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunch, ...phone })
  const page = context.pages()[0] ?? (await context.newPage())
  try {
    await journey(page, 'home-screen-manifest', async () => {
      await page.goto(`${portal.server.baseUrl}/`)
      await page.locator('.job-card').first().waitFor()
      await workerInCharge(page)
      const cdp = await context.newCDPSession(page)
      const { url, errors, data } = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data: string }
      expect(new URL(url).pathname).toBe('/manifest.webmanifest')
      expect(errors).toEqual([])
      const manifest = JSON.parse(data) as { name: string; display: string; start_url: string; icons: Array<{ src: string; sizes: string; purpose: string }> }
      expect(manifest).toMatchObject({ name: '务工通', display: 'standalone', start_url: '/' })
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] }
      expect(installabilityErrors).toEqual([])
      expect(manifest.icons.map((i) => i.purpose).sort()).toEqual(['any', 'any', 'maskable', 'maskable'])

      // Each picture is what the manifest says it is; then the same without a network, from the worker's copy.
      const pictures = [...manifest.icons.map((i) => ({ src: i.src, sizes: i.sizes })), { src: '/icons/apple-touch-icon.png', sizes: '180x180' }]
      const fetchAll = () =>
        page.evaluate(
          (srcs) =>
            Promise.all(
              srcs.map(async (src) => {
                const res = await fetch(src)
                return { status: res.status, type: res.headers.get('content-type'), bytes: Array.from(new Uint8Array(await res.arrayBuffer())) }
              }),
            ),
          ['/manifest.webmanifest', '/icons/icon.svg', ...pictures.map((p) => p.src)],
        )
      for (const online of [true, false]) {
        await context.setOffline(!online)
        const [manifestFile, svg, ...pngs] = await fetchAll()
        expect(manifestFile.status).toBe(200)
        expect(JSON.parse(Buffer.from(manifestFile.bytes).toString('utf8'))).toEqual(JSON.parse(data))
        expect(svg.type).toMatch(/^image\/svg\+xml/)
        pngs.forEach((png, i) => {
          expect(png.status).toBe(200)
          expect(png.type).toBe('image/png')
          expect(pngSize(Buffer.from(png.bytes))).toBe(pictures[i].sizes)
        })
      }
      // The page names the picture browsers show beside the title and the one iOS puts on the home screen.
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/icons/icon.svg')
      expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')).toBe('/icons/apple-touch-icon.png')
    })
  } finally {
    await context.close()
    await portal.stop()
    rmSync(profile, { recursive: true, force: true })
  }
}, 90000)

test('a newer build: a page that already runs it takes it over without a word; a page from the phone’s copy says 新版本已就绪 and reloads into it on 更新', async () => {
  const portal = await servePortal()
  const context = await phoneWithNoticeRead()
  const page = await context.newPage()
  try {
    await journey(page, 'home-screen-new-version', async () => {
      await page.goto(`${portal.server.baseUrl}/`)
      await page.locator('.job-card').first().waitFor()
      await workerInCharge(page)
      const [first] = await cacheNames(page)
      expect(first).toMatch(/^wgt-pages-[0-9a-f]{10}$/)

      // A deploy, then the next visit with signal: the page comes from the network, so it already runs the newer
      // build; its worker takes over in place, with nothing to say and no reload.
      const second = deployNewerBuild(portal.webRoot, 'b')
      await portal.restart()
      await page.reload()
      await page.locator('.job-card').first().waitFor()
      expect(await appScript(page)).toContain(second)
      await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true))
      // The older build's copy goes as the newer worker takes over (its activation).
      await until(async () => (await cacheNames(page)).join() === 'wgt-pages-bbbbbbbbbb')
      expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true)
      expect(await page.locator('.wgt-update').count()).toBe(0)

      // On a train: the portal opens from the phone's copy, the build it kept. Meanwhile the county deploys again.
      await context.setOffline(true)
      await page.reload()
      await page.locator('.job-card').first().waitFor({ timeout: 15000 })
      expect(await appScript(page)).toContain(second)
      const third = deployNewerBuild(portal.webRoot, 'c')
      await portal.restart()
      // Signal again: the newer build is found and said quietly; the page keeps running its own until the tap.
      await context.setOffline(false)
      const bar = page.locator('.wgt-update')
      await bar.getByText('新版本已就绪').waitFor({ timeout: 15000 })
      expect(await bar.getAttribute('role')).toBe('status')
      expect(await appScript(page)).toContain(second)
      await page.locator('.job-card').first().click()
      await page.locator('.job-detail__title').first().waitFor()
      await page.goBack()
      await page.locator('.job-card:visible').first().waitFor()
      // 稍后 clears it from the top of the page. Opened again from the phone's copy, the page says it again at once,
      // and 更新 takes it.
      await bar.getByRole('button', { name: '稍后' }).click()
      expect(await bar.count()).toBe(0)
      await context.setOffline(true)
      await page.reload()
      await page.locator('.job-card').first().waitFor({ timeout: 15000 })
      expect(await appScript(page)).toContain(second)
      await bar.getByText('新版本已就绪').waitFor({ timeout: 15000 })
      await context.setOffline(false)
      await bar.getByRole('button', { name: '更新' }).click()
      await page.waitForFunction((name) => Array.from(document.scripts).some((s) => s.src.includes(name)), third, { timeout: 15000 })
      await page.locator('.job-card').first().waitFor()
      expect(await cacheNames(page)).toEqual(['wgt-pages-cccccccccc'])
      expect(await page.locator('.wgt-update').count()).toBe(0)
    })
  } finally {
    await context.close()
    await portal.stop()
  }
}, 120000)
