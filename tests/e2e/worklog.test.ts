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

test('ten days logged offline, sent once online, one payment, a complaint filled in with what is owed; staff see the evidence sheet', async () => {
  const token = await signIn('13900008803')
  const employer = await api('/me/worklog/employers', { method: 'POST', token, key: 'e2e-worklog-complaint', body: { name: '赵老板', site: '锡山区工业园工地', dayRateFen: 28000 } })
  expect(employer.status).toBe(201)
  const context = await signedInContext(token)
  const page = await context.newPage()
  // Last month: ten days whatever today's date is.
  const last = (() => {
    const [y, m] = chinaToday().split('-').map(Number)
    const d = new Date(Date.UTC(y, m - 2, 1))
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  })()
  const lastMonth = Number(last.slice(5))

  await journey(page, 'worklog-ten-days-offline', async () => {
    await page.goto(`${e2e.server.baseUrl}/packages/worklog/pages/index/index`)
    await page.getByText('今天在“赵老板”').waitFor()
    // Opened once with a network, so the month is on the phone.
    await page.getByLabel('上个月').click()
    await page.locator('.month-calendar__day[aria-label="3日"]').waitFor()
    await context.setOffline(true)
    for (let d = 3; d <= 12; d++) {
      await page.locator(`.month-calendar__day[aria-label^="${d}日"]`).click()
      await page.getByText(`${lastMonth}月${d}日干了一天`).click()
      await page.locator(`[aria-label="${d}日，1天，待发送"]`).waitFor({ timeout: 20000 })
    }
    await page.locator('.outbox-banner').getByText('待发送 10 条').waitFor({ timeout: 20000 })
  })
  expect((await api(`/me/worklog?month=${last}`, { token })).body.entries).toHaveLength(0)

  await context.setOffline(false)
  await journey(page, 'worklog-ten-days-sent', async () => {
    await page.waitForFunction(() => {
      const raw = localStorage.getItem('wgt.outbox')
      const entries = raw ? (JSON.parse(raw) as { data?: unknown[] }).data : []
      return Array.isArray(entries) && entries.length === 0
    }, undefined, { timeout: 60000 })
    await page.locator('[aria-label="12日，1天"]').waitFor({ timeout: 20000 })
  })
  const entries = (await api(`/me/worklog?month=${last}`, { token })).body.entries
  expect(entries).toHaveLength(10)

  // 10 × 280 = 2800, 800 paid: 2000 owed.
  await journey(page, 'worklog-payment-and-complaint', async () => {
    await page.getByText('赵老板：欠我多少钱').click()
    await page.locator('.owed-card__figure').getByText('2800元').waitFor()
    await page.getByText('老板给了钱，记一笔').click()
    await field(page, '给了多少钱（元）').fill('800')
    await page.locator('.chip').getByText('现金').click()
    await page.locator('.big-button').getByText('记下这笔钱').click()
    await page.locator('.owed-card__figure').getByText('2000元').waitFor()
    await page.getByText('工钱没结？去维权').click()

    await page.getByText('第 1 步，共 5 步').waitFor()
    await page.locator('.request-form__actions .big-button').click()
    await page.getByText('第 2 步，共 5 步').waitFor()
    expect(await page.locator('input.request-form__employer, .request-form__employer input').inputValue()).toBe('赵老板')
    await page.locator('.chip').filter({ hasText: '无锡市' }).click()
    await page.locator('.request-form__actions .big-button').click()
    await page.getByText('第 3 步，共 5 步').waitFor()
    expect(await page.locator('input.request-form__amount, .request-form__amount input').inputValue()).toBe('2000')
    expect(await page.locator('input.request-form__workers, .request-form__workers input').inputValue()).toBe('1')
    await page.locator('.request-form__actions .big-button').click()
    await page.getByText('第 4 步，共 5 步').waitFor()
    await page.locator('.request-form__actions .big-button').click()
    await page.getByText('提交求助').click()
    await page.locator('.rights-done__number').waitFor()
  })
  const trackingNo = (await page.locator('.rights-done__number').textContent())!.trim()
  await context.close()

  // A desk computer at the station.
  const staffContext = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const staffPage = await staffContext.newPage()
  await journey(staffPage, 'worklog-staff-evidence', async () => {
    await staffPage.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
    const agree = staffPage.locator('.privacy-sheet__agree')
    if (await agree.waitFor({ timeout: 3000 }).then(() => true, () => false)) await agree.click()
    await staffPage.locator('input.staff-sign-in-form__username, .staff-sign-in-form__username input').fill('admin')
    await staffPage.locator('input.staff-sign-in-form__password, .staff-sign-in-form__password input').fill('wgt-admin-2026')
    await staffPage.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
    await staffPage.locator('.wb-figures').waitFor()
    await staffPage.goto(`${e2e.server.baseUrl}/packages/staff/pages/case/index?no=${encodeURIComponent(trackingNo)}`)
    await staffPage.getByText('记工证据单：赵老板', { exact: true }).waitFor({ timeout: 20000 })
    await staffPage.getByText(`${last}-03`).first().waitFor()
    await staffPage.getByText(`${last}-12`).first().waitFor()
  })
  await staffContext.close()
}, 300000)

test('a co-worker opens the site code from the link, joins, logs a day; neither sees the days of the other', async () => {
  const aToken = await signIn('13900008804')
  const bToken = await signIn('13900008805')
  const employer = await api('/me/worklog/employers', { method: 'POST', token: aToken, key: 'e2e-worklog-site', body: { name: '钱老板', site: '滨湖区花园工地', dayRateFen: 30000 } })
  const aDay = await api('/me/worklog/days', { method: 'POST', token: aToken, key: 'e2e-worklog-site-day', body: { employerId: employer.body.id, date: chinaToday(), kind: 'day_work', days: 1, note: '甲的备注' } })
  expect(aDay.status).toBe(200)
  const shared = await api(`/me/worklog/employers/${employer.body.id}/site`, { method: 'POST', token: aToken })
  expect(shared.body.code).toMatch(/^[A-Z2-9]{8}$/)

  const context = await signedInContext(bToken)
  const page = await context.newPage()
  const today = chinaToday()
  await journey(page, 'worklog-join-site', async () => {
    await page.goto(`${e2e.server.baseUrl}${shared.body.path}`)
    await page.getByText('钱老板', { exact: true }).waitFor()
    await page.getByText('说好的工钱：每天300元').waitFor()
    await page.getByText('加入，记我自己的工').click()
    await page.getByText('今天在“钱老板”').waitFor()
    await page.getByText('今天干了一天').click()
    await page.locator(`[aria-label="${Number(today.slice(8))}日，1天"]`).waitFor()
  })
  await context.close()

  const bMonth = (await api(`/me/worklog?month=${today.slice(0, 7)}`, { token: bToken })).body
  expect(bMonth.employers).toEqual([expect.objectContaining({ name: '钱老板', site: '滨湖区花园工地', dayRateFen: 30000 })])
  expect(bMonth.entries).toEqual([expect.objectContaining({ date: today, days: 1, note: '' })])
  expect((await api(`/me/worklog?month=${today.slice(0, 7)}`, { token: aToken })).body.entries).toEqual([expect.objectContaining({ note: '甲的备注' })])
  expect((await api(`/me/worklog/employers/${employer.body.id}`, { token: bToken })).status).toBe(404)
  // A's complaint speaks for two workers now.
  expect((await api(`/me/worklog/employers/${employer.body.id}/complaint-draft`, { token: aToken })).body.workersAffected).toBe(2)
}, 150000)
