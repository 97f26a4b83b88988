/**
 * What a first screen drawn before the script (issue 23) would gain, measured before building it: each tab is opened
 * in Chromium against the real server, its drawn page (shell and first data) is kept as static HTML with the built
 * styles and no script, and Lighthouse (mobile preset, one run each) measures the app's page beside that copy.
 * The copy's FCP and LCP are the floor a build-time or server-rendered first screen could reach; the app's TBT stays
 * until the script that takes the copy over is itself lighter. Run with `npx tsx bench/first-screen.ts`.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
// @ts-expect-error an .mjs script without type declarations
import { ensureH5Build } from '../scripts/h5-build.mjs'
import { launchBrowser, phoneContext } from '../tests/e2e/support/browser'
import { startServer } from '../tests/e2e/support/server'
import { privacyNoticeVersion } from '../types'

const tabs: Array<[string, string, string]> = [
  ['找工作', '/pages/jobs/index', '.job-card'],
  ['培训', '/pages/training/index', '.course-card, .list-row'],
  ['找组织', '/pages/stations/index', '.station-card, .list-row'],
]
const staticPort = Number(process.env.FIRST_SCREEN_PORT) || 4180
// `npx tsx bench/first-screen.ts 找工作` measures that tab only.
const chosen = process.argv.slice(2)
if (chosen.length) tabs.splice(0, tabs.length, ...tabs.filter(([name]) => chosen.includes(name)))
const log = (what: string) => console.error(`${new Date().toISOString().slice(11, 19)} ${what}`)

async function main() {
  ensureH5Build()
  const server = await startServer()
  const copies = new Map<string, string>()
  const browser = await launchBrowser()
  try {
    const context = await phoneContext(browser, { serviceWorkers: 'block' })
    await context.addInitScript((v) => localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v })), privacyNoticeVersion)
    const page = await context.newPage()
    for (const [, path, ready] of tabs) {
      await page.goto(server.baseUrl + path)
      await page.locator(ready).first().waitFor({ timeout: 30000 })
      await page.waitForLoadState('networkidle')
      // The drawn page without a line of script: what the HTML itself would show.
      const html = await page.evaluate(() => {
        const doc = document.documentElement.cloneNode(true) as HTMLElement
        doc.querySelectorAll('script, link[rel="preload"], link[rel="modulepreload"], link[rel="manifest"]').forEach((el) => el.remove())
        return '<!DOCTYPE html>' + doc.outerHTML
      })
      copies.set(path, html)
      log(`kept ${path} (${Math.round(html.length / 1024)} KB of HTML)`)
    }
  } finally {
    await browser.close()
  }
  const dist = join(__dirname, '../dist/h5')
  const copyServer = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]
    if (copies.has(url)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      return res.end(copies.get(url))
    }
    try {
      const body = readFileSync(join(dist, url.replace(/\.\./g, '')))
      res.writeHead(200, { 'content-type': url.endsWith('.css') ? 'text/css' : 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => copyServer.listen(staticPort, '127.0.0.1', resolve))
  try {
    log('Lighthouse…')
    const urls = tabs.flatMap(([, path]) => [server.baseUrl + path, `http://127.0.0.1:${staticPort}${path}`])
    // Not spawnSync: the copies are served from this process, which must stay free to answer Lighthouse.
    const child = spawn(process.execPath, [join(__dirname, 'support/lighthouse-run.mjs'), ...urls], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LH_RUNS: process.env.LH_RUNS ?? '1' },
    })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
    if (status !== 0) throw new Error('lighthouse failed')
    const run = { stdout }
    const rows = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { performance: number; fcp: string; lcp: string; tbt: string; cls: string; scriptMs: number; benchmarkIndex: number })
    console.log('| tab | page | perf | FCP | LCP | TBT | CLS | script |')
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
    tabs.forEach(([name], i) => {
      for (const [label, r] of [['app', rows[2 * i]], ['static copy, no script', rows[2 * i + 1]]] as const) {
        console.log(`| ${name} | ${label} | ${r.performance} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} | ${r.scriptMs} ms |`)
      }
    })
    console.log(`\nLighthouse benchmarkIndex: ${rows.map((r) => r.benchmarkIndex).join(', ')}`)
  } finally {
    copyServer.close()
    await server.stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
