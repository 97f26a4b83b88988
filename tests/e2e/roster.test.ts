/**
 * The county's figures tie to its people, in the browser against the real server: an administrator opens 劳务输转统计,
 * taps the 江苏省 row, and the people list shows exactly the people that row counts (not the one in 浙江省, not the
 * one at home), then opens one of them and their household.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { serverApi } from './support/api'
import { journey } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()
const { call } = serverApi(() => e2e.server.baseUrl)

const deskContext = () => e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })

async function staffSignIn(page: Page, username: string, password: string) {
  await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
  const agree = page.locator('.privacy-sheet__agree')
  if (await agree.waitFor({ timeout: 3000 }).then(() => true, () => false)) await agree.click()
  await page.locator('input.staff-sign-in-form__username, .staff-sign-in-form__username input').fill(username)
  await page.locator('input.staff-sign-in-form__password, .staff-sign-in-form__password input').fill(password)
  await page.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
  await page.locator('.wb-figures').waitFor()
}

test('an administrator opens the figures, taps 江苏省 and sees exactly those people', async () => {
  const admin = await call('/staff/login', { method: 'POST', body: { username: 'admin', password: 'wgt-admin-2026' } })
  expect(admin.status).toBe(200)
  const as = { token: admin.body.token as string }
  const villages = (await call(`/staff/villages?township=${encodeURIComponent('滩歌镇')}`, as)).body.items as { id: number }[]
  const place = { township: '滩歌镇', villageId: villages[0].id, poverty: 'general' }
  const add = async (key: string, body: Record<string, unknown>) => {
    const res = await call('/staff/people', { ...as, method: 'POST', key: `e2e-roster-${key}-${Date.now()}`, body: { ...place, ...body } })
    expect(res.status).toBe(201)
    return res.body as { id: number; householdId: number }
  }
  const head = await add('head', { name: '杨建军', idNumber: '620524198801011237', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市', howWent: { kind: 'self' } })
  await add('spouse', { name: '杨秀兰', idNumber: '620524199003150026', householdId: head.householdId, relation: 'spouse', status: 'away_other_province', destinationProvince: '浙江省' })
  await add('child', { name: '杨小军', idNumber: '620524201006010010', householdId: head.householdId, relation: 'child', status: 'in_school' })

  const context: BrowserContext = await deskContext()
  const page = await context.newPage()
  await journey(page, 'roster-figures', async () => {
    await staffSignIn(page, 'admin', 'wgt-admin-2026')
    await page.locator('.wb-nav__item').getByText('输转统计').click()
    await page.getByText('按去向省份').waitFor()
    await page.locator('.roster-figures .chip', { hasText: '滩歌镇' }).click()
    const row = page.locator('.roster-figure-row', { hasText: '外出务工 江苏省 1 ›' })
    await row.waitFor()
    await row.locator('.roster-figure-row__name').click()

    // The people list, narrowed to exactly that row: 江苏省, 滩歌镇, the row's day.
    await page.getByText(/正在看：外出务工 · 江苏省 · 滩歌镇/).waitFor()
    await page.getByText(/^共 1 人（截至 \d{4}-\d{2}-\d{2}）$/).waitFor()
    await page.getByText('杨建军 ›').waitFor()
    expect(await page.getByText('杨秀兰 ›').count()).toBe(0)
    expect(await page.getByText('杨小军 ›').count()).toBe(0)

    // The person, and the household linking to the others.
    await page.getByText('杨建军 ›').click()
    await page.getByText('家庭成员（共 3 人）').waitFor()
    await page.getByText('配偶：杨秀兰 ›').click()
    await page.getByText('目前状态：外出务工（省外） · 浙江省').waitFor()
  })
  await context.close()
})
