/**
 * 家门口就业 in the browser against the real server: a worker from 洛门镇 opens 家门口就业 from 找工作, taps 包吃 + 包住
 * + 日结 (a workshop without meals drops out), finds today's 零工 first and signs up for the day; the county centre ticks on the workbench that the worker came; the worker's
 * 记工 then shows the day, marked as confirmed by the county.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { privacyNoticeVersion } from '../../types'
import { serverApi } from './support/api'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()
const { call, signIn } = serverApi(() => e2e.server.baseUrl)

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const deskContext = () => e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })

async function workerContext(token: string): Promise<BrowserContext> {
  const context = await phoneContext(e2e.browser)
  await context.addInitScript(
    ([t, v]) => {
      if (!localStorage.getItem('wgt.session.token')) localStorage.setItem('wgt.session.token', JSON.stringify({ data: t }))
      localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v }))
    },
    [token, privacyNoticeVersion],
  )
  return context
}

async function staffSignIn(page: Page, username: string, password: string) {
  await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
  const agree = page.locator('.privacy-sheet__agree')
  if (await agree.waitFor({ timeout: 3000 }).then(() => true, () => false)) await agree.click()
  await page.locator('input.staff-sign-in-form__username, .staff-sign-in-form__username input').fill(username)
  await page.locator('input.staff-sign-in-form__password, .staff-sign-in-form__password input').fill(password)
  await page.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
  await page.locator('.wb-figures').waitFor()
}

test('a worker near 洛门镇 signs up for a 零工 day, staff confirm they came, and 记工 shows the day', async () => {
  const today = chinaToday()
  const admin = (await call('/staff/login', { method: 'POST', body: { username: 'admin', password: 'wgt-admin-2026' } })).body.token as string
  const stations = (await call('/stations?type=service_centre&limit=50')).body.items as { id: number; name: string }[]
  const centre = stations.find((s) => s.name === '武山县劳务输转服务中心')!
  const posting = await call('/staff/jobs', {
    method: 'POST',
    token: admin,
    key: 'e2e-local-posting',
    body: {
      title: '洛门镇蔬菜基地装车',
      employerName: '武山县洛门蔬菜合作社',
      employerPhone: '0938-3425617',
      trade: '普工',
      province: '甘肃省',
      city: '天水市',
      district: '武山县',
      address: '武山县洛门镇蔬菜批发市场',
      lat: 34.755,
      lng: 105.03,
      wageMinYuan: 150,
      wageMaxYuan: 150,
      wageUnit: 'day',
      meals: 'provided',
      housing: 'dorm',
      headcount: 10,
      expiresAt: '2099-12-31',
      sourceStationId: centre.id,
    },
  })
  expect(posting.status).toBe(201)
  // Near 洛门镇 too, but no meals: it leaves the list once the worker asks for 包吃.
  const workshop = await call('/staff/jobs', {
    method: 'POST',
    token: admin,
    key: 'e2e-local-workshop',
    body: {
      title: '洛门镇柳编帮扶车间',
      employerName: '武山县洛门柳编合作社',
      employerPhone: '0938-3425617',
      trade: '普工',
      province: '甘肃省',
      city: '天水市',
      district: '武山县',
      address: '武山县洛门镇柳编车间',
      lat: 34.754,
      lng: 105.026,
      wageMinYuan: 2400,
      wageMaxYuan: 2800,
      wageUnit: 'month',
      meals: 'none',
      housing: 'dorm',
      headcount: 5,
      expiresAt: '2099-12-31',
      sourceStationId: centre.id,
    },
  })
  expect(workshop.status).toBe(201)
  expect((await call(`/staff/jobs/${workshop.body.id}/kind`, { method: 'PUT', token: admin, body: { kind: 'workshop' } })).status).toBe(200)
  const jobId = posting.body.id
  expect((await call(`/staff/jobs/${jobId}/kind`, { method: 'PUT', token: admin, body: { kind: 'day_work' } })).status).toBe(200)
  const day = await call(`/staff/jobs/${jobId}/day-jobs`, { method: 'POST', token: admin, key: 'e2e-local-day', body: { date: today, place: '洛门镇蔬菜批发市场', headcount: 3, wageYuan: 150 } })
  expect(day.status).toBe(201)

  const token = await signIn('13900009901')
  expect((await call('/me', { method: 'PATCH', token, key: 'e2e-local-me', body: { name: '王秀兰', hometownTownship: '洛门镇' } })).status).toBe(200)
  const context = await workerContext(token)
  const page = await context.newPage()
  await journey(page, 'local-jobs-sign-up', async () => {
    await page.goto(`${e2e.server.baseUrl}/pages/jobs/index`)
    await page.getByText('家门口就业', { exact: true }).first().click()
    await page.getByText('您在哪个乡镇？').waitFor()
    const workshopCard = page.locator('.local-card', { hasText: '洛门镇柳编帮扶车间' })
    await workshopCard.waitFor()
    for (const ask of ['包吃', '包住', '日结']) {
      await page.locator('.local-jobs__ask-chip', { hasText: ask }).click()
      await page.locator('.local-jobs__ask-chip.chip--selected', { hasText: ask }).waitFor()
    }
    await workshopCard.waitFor({ state: 'detached' })
    const card = page.locator('.local-card').first()
    await card.getByText('洛门镇蔬菜基地装车').waitFor()
    await card.getByText('今天就能干').waitFor()
    await card.getByText(/离洛门镇不到 1 公里/).waitFor()
    await card.getByText('报名这天').click()
    await card.getByText('已报名这天，到时按时去').waitFor()
  })

  const desk = await deskContext()
  const staff = await desk.newPage()
  await journey(staff, 'local-jobs-attendance', async () => {
    await staffSignIn(staff, 'admin', 'wgt-admin-2026')
    await staff.goto(`${e2e.server.baseUrl}/packages/staff/pages/day-jobs/index`)
    await staff.getByText(`${today} · 洛门镇蔬菜基地装车`).click()
    await staff.locator('.day-jobs__mark', { hasText: '来了' }).first().click()
    await staff.getByText('确认到岗').click()
    await staff.getByText('来了（已记入记工）').waitFor()
  })

  await journey(page, 'local-jobs-worklog', async () => {
    await page.goto(`${e2e.server.baseUrl}/packages/worklog/pages/index/index`)
    await page.getByText(/（县里确认到岗）/).waitFor()
  })
  const month = (await call(`/me/worklog?month=${today.slice(0, 7)}`, { token })).body
  expect(month.entries).toEqual([expect.objectContaining({ date: today, days: 1, rateFen: 15000, countyConfirmed: true })])
  await desk.close()
  await context.close()
}, 180000)
