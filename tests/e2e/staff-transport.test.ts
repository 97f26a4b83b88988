/**
 * The staff side of 点对点 transport and policy answers, in the browser against the real server: a station officer
 * schedules a batch on the workbench, a worker takes a seat, the officer finds the rider on the manifest, downloads it
 * as CSV and marks the batch departed, and the workbench figures count the rider by destination province. Then an
 * admin publishes a policy article and a worker finds it with a Chinese search.
 */
import { readFileSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { serverApi } from './support/api'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()
const { call, signIn } = serverApi(() => e2e.server.baseUrl)

/** A desk computer: the workbench's wide layout. */
const deskContext = () => e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })

async function staffSignIn(page: Page, username: string, password: string) {
  await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
  const agree = page.locator('.privacy-sheet__agree')
  if (await agree.waitFor({ timeout: 3000 }).then(() => true, () => false)) await agree.click()
  await page.locator('input.staff-sign-in-form__username, .staff-sign-in-form__username input').fill(username)
  await page.locator('input.staff-sign-in-form__password, .staff-sign-in-form__password input').fill(password)
  await page.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
  await page.locator('.wb-figures').waitFor()
}

/** The China date `days` from now, as the form takes it. */
const chinaDateIn = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)

test('a station schedules a batch, sees the rider on the manifest, marks it departed and the figures count the rider', async () => {
  const context: BrowserContext = await deskContext()
  const page = await context.newPage()
  let batchId = 0
  let token = ''
  const phone = '13790002001'
  await journey(page, 'staff-transport', async () => {
    await staffSignIn(page, 'kunshan', 'wgt-kunshan-2026')
    await page.locator('.wb-nav__item').getByText('点对点专车').click()
    await page.locator('.staff-batches__new').click()

    // The form: a wrong date is caught by the field before anything is sent.
    await page.locator('input.staff-batch__departDate, .staff-batch__departDate input').fill('2026/3/20')
    await page.locator('.staff-batch__save').click()
    await page.getByText('发车日期请按 2026-03-20 的格式填写').waitFor()

    await page.locator('input.staff-batch__departDate, .staff-batch__departDate input').fill(chinaDateIn(3))
    await page.locator('input.staff-batch__departTime, .staff-batch__departTime input').fill('08:00')
    await page.locator('.staff-batch__form .chip', { hasText: '鸳鸯镇' }).click()
    await page.locator('input.staff-batch__meetingPoint, .staff-batch__meetingPoint input').fill('鸳鸯镇政府门前广场')
    await page.locator('input.staff-batch__destinationProvince, .staff-batch__destinationProvince input').fill('浙江省')
    await page.locator('input.staff-batch__destinationCity, .staff-batch__destinationCity input').fill('宁波市')
    await page.locator('input.staff-batch__employer, .staff-batch__employer input').fill('宁波舜宇光电')
    await page.locator('.staff-batch__form .chip', { hasText: '专车' }).click()
    await page.locator('input.staff-batch__seats, .staff-batch__seats input').fill('30')
    await page.locator('.staff-batch__save').click()

    // The new batch's own page, with nobody on it yet.
    await page.locator('.staff-batch__facts').getByText('鸳鸯镇 → 宁波市 专车').waitFor()
    await page.getByText('还没有人报名').waitFor()
    batchId = Number(new URL(page.url()).searchParams.get('id'))
    expect(batchId).toBeGreaterThan(0)

    // A worker takes a seat (the worker's side of this is services.test.ts).
    token = await signIn(phone)
    expect((await call('/me', { method: 'PATCH', token, key: `e2e-profile-${Date.now()}`, body: { name: '王小红', hometownTownship: '鸳鸯镇' } })).status).toBe(200)
    const seat = await call(`/transport-batches/${batchId}/signups`, { method: 'POST', token, key: `e2e-seat-${Date.now()}` })
    expect(seat.status).toBe(201)

    // The manifest: the rider, the phone masked for station staff.
    await page.reload()
    const rider = page.locator('.staff-batch__rider', { hasText: '王小红' })
    await rider.waitFor()
    await rider.getByText('137****2001').waitFor()
    await page.getByText('已报名 1 人，共 30 个座位').waitFor()

    // The CSV comes down through the browser, as the ledgers do.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.staff-batch__export').click()])
    expect(download.suggestedFilename()).toMatch(/^乘车名单-宁波市-\d{4}-\d{2}-\d{2}-\d+\.csv$/)
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('序号,姓名,手机号,家乡乡镇,报名时间')
    expect(csv).toContain('1,王小红,137****2001,鸳鸯镇,')

    // Departed, after confirming.
    await page.locator('.staff-batch__depart').click()
    const dialog = page.getByRole('dialog', { name: '确定这趟车已经发车了吗？' })
    await dialog.getByText('车上 1 人会计入输出人数', { exact: false }).waitFor()
    await dialog.locator('.big-button', { hasText: '确定已发车' }).click()
    await page.getByText('已标记发车，1 人计入输出人数').waitFor()
    await page.locator('.staff-batch__status').getByText('已发车').waitFor()
    expect(await page.locator('.staff-batch__cancel').count()).toBe(0)

    // The list shows it departed; the workbench figures count the rider in 浙江省.
    await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/batches/index`)
    await page.locator('.staff-batches__item', { hasText: '鸳鸯镇 → 宁波市 专车' }).getByText('已发车').waitFor()
    await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
    await page.getByText('浙江省：本月 1 人，今年 1 人').waitFor()
  })
  await context.close()

  const mine = await call('/me/transport-signups', { token })
  expect(mine.body.items[0]).toMatchObject({ batchId, status: 'active', batch: { status: 'departed' } })
})

test('an admin publishes a policy article and a worker finds it by a Chinese search', async () => {
  const title = '外出务工交通补贴怎么领？'
  const staff = await deskContext()
  const desk = await staff.newPage()
  await journey(desk, 'staff-policy', async () => {
    await staffSignIn(desk, 'admin', 'wgt-admin-2026')
    await desk.locator('.wb-nav__item').getByText('政策解读').click()
    await desk.locator('.staff-policies__new').click()
    await desk.locator('.staff-policy__form .chip', { hasText: '就业补贴' }).click()
    await desk.locator('input.staff-policy__title, .staff-policy__title input').fill(title)
    await desk.locator('textarea.staff-policy__summary, .staff-policy__summary textarea').fill('跟县里专车外出务工的，凭车票可以领一次性交通补贴')
    await desk.locator('textarea.staff-policy__body, .staff-policy__body textarea').fill('到户籍所在乡镇劳务工作站登记，带身份证和车票，每人每年补一次。')
    await desk.locator('input.staff-policy__source, .staff-policy__source input').fill('武山县人社局')
    await desk.locator('.staff-policy__save').click()
    // Published: the page becomes the article's edit page.
    await desk.getByText('看看务工人员看到的样子', { exact: false }).waitFor()
  })
  await staff.close()

  const context = await phoneContext(e2e.browser)
  const page = await context.newPage()
  await journey(page, 'worker-policy-search', async () => {
    await page.goto(`${e2e.server.baseUrl}/packages/policies/pages/index/index`)
    const agree = page.locator('.privacy-sheet__agree')
    if (await agree.waitFor({ timeout: 3000 }).then(() => true, () => false)) await agree.click()
    await page.locator('input.search-box__input, .search-box__input input').fill('交通补贴')
    await page.locator('.search-box__button').click({ force: true })
    await page.getByText('“交通补贴”的搜索结果').waitFor()
    const card = page.locator('.policy-card', { hasText: title })
    await card.waitFor()
    await card.click({ force: true })
    await page.getByText('带身份证和车票', { exact: false }).first().waitFor()
  })
  await context.close()
})
