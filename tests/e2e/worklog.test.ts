import { privacyNoticeVersion } from '../../types'
import type { BrowserContext, Page } from 'playwright-core'
import { journey, phoneContext } from './support/browser'
import { serverApi } from './support/api'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()
const { call: api, signIn } = serverApi(() => e2e.server.baseUrl)

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

async function signedInContext(token: string): Promise<BrowserContext> {
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

const field = (page: Page, label: string) => page.locator('.form-field', { has: page.locator('.form-field__label', { hasText: new RegExp(`^${label}$`) }) }).locator('input')
const day = (page: Page, date: string) => page.locator(`.month-calendar__day[aria-label^="${Number(date.slice(8))}日"]`)

test('from 我的 to 记工: add the boss, log today and a half day, see what is owed, record a payment', async () => {
  const token = await signIn('13900008801')
  const context = await signedInContext(token)
  const page = await context.newPage()
  const today = chinaToday()
  const firstOfMonth = `${today.slice(0, 7)}-01`
  const halfDay = today !== firstOfMonth

  await journey(page, 'worklog-first-day', async () => {
    await page.goto(`${e2e.server.baseUrl}/pages/me/index`)
    await page.getByText('记工', { exact: true }).click()
    await page.getByText('先记下在哪干活').waitFor()
    await page.locator('.big-button').getByText('添加老板或工地').click()
    await field(page, '老板或工地').fill('李老板')
    await field(page, '一天多少钱（元）').fill('300')
    await field(page, '加班一小时多少钱（元）').fill('50')
    await page.locator('.big-button').getByText('保存').click()
    await page.getByText('今天在“李老板”').waitFor()
    await page.getByText('今天干了一天').click()
    await day(page, today).and(page.locator('.month-calendar__day--logged')).waitFor()
    await page.getByText('加班2小时').click()
    await page.locator(`[aria-label="${Number(today.slice(8))}日，1天+2"]`).waitFor()
    if (halfDay) {
      await day(page, firstOfMonth).click()
      await page.getByText('干了半天').click()
      await page.locator('[aria-label="1日，半天"]').waitFor()
    }
  })

  // 300 + 2 × 50 today, and 150 for the half day.
  const owed = halfDay ? '550元' : '400元'
  await journey(page, 'worklog-owed', async () => {
    await page.getByText('李老板：欠我多少钱').click()
    await page.getByText('李老板欠我多少钱').waitFor()
    await page.locator('.owed-card__figure').getByText(owed).waitFor()
    await page.getByText(`还欠您 ${owed}`).waitFor()
    await page.getByText('老板给了钱，记一笔').click()
    await field(page, '给了多少钱（元）').fill('200')
    await page.locator('.chip').getByText('现金').click()
    await page.locator('.big-button').getByText('记下这笔钱').click()
    await page.locator('.owed-card__figure').getByText(halfDay ? '350元' : '200元').waitFor()
    await page.getByText('老板已经给了 200元（1次）').waitFor()
  })

  const summary = (await api('/me/worklog/summary', { token })).body.employers[0].total
  expect(summary).toMatchObject({ days: halfDay ? 1.5 : 1, overtimeHours: 2, paidFen: 20000, owedFen: halfDay ? 35000 : 20000 })
  await context.close()
}, 150000)

test('days logged without a network are kept on the phone and recorded once when it returns', async () => {
  const token = await signIn('13900008802')
  const employer = await api('/me/worklog/employers', { method: 'POST', token, key: 'e2e-worklog-employer', body: { name: '王工头', dayRateFen: 28000 } })
  expect(employer.status).toBe(201)
  const context = await signedInContext(token)
  const page = await context.newPage()
  const today = chinaToday()

  await journey(page, 'worklog-offline', async () => {
    await page.goto(`${e2e.server.baseUrl}/packages/worklog/pages/index/index`)
    await page.getByText('今天在“王工头”').waitFor()
    await context.setOffline(true)
    await page.getByText('今天干了一天').click()
    await page.locator('.outbox-banner').getByText('待发送 1 条').waitFor({ timeout: 20000 })
    await page.locator(`[aria-label="${Number(today.slice(8))}日，1天，待发送"]`).waitFor()
  })
  expect((await api(`/me/worklog?month=${today.slice(0, 7)}`, { token })).body.entries).toHaveLength(0)

  await context.setOffline(false)
  await journey(page, 'worklog-back-online', async () => {
    await page.waitForFunction(() => {
      const raw = localStorage.getItem('wgt.outbox')
      const entries = raw ? (JSON.parse(raw) as { data?: unknown[] }).data : []
      return Array.isArray(entries) && entries.length === 0
    }, undefined, { timeout: 40000 })
    await page.locator(`[aria-label="${Number(today.slice(8))}日，1天"]`).waitFor({ timeout: 20000 })
  })
  const entries = (await api(`/me/worklog?month=${today.slice(0, 7)}`, { token })).body.entries
  expect(entries).toHaveLength(1)
  expect(entries[0]).toMatchObject({ date: today, days: 1, onTheDay: true })
  await context.close()
}, 150000)
