import AxeBuilder from '@axe-core/playwright'
import { privacyNoticeVersion } from '../../types'
import type { BrowserContext, Page } from 'playwright-core'
import { journey, phoneContext } from './support/browser'
import { serverApi } from './support/api'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()

const { call, signIn } = serverApi(() => e2e.server.baseUrl)
const api = async (path: string) => (await call(path)).body

/** A phone in normal or 大字模式, signed in or not (Taro's H5 storage keeps `{ data }` JSON in localStorage). */
async function phone(mode: 'normal' | 'elder', token: string | null): Promise<BrowserContext> {
  const context = await phoneContext(e2e.browser)
  await context.addInitScript(
    ([t, v, elder]) => {
      if (t) localStorage.setItem('wgt.session.token', JSON.stringify({ data: t }))
      localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v }))
      localStorage.setItem('wgt.elder-mode', JSON.stringify({ data: elder ? '1' : '0' }))
    },
    [token, privacyNoticeVersion, mode === 'elder'] as const,
  )
  return context
}

interface Finding {
  page: string
  rule: string
  impact: string
  help: string
  nodes: string[]
}

/** Axe's serious and critical findings on the page as it is now, plus anything wider than the phone. */
async function audit(page: Page, name: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).analyze()
  const findings: Finding[] = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: name, rule: v.id, impact: v.impact!, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
  // Text cut off or pushed sideways by the bigger sizes shows as a page wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  if (overflow > 1) findings.push({ page: name, rule: 'horizontal-overflow', impact: 'serious', help: `${overflow}px wider than the screen`, nodes: [] })
  return findings
}

async function visit(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(e2e.server.baseUrl + path)
  await page.locator(ready).first().waitFor({ timeout: 20000 })
  // A tab's drawn first screen (server/http/first-screen.ts) lies over the app until the app has drawn the same:
  // what is measured is the app's own page.
  await page.locator('#first-screen').waitFor({ state: 'detached', timeout: 20000 })
  await page.waitForLoadState('networkidle')
}

for (const mode of ['normal', 'elder'] as const) {
  test(`the main pages have no serious or critical accessibility findings (${mode})`, async () => {
    const token = await signIn(mode === 'normal' ? '13900001111' : '13900002222')
    const job = (await api('/jobs?limit=1')).items[0]
    const course = (await api('/courses?limit=1')).items[0]
    const station = (await api('/stations?limit=1')).items[0]
    const pages: Array<[string, string, string]> = [
      ['找工作', '/pages/jobs/index', '.job-card'],
      ['岗位详情', `/packages/jobs/pages/detail/index?id=${job.id}`, '.job-detail__title'],
      ['培训', '/pages/training/index', '.course-card'],
      ['培训详情', `/packages/training/pages/detail/index?id=${course.id}`, '.enroll-panel'],
      ['维权', '/pages/rights/index', '.rights-page__ask'],
      ['求助表', '/packages/rights/pages/new/index', '.request-form'],
      ['找组织', '/pages/stations/index', '.station-card'],
      ['组织详情', `/packages/stations/pages/detail/index?id=${station.id}`, '.big-button, .phone-call'],
      ['我的', '/pages/me/index', '.switch-row'],
    ]
    const findings: Finding[] = []
    const signedIn = await phone(mode, token)
    const page = await signedIn.newPage()
    await journey(page, `a11y-${mode}`, async () => {
      for (const [name, path, ready] of pages) {
        await visit(page, path, ready)
        if (mode === 'elder') expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true)
        findings.push(...(await audit(page, name)))
      }
    })
    await signedIn.close()

    const signedOut = await phone(mode, null)
    const signInPage = await signedOut.newPage()
    await journey(signInPage, `a11y-${mode}-sign-in`, async () => {
      await visit(signInPage, '/packages/me/pages/sign-in/index', '.sign-in-form__phone')
      findings.push(...(await audit(signInPage, '登录')))
    })
    await signedOut.close()

    expect(findings).toEqual([])
  }, 180000)
}

test('大字模式 makes body text ≥ 18px, figures ≥ 30px and tap targets ≥ 60px', async () => {
  const context = await phone('elder', null)
  const page = await context.newPage()
  const job = (await api('/jobs?limit=1')).items[0]
  await journey(page, 'a11y-elder-sizes', async () => {
    await visit(page, `/packages/jobs/pages/detail/index?id=${job.id}`, '.job-detail__title')
    const sizes = await page.evaluate(() => {
      const px = (sel: string, prop: 'fontSize' | 'height' | 'lineHeight') => {
        const el = document.querySelector(sel)
        return el ? parseFloat(getComputedStyle(el)[prop]) : NaN
      }
      const button = document.querySelector('.big-button')!.getBoundingClientRect().height
      const number = document.querySelector('.phone-call__number')!
      return {
        title: px('.job-detail__title', 'fontSize'),
        sectionTitle: px('.section__title', 'fontSize'),
        // One line: no taller than one line box.
        numberLines: number.getBoundingClientRect().height / parseFloat(getComputedStyle(number).lineHeight || '0'),
        body: px('.taro_page', 'fontSize'),
        line: px('.taro_page', 'lineHeight') / px('.taro_page', 'fontSize'),
        wage: Math.max(...[...document.querySelectorAll('[class*="wage"]')].map((e) => parseFloat(getComputedStyle(e).fontSize))),
        button,
      }
    })
    expect(sizes.body).toBeGreaterThanOrEqual(18)
    expect(sizes.line).toBeGreaterThanOrEqual(1.3)
    expect(sizes.wage).toBeGreaterThanOrEqual(30)
    expect(sizes.button).toBeGreaterThanOrEqual(60)
    // Titles never smaller than the text under them; the page's own title above its section titles.
    expect(sizes.sectionTitle).toBeGreaterThan(sizes.body)
    expect(sizes.title).toBeGreaterThan(sizes.sectionTitle)
    expect(sizes.numberLines).toBeLessThan(1.5)
  })
  await context.close()
}, 90000)

for (const [mode, least] of [['normal', 48], ['elder', 60]] as const) {
  test(`the tab bar's tabs are at least ${least}px tall (${mode}) and the tab page ends above them`, async () => {
    const context = await phone(mode, null)
    const page = await context.newPage()
    await journey(page, `a11y-tab-bar-${mode}`, async () => {
      await visit(page, '/pages/jobs/index', '.job-card')
      const sizes = await page.evaluate(() => {
        const tabs = [...document.querySelectorAll('.tab-bar a')].map((a) => a.getBoundingClientRect().height)
        const bar = document.querySelector('.tab-bar')!.getBoundingClientRect()
        const pageBox = document.querySelector('.taro_page.taro_tabbar_page')!.getBoundingClientRect()
        return { tabs, barTop: bar.top, pageBottom: pageBox.bottom }
      })
      expect(sizes.tabs).toHaveLength(5)
      for (const h of sizes.tabs) expect(h).toBeGreaterThanOrEqual(least)
      expect(sizes.pageBottom).toBeLessThanOrEqual(sizes.barTop + 1)
    })
    await context.close()
  }, 90000)
}

test('the keyboard alone presses a chip (Space) and opens a posting (Enter)', async () => {
  const context = await phone('normal', null)
  const page = await context.newPage()
  await journey(page, 'a11y-keyboard', async () => {
    await visit(page, '/pages/jobs/index', '.job-card')
    // A chip (role=button) pressed with Space becomes the chosen filter.
    const chip = page.locator('.chips [role="button"]').nth(1)
    expect(await chip.getAttribute('aria-pressed')).toBe('false')
    await chip.focus()
    await page.keyboard.press('Space')
    await page.waitForFunction((el) => el?.getAttribute('aria-pressed') === 'true', await chip.elementHandle(), { timeout: 10000 })
    await page.waitForLoadState('networkidle')
    // A posting card's link (role=link, beside its 打电话 button) opens with Enter.
    const card = page.locator('.job-card__open').first()
    const title = (await card.locator('.job-card__title').innerText()).trim()
    await card.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/packages\/jobs\/pages\/detail/, { timeout: 15000 })
    await page.locator('.job-detail__title', { hasText: title }).first().waitFor({ timeout: 15000 })
  })
  await context.close()
}, 90000)
