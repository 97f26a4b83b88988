import type { BrowserContext, Page } from 'playwright-core'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()

async function openStationsTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto(e2e.server.baseUrl + '/')
  // First launch: the privacy notice sheet comes first, as for any new phone.
  await page.locator('.privacy-sheet__agree').click()
  await page.getByText('您的信息怎么用').waitFor({ state: 'detached' })
  await page.locator('.tab-bar').getByText('找组织', { exact: true }).click()
  await page.getByText('用我的位置找最近的').first().waitFor()
  return page
}

const firstCard = (page: Page) => page.locator('.station-card').first()

/**
 * On this tab Playwright's hit-target check reports the pull-to-refresh wrapper as covering every button, though
 * document.elementFromPoint at the button's centre is the button itself; a forced click still presses at that point.
 */
const tap = { force: true } as const

test('with the phone in 无锡 (browser WGS-84), the 无锡 branch comes first with its distance', async () => {
  // 无锡 city centre as a phone's GPS reports it (WGS-84); the page converts it to GCJ-02.
  const context = await phoneContext(e2e.browser, { geolocation: { latitude: 31.5689, longitude: 120.2991 }, permissions: ['geolocation'] })
  const page = await openStationsTab(context)
  await journey(page, 'stations-geolocation', async () => {
    await page.locator('.stations-page__locate .big-button').click(tap)
    await page.getByText('按离您的远近排列').waitFor()
    await expect(firstCard(page).locator('.station-card__name').textContent()).resolves.toBe('武山县驻江苏无锡流动党员党支部')
    await expect(firstCard(page).getByText(/距您约 \d+(\.\d)? 公里|距您约 \d+ 米/).textContent()).resolves.toMatch(/^距您约 (\d+\.\d 公里|\d+ 米)$/)
    // The detail offers a real tel: link on H5 and the branch's registration.
    await firstCard(page).locator('.station-card__main').click(tap)
    const call = page.locator('a.phone-call')
    await call.waitFor()
    await expect(call.getAttribute('href')).resolves.toMatch(/^tel:[\d+]+$/)
    await page.getByText('登录后登记为本支部流动党员').waitFor()
  })
  await context.close()
})

test('without location permission the city picker appears; choosing 乌鲁木齐 puts its branch first and is remembered', async () => {
  const context = await phoneContext(e2e.browser)
  const page = await openStationsTab(context)
  await journey(page, 'stations-city-picker', async () => {
    await page.locator('.stations-page__locate .big-button').click(tap)
    await page.getByText('没有拿到您的位置').waitFor()
    await page.locator('.city-picker__city', { hasText: '乌鲁木齐' }).click(tap)
    await page.getByText('按离乌鲁木齐市的远近排列').waitFor()
    await expect(firstCard(page).locator('.station-card__name').textContent()).resolves.toBe('武山县驻新疆乌鲁木齐流动党员党支部')
    await firstCard(page).getByText(/距乌鲁木齐市约/).waitFor()
    // Opening the tab again on this phone uses the chosen city without asking.
    await page.reload()
    await page.getByText('按离乌鲁木齐市的远近排列').waitFor()
    await expect(firstCard(page).locator('.station-card__name').textContent()).resolves.toBe('武山县驻新疆乌鲁木齐流动党员党支部')
  })
  await context.close()
})
