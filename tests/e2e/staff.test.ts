/**
 * Staff workbench journey: a worker asks for help (through the API), a station officer signs in on the wide
 * portal, opens the queue, accepts the case with a note for the worker; the worker then reads 已受理 and the note.
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

test('staff accept a case from the workbench queue with a note the worker then reads', async () => {
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
    if (await agree.isVisible({ timeout: 3000 }).catch(() => false)) await agree.click()
    await page.locator('input.staff-sign-in-form__username, .staff-sign-in-form__username input').fill('kunshan')
    await page.locator('input.staff-sign-in-form__password, .staff-sign-in-form__password input').fill('wgt-kunshan-2026')
    await page.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
    await page.locator('.wb-figures').waitFor()
    await page.locator('.wb-nav__item').getByText('求助案件').click()
    const item = page.locator('.staff-cases__item').filter({ hasText: trackingNo })
    await item.waitFor()
    // The table header shows on a wide screen.
    expect(await page.locator('.wb-table__head').first().isVisible()).toBe(true)
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
