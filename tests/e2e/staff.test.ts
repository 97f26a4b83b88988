/**
 * Staff workbench journey: a worker asks for help (through the API), a station officer signs in on the wide
 * portal, opens the queue, finds the case by the last four digits of the worker's phone, accepts it with a note for
 * the worker; the worker then reads 已受理 and the note.
 * And an officer whose password an admin reset signs in with the one-time password and changes it first.
 */
import { journey } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()

const json = { 'content-type': 'application/json' }

async function workerSignIn(phone: string): Promise<string> {
  await fetch(`${e2e.server.baseUrl}/api/auth/sms-code`, { method: 'POST', headers: json, body: JSON.stringify({ phone }) })
  const { items } = (await (await fetch(`${e2e.server.baseUrl}/api/dev/sms-outbox?phone=${phone}`)).json()) as { items: { code: string }[] }
  const res = await fetch(`${e2e.server.baseUrl}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ phone, code: items[0].code }) })
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

test('staff find a case by the phone’s last four digits and accept it with a note the worker then reads', async () => {
  const token = await workerSignIn('13800007001')
  const created = await fetch(`${e2e.server.baseUrl}/api/rights-requests`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}`, 'idempotency-key': `e2e-staff-case-${Date.now()}` },
    body: JSON.stringify({
      category: 'unpaid_wages',
      description: '在昆山电子厂干了两个月，工资一直没发。',
      employerName: '昆山某电子厂',
      workCity: '昆山市',
      workAddress: '昆山开发区',
      workedFrom: '2025-11',
      amountOwedYuan: 9000,
    }),
  })
  expect(created.status).toBe(201)
  const { trackingNo } = (await created.json()) as { trackingNo: string }
  const note = '已收到，明天上午给老板打电话。'

  // A desk computer: the wide layout.
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  await journey(page, 'staff-workbench', async () => {
    await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
    const agree = page.locator('.privacy-sheet__agree')
    if (await agree.waitFor({ timeout: 3000 }).then(() => true, () => false)) await agree.click()
    await page.locator('input.staff-sign-in-form__username, .staff-sign-in-form__username input').fill('kunshan')
    await page.locator('input.staff-sign-in-form__password, .staff-sign-in-form__password input').fill('wgt-kunshan-2026')
    await page.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
    await page.locator('.wb-figures').waitFor()
    await page.locator('.wb-nav__item').getByText('求助案件').click()
    const item = page.locator('.case-queue__item').filter({ hasText: trackingNo })
    await item.waitFor()
    // The table header and the menu beside it show on a wide screen.
    expect(await page.locator('.wb-table__head').first().isVisible()).toBe(true)
    expect(await page.locator('.staff-shell__menu').isVisible()).toBe(true)
    // The worker reads out the last four digits of the phone: that finds the case, and only it.
    await page.locator('.search-box__input input, input.search-box__input').fill('7001')
    await page.locator('.search-box__button').click()
    await page.waitForFunction(() => document.querySelectorAll('.case-queue__item').length === 1)
    expect(await item.locator('.case-status').textContent()).toBe('待受理')
    expect(await item.locator('.case-queue__left').textContent()).toMatch(/^还剩(2[0-3]|1?\d)小时$/)
    await item.click()
    await page.locator('.staff-case__status').getByText('已提交，等待受理').waitFor()
    await page.locator('textarea.staff-case__note, .staff-case__note textarea').fill(note)
    await page.locator('.staff-case__move--accepted').click()
    await page.locator('.staff-case__status').getByText('已受理').waitFor()
    await page.getByText(note).first().waitFor()
  })
  await context.close()

  const seen = await fetch(`${e2e.server.baseUrl}/api/rights-requests/${trackingNo}`, { headers: { authorization: `Bearer ${token}` } })
  const body = (await seen.json()) as { status: string; firstResponsible: { name: string } | null; timeline: { text: string; visibleToWorker: boolean }[] }
  expect(body.status).toBe('accepted')
  expect(body.firstResponsible?.name).toBe('昆山劳务工作站')
  expect(body.timeline.map((e) => e.text)).toContain(note)
})

test('after an admin resets a password, the officer signs in with the one-time password and must change it first', async () => {
  const admin = await fetch(`${e2e.server.baseUrl}/api/staff/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: 'wgt-admin-2026' }) })
  const adminToken = ((await admin.json()) as { token: string }).token
  const accounts = (await (await fetch(`${e2e.server.baseUrl}/api/staff/accounts`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as { items: { id: number; username: string }[] }
  const wuxi = accounts.items.find((a) => a.username === 'wuxi')!
  const reset = await fetch(`${e2e.server.baseUrl}/api/staff/accounts/${wuxi.id}/password-reset`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } })
  expect(reset.status).toBe(200)
  const { password } = (await reset.json()) as { password: string }

  const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  await journey(page, 'staff-one-time-password', async () => {
    await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
    const agree = page.locator('.privacy-sheet__agree')
    if (await agree.waitFor({ timeout: 3000 }).then(() => true, () => false)) await agree.click()
    await page.locator('input.staff-sign-in-form__username, .staff-sign-in-form__username input').fill('wuxi')
    await page.locator('input.staff-sign-in-form__password, .staff-sign-in-form__password input').fill(password)
    await page.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
    await page.getByText('请先修改密码').waitFor()
    expect(await page.locator('.wb-figures').count()).toBe(0)
    await page.locator('input.change-password-form__old, .change-password-form__old input').fill(password)
    await page.locator('input.change-password-form__new, .change-password-form__new input').fill('无锡站自己的新密码-2026')
    await page.locator('input.change-password-form__repeat, .change-password-form__repeat input').fill('无锡站自己的新密码-2026')
    await page.locator('.change-password-form .nut-button, .change-password-form .big-button').first().click()
    await page.locator('.wb-figures').waitFor()
    await page.getByText('密码已修改，其他手机和电脑上的登录已退出').waitFor()
  })
  await context.close()
  const again = await fetch(`${e2e.server.baseUrl}/api/staff/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'wuxi', password: '无锡站自己的新密码-2026' }) })
  expect(again.status).toBe(200)
})
