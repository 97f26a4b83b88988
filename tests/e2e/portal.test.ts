import type { Page } from 'playwright-core'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()

async function api<T>(path: string): Promise<T> {
  const res = await fetch(e2e.server.baseUrl + path)
  expect(res.ok).toBe(true)
  return (await res.json()) as T
}

async function openPhone(path = '/'): Promise<Page> {
  const context = await phoneContext(e2e.browser)
  const page = await context.newPage()
  await page.goto(e2e.server.baseUrl + path)
  return page
}

test('the home tab shows the tab bar and seeded postings from the real server', async () => {
  const { items } = await api<{ items: Array<{ title: string; wageMinYuan: number }> }>('/api/jobs?limit=5')
  expect(items.length).toBeGreaterThan(0)
  const page = await openPhone('/')
  await journey(page, 'home', async () => {
    const tabBar = page.locator('.tab-bar')
    for (const label of ['找工作', '培训', '维权', '找组织', '我的']) {
      await tabBar.getByText(label, { exact: true }).waitFor()
    }
    await page.getByText(items[0].title).first().waitFor()
    await expect(page.getByText(String(items[0].wageMinYuan), { exact: false }).first().isVisible()).resolves.toBe(true)
    await page.getByText('示例').first().waitFor()
  })
  await page.context().close()
})

test('the 找组织 tab lists the county Party branches', async () => {
  const page = await openPhone('/')
  await journey(page, 'stations-tab', async () => {
    await page.locator('.tab-bar').getByText('找组织', { exact: true }).click()
    await page.getByText(/无锡流动党员党支部/).first().waitFor()
    await page.getByText(/乌鲁木齐流动党员党支部/).first().waitFor()
  })
  await page.context().close()
})

test('a deep link to a job detail opens that posting (browser-history route)', async () => {
  const { items } = await api<{ items: Array<{ id: number; title: string }> }>('/api/jobs?limit=1')
  const page = await openPhone(`/packages/jobs/pages/detail/index?id=${items[0].id}`)
  await journey(page, 'job-detail-deep-link', async () => {
    await page.getByText(items[0].title).first().waitFor()
    await page.getByText('正规招聘不收取任何费用', { exact: false }).first().waitFor()
  })
  await page.context().close()
})

test('the portal runs under its content security policy: nothing refused; its rem follows the screen without a script', async () => {
  const context = await phoneContext(e2e.browser)
  const page = await context.newPage()
  const refused: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text())
  })
  const res = await page.goto(e2e.server.baseUrl + '/')
  expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  await journey(page, 'csp', async () => {
    await page.locator('.tab-bar').getByText('找工作', { exact: true }).waitFor()
    await page.locator('.tab-bar').getByText('我的', { exact: true }).click()
    await page.locator('.tab-bar').getByText('维权', { exact: true }).click()
    await page.waitForTimeout(500)
    // 40px per 750 design px of the width, between 20px and 40px (src/index.html): 390 px wide gives 20.8px.
    const rem = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
    expect(await rem()).toBeCloseTo((390 * 40) / 750, 1)
    await page.setViewportSize({ width: 1280, height: 800 })
    expect(await rem()).toBe(40)
    await page.setViewportSize({ width: 320, height: 640 })
    expect(await rem()).toBe(20)
  })
  expect(refused).toEqual([])
  await context.close()
})
