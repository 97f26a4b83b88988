import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { addDays, chinaDate } from '../lib/dates'
import { bearer, staffSignIn } from '../test-support/accounts'
import { jobPostingBody } from '../test-support/bodies'
import { idempotencyKey } from '../test-support/harness'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { createHash } from 'node:crypto'
import { elderModeKey, firstNoticeShownClass, privacyAcceptedKey, privacyNoticeVersion } from '../../types/privacy'
import { type FirstScreenMode, loadConfig } from '../config'
import { type FirstScreens, noticeGuard } from './first-screen'

const index = '<!doctype html><html lang="zh-CN"><head><title>务工通</title></head><body><div id="app"></div></body></html>'
const drawnCard = '<div class="taro_page"><div class="job-card">电焊工 天津</div></div>'

let t: TestApp
let webRoot: string
let reads: Record<string, unknown>

/** A server whose build carries these drawn screens (read once, when the portal is registered). */
async function serverWith(drawn: FirstScreens, firstScreen: FirstScreenMode = 'drawn'): Promise<FastifyInstance> {
  fs.writeFileSync(path.join(webRoot, 'first-screen.json'), JSON.stringify(drawn))
  return t.secondInstance((config) => ({ ...config, firstScreen }))
}

const html = async (app: FastifyInstance, url: string) => {
  const res = await app.inject({ url, headers: { accept: 'text/html' } })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toMatch(/text\/html/)
  expect(res.headers['cache-control']).toBe('no-cache')
  return res.body
}

function embeddedReads(page: string): Record<string, unknown> {
  const m = /<script type="application\/json" id="first-reads">([\s\S]*?)<\/script>/.exec(page)
  expect(m).not.toBeNull()
  return JSON.parse(m![1]) as Record<string, unknown>
}

beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-first-'))
  fs.writeFileSync(path.join(webRoot, 'index.html'), index)
  t = await buildTestApp({ webRoot })
  reads = { '/jobs': (await t.app.inject({ url: '/api/jobs' })).json(), '/trades': (await t.app.inject({ url: '/api/trades' })).json() }
}, 60000)
afterAll(async () => {
  await t.close()
  fs.rmSync(webRoot, { recursive: true, force: true })
})

test('the jobs tab and the site root come with the drawn first screen and the first page of jobs, the same as the API gives', async () => {
  const app = await serverWith({ day: chinaDate(new Date()), screens: { '/pages/jobs/index': { ready: '.job-card', markup: drawnCard, reads } } })
  for (const url of ['/pages/jobs/index', '/']) {
    const page = await html(app, url)
    expect(page).toContain(`<div id="app"></div><div id="first-screen" class="first-screen" data-ready=".job-card"><div class="taro_router">${drawnCard}</div></div>`)
    const embedded = embeddedReads(page)
    expect(embedded['/jobs']).toEqual((await app.inject({ url: '/api/jobs' })).json())
    expect(embedded['/trades']).toEqual((await app.inject({ url: '/api/trades' })).json())
    expect((embedded['/jobs'] as { items: unknown[] }).items.length).toBeGreaterThan(0)
  }
  // The service worker's copy and other addresses stay the plain shell.
  expect(await html(app, '/index.html')).toBe(index)
  expect(await html(app, '/packages/jobs/pages/detail/index?id=1')).toBe(index)
  // A tab opened with a query draws it itself.
  expect(await html(app, '/pages/jobs/index?trade=电焊工')).toBe(index)
})

test('markup drawn from other answers, or on another day, is left out: the page carries the fresh answers alone', async () => {
  const jobs = reads['/jobs'] as { items: Array<{ title: string }> }
  const changed = { ...reads, '/jobs': { ...jobs, items: [{ ...jobs.items[0], title: '已经撤下的岗位' }, ...jobs.items.slice(1)] } }
  for (const drawn of [
    { day: chinaDate(new Date()), screens: { '/pages/jobs/index': { ready: '.job-card', markup: drawnCard, reads: changed } } },
    { day: '2020-01-01', screens: { '/pages/jobs/index': { ready: '.job-card', markup: drawnCard, reads } } },
  ]) {
    const app = await serverWith(drawn)
    const page = await html(app, '/pages/jobs/index')
    expect(page).not.toContain('first-screen')
    expect(page).not.toContain('电焊工 天津')
    expect(embeddedReads(page)['/jobs']).toEqual((await app.inject({ url: '/api/jobs' })).json())
  }
})

test('FIRST_SCREEN=reads sends the fresh reads without the drawing; FIRST_SCREEN=off the plain shell', async () => {
  const drawn = { day: chinaDate(new Date()), screens: { '/pages/jobs/index': { ready: '.job-card', markup: drawnCard, reads } } }
  const readsOnly = await html(await serverWith(drawn, 'reads'), '/pages/jobs/index')
  expect(readsOnly).not.toContain('first-screen')
  expect(embeddedReads(readsOnly)['/jobs']).toEqual((await t.app.inject({ url: '/api/jobs' })).json())
  expect(await html(await serverWith(drawn, 'off'), '/pages/jobs/index')).toBe(index)
  expect(loadConfig({}).firstScreen).toBe('drawn')
  expect(() => loadConfig({ FIRST_SCREEN: 'yes' })).toThrow(/FIRST_SCREEN must be drawn, reads or off/)
})

test('a drawn read that cannot be answered now is left out, and the markup with it', async () => {
  const app = await serverWith({ day: chinaDate(new Date()), screens: { '/pages/jobs/index': { ready: '.job-card', markup: drawnCard, reads: { ...reads, '/me': {} } } } })
  const page = await html(app, '/pages/jobs/index')
  expect(page).not.toContain('id="first-screen"')
  expect(Object.keys(embeddedReads(page)).sort()).toEqual(['/jobs', '/trades'])
})

test('JSON in the page cannot close its script element', async () => {
  const app = await serverWith({ day: chinaDate(new Date()), screens: { '/pages/jobs/index': { ready: '.job-card', markup: drawnCard, reads } } })
  const page = await html(app, '/pages/jobs/index')
  const json = /id="first-reads">([\s\S]*?)<\/script>/.exec(page)![1]
  expect(json).not.toContain('<')
})

test("text with `$&` or `$'` in it goes into the page as it is, not as a replacement pattern", async () => {
  const markup = "<div class=\"taro_page\"><div class=\"job-card\">工资 $& 当天结 $' 包住 $`</div></div>"
  const app = await serverWith({ day: chinaDate(new Date()), screens: { '/pages/jobs/index': { ready: '.job-card', markup, reads } } })
  const page = await html(app, '/pages/jobs/index')
  expect(page).toContain("工资 $& 当天结 $' 包住 $`")
  expect(page.match(/<title>/g)).toHaveLength(1)
})

const noticeMarkup = '<div class="privacy-sheet" role="dialog" aria-label="隐私政策"><span class="taro-text">您的信息怎么用</span></div>'
const notice = { version: privacyNoticeVersion, markup: noticeMarkup }

test('every portal address carries the first-visit notice drawn, after its guard, and the content policy allows the guard by its hash', async () => {
  const app = await serverWith({ day: chinaDate(new Date()), screens: { '/pages/jobs/index': { ready: '.job-card', markup: drawnCard, reads } }, notice })
  const guard = `<script>${noticeGuard(privacyNoticeVersion)}</script>`
  for (const url of ['/pages/jobs/index', '/', '/packages/jobs/pages/detail/index?id=1', '/pages/jobs/index?trade=电焊工', '/pages/me/index']) {
    const page = await html(app, url)
    // Before the app root: the router takes the first page element after it for its own.
    expect(page).toContain(`${guard}<div id="first-notice" class="first-notice">${noticeMarkup}</div><div id="app"></div>`)
    expect(page.match(/id="first-notice"/g)).toHaveLength(1)
  }
  expect(await html(app, '/pages/jobs/index')).toContain('id="first-screen"')
  const sha = `'sha256-${createHash('sha256').update(noticeGuard(privacyNoticeVersion), 'utf8').digest('base64')}'`
  expect(String((await app.inject({ url: '/packages/jobs/pages/detail/index?id=1' })).headers['content-security-policy'])).toContain(sha)
  // The service worker's copy stays the plain shell; so does every page without a drawn tab (FIRST_SCREEN reads, off).
  expect(await html(app, '/index.html')).toBe(index)
  for (const mode of ['reads', 'off'] as const) {
    const other = await serverWith({ day: chinaDate(new Date()), screens: {}, notice }, mode)
    expect(await html(other, '/packages/jobs/pages/detail/index?id=1')).not.toContain('first-notice')
    // The policy allows what the page carries and nothing more.
    expect(String((await other.inject({ url: '/pages/me/index' })).headers['content-security-policy'])).not.toContain(sha)
  }
})

test('the guard shows the drawn notice only on a phone that has not accepted this version and has not chosen 大字模式', () => {
  const show = (stored: Record<string, string> | 'unreadable') => {
    const classes = new Set<string>()
    const localStorage = {
      getItem: (key: string) => {
        if (stored === 'unreadable') throw new Error('storage blocked')
        return key in stored ? JSON.stringify({ data: stored[key] }) : null
      },
    }
    const document = { documentElement: { classList: { add: (c: string) => classes.add(c) } } }
    new Function('localStorage', 'document', noticeGuard(privacyNoticeVersion))(localStorage, document)
    return classes.has(firstNoticeShownClass)
  }
  expect(show({})).toBe(true)
  expect(show({ [privacyAcceptedKey]: privacyNoticeVersion })).toBe(false)
  expect(show({ [privacyAcceptedKey]: '2020-01' })).toBe(true)
  expect(show({ [elderModeKey]: '1' })).toBe(false)
  expect(show({ [elderModeKey]: '0' })).toBe(true)
  expect(show('unreadable')).toBe(true)
})

// Last: its new posting changes the reads that the other tests' markup was drawn from.
test('an unchanged tab is assembled once and sent again as it is; a new posting gives a new page at once', async () => {
  const app = await serverWith({ day: chinaDate(new Date()), screens: { '/pages/jobs/index': { ready: '.job-card', markup: drawnCard, reads } } })
  const pages = app.firstScreenPages!
  const first = await html(app, '/pages/jobs/index')
  expect(first).toContain('id="first-screen"')
  // The site root is the same tab: the same page, not assembled again.
  expect(await html(app, '/pages/jobs/index')).toBe(first)
  expect(await html(app, '/')).toBe(first)
  expect({ assembled: pages.assembled, reused: pages.reused }).toEqual({ assembled: 1, reused: 2 })
  const metrics = (await app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).body
  expect(metrics).toContain('wgt_first_screen_pages_total{result="assembled"} 1')
  expect(metrics).toContain('wgt_first_screen_pages_total{result="reused"} 2')

  const { token } = await staffSignIn(app, 'kunshan', t.config.staffPasswords.kunshan)
  const posting = { ...jobPostingBody, title: '首屏新到焊工', expiresAt: addDays(chinaDate(new Date()), 30) }
  const posted = await app.inject({ method: 'POST', url: '/api/staff/jobs', headers: { ...bearer(token), 'idempotency-key': idempotencyKey() }, payload: posting })
  expect(posted.statusCode).toBe(201)
  const changed = await html(app, '/pages/jobs/index')
  const titles = (embeddedReads(changed)['/jobs'] as { items: Array<{ title: string }> }).items.map((j) => j.title)
  expect(titles).toContain('首屏新到焊工')
  expect(embeddedReads(changed)['/jobs']).toEqual((await app.inject({ url: '/api/jobs' })).json())
  // The markup was drawn from the list without it: it stays out rather than show a list that is no more.
  expect(changed).not.toContain('id="first-screen"')
  expect(pages.assembled).toBe(2)
  expect(await html(app, '/')).toBe(changed)
  expect({ assembled: pages.assembled, reused: pages.reused }).toEqual({ assembled: 2, reused: 3 })
})
