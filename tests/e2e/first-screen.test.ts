import type { BrowserContext } from 'playwright-core'
import { privacyNoticeVersion } from '../../types'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()

async function phone(elder: boolean, viewport = { width: 390, height: 844 }): Promise<BrowserContext> {
  const context = await phoneContext(e2e.browser, { viewport })
  await context.addInitScript(
    ([v, e]) => {
      localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v }))
      localStorage.setItem('wgt.elder-mode', JSON.stringify({ data: e ? '1' : '0' }))
    },
    [privacyNoticeVersion, elder] as const,
  )
  return context
}

/** How many job cards show above the tab bar on the first screen (a card cut off counts by the part showing). */
async function cardsOnFirstScreen(context: BrowserContext, name: string): Promise<number> {
  const page = await context.newPage()
  let cards = 0
  await journey(page, name, async () => {
    await page.goto(`${e2e.server.baseUrl}/pages/jobs/index`)
    await page.locator('.job-card').nth(2).waitFor()
    await page.waitForLoadState('networkidle')
    cards = await page.evaluate(() => {
      const bottom = document.querySelector('.tab-bar')!.getBoundingClientRect().top
      return [...document.querySelectorAll('.job-card')]
        .map((c) => c.getBoundingClientRect())
        .reduce((n, r) => n + Math.max(0, Math.min(1, (bottom - r.top) / r.height)), 0)
    })
  })
  return cards
}

// Since a card answers the worker's questions (how paid, hours, meals, housing, age, who and their record), it is taller:
// the floors below are what that card gives, with its unknowns left off and the posting time on the place's line.
test('大字模式: the job tab shows at least one and a fifth postings on a 390×844 phone, and one on 360×740', async () => {
  const tall = await phone(true)
  expect(await cardsOnFirstScreen(tall, 'first-screen-elder')).toBeGreaterThanOrEqual(1.2)
  await tall.close()
  const small = await phone(true, { width: 360, height: 740 })
  const smallCards = await cardsOnFirstScreen(small, 'first-screen-elder-small')
  expect(smallCards).toBeGreaterThanOrEqual(1)
  await small.close()
}, 90000)

test('normal size: the job tab shows at least two postings', async () => {
  const context = await phone(false)
  expect(await cardsOnFirstScreen(context, 'first-screen-normal')).toBeGreaterThanOrEqual(2)
  await context.close()
}, 60000)

test('each tab has its picture above its word, filled on the open tab', async () => {
  const context = await phone(false)
  const page = await context.newPage()
  await journey(page, 'tab-pictures', async () => {
    await page.goto(`${e2e.server.baseUrl}/pages/jobs/index`)
    // The drawn first screen carries a copy of the tab bar until the app's own is drawn.
    await page.locator('#first-screen').waitFor({ state: 'detached' })
    await page.locator('.tab-bar').waitFor()
    const tabs = await page.evaluate(() =>
      [...document.querySelectorAll('.tab-bar a')].map((a) => {
        const icon = a.querySelector('svg.tab-bar__icon')!.getBoundingClientRect()
        const word = a.querySelector('.tab-bar__text')!.getBoundingClientRect()
        const body = a.querySelector('.tab-bar__icon-body path')!
        return { word: a.textContent, above: icon.bottom <= word.top + 1, size: icon.width, fill: getComputedStyle(body).fill }
      }),
    )
    expect(tabs.map((t) => t.word)).toEqual(['找工作', '培训', '维权', '找组织', '我的'])
    for (const t of tabs) {
      expect(t.above).toBe(true)
      expect(t.size).toBeGreaterThanOrEqual(20)
    }
    expect(tabs[0].fill).toBe('rgb(21, 88, 176)')
    expect(tabs.slice(1).every((t) => t.fill === 'none')).toBe(true)
  })
  await context.close()
}, 60000)
