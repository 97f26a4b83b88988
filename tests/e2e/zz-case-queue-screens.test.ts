// Temporary: screenshots of the case queue (not committed).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()
const json = { 'content-type': 'application/json' }
jest.setTimeout(300000)

async function workerSignIn(phone: string): Promise<string> {
  await fetch(`${e2e.server.baseUrl}/api/auth/sms-code`, { method: 'POST', headers: json, body: JSON.stringify({ phone }) })
  const { items } = (await (await fetch(`${e2e.server.baseUrl}/api/dev/sms-outbox?phone=${phone}`)).json()) as { items: { code: string }[] }
  const res = await fetch(`${e2e.server.baseUrl}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ phone, code: items[0].code }) })
  return ((await res.json()) as { token: string }).token
}

test('screens', async () => {
  const employers = ['昆山某电子厂', '昆山宏达精密', '苏州立讯电子', '昆山某建筑劳务公司', '昆山富士康', '昆山仁宝电脑', '苏州和舰科技', '昆山某物流公司', '昆山某服装厂', '昆山某食品厂']
  const categories = ['unpaid_wages', 'injury', 'contract', 'social_insurance', 'other']
  const nos: string[] = []
  for (let i = 0; i < 22; i++) {
    const token = await workerSignIn(`138000${String(71000 + i).padStart(5, '0')}`)
    const cat = categories[i % 5]
    const res = await fetch(`${e2e.server.baseUrl}/api/rights-requests`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${token}`, 'idempotency-key': `screens-${i}-${Date.now()}` },
      body: JSON.stringify({
        category: cat,
        description: '在昆山干了两个月，工资一直没发，老板说下个月给。',
        employerName: employers[i % employers.length],
        workCity: '昆山市',
        workAddress: '昆山开发区',
        workedFrom: '2025-11',
        ...(cat === 'unpaid_wages' ? { amountOwedYuan: 3000 + i * 700 } : {}),
        workersAffected: 1 + (i % 4),
      }),
    })
    nos.push(((await res.json()) as { trackingNo: string }).trackingNo)
  }
  const login = await fetch(`${e2e.server.baseUrl}/api/staff/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'kunshan', password: 'wgt-kunshan-2026' }) })
  const staffToken = ((await login.json()) as { token: string }).token
  const move = (no: string, to: string) =>
    fetch(`${e2e.server.baseUrl}/api/staff/rights-requests/${no}/transitions`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${staffToken}`, 'idempotency-key': `mv-${no}-${to}-${Date.now()}` },
      body: JSON.stringify({ to, note: '已电话联系求助人', visibleToWorker: true, ...(to === 'referred' ? { referredTo: 'arbitration' } : {}) }),
    })
  for (const no of nos.slice(10, 16)) await move(no, 'accepted')
  for (const no of nos.slice(13, 16)) await move(no, 'in_progress')
  await move(nos[15], 'resolved')
  await move(nos[14], 'referred')

  const dir = join(__dirname, '../../test-results/screens')
  mkdirSync(dir, { recursive: true })
  for (const [w, h, name] of [
    [1280, 800, 'case-queue-1280x800.png'],
    [390, 844, 'case-queue-390x844.png'],
  ] as const) {
    const context = await e2e.browser.newContext({ viewport: { width: w, height: h }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const page = await context.newPage()
    await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
    const agree = page.locator('.privacy-sheet__agree')
    if (await agree.isVisible({ timeout: 3000 }).catch(() => false)) await agree.click()
    await page.locator('input.staff-sign-in-form__username, .staff-sign-in-form__username input').fill('kunshan')
    await page.locator('input.staff-sign-in-form__password, .staff-sign-in-form__password input').fill('wgt-kunshan-2026')
    await page.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
    await page.locator('.wb-figures').waitFor()
    await page.screenshot({ path: join(dir, `staff-home-${w}x${h}.png`) })
    await page.locator('.wb-nav__item').getByText('求助案件').click()
    await page.locator('.case-queue__item').first().waitFor()
    await page.waitForTimeout(500)
    const rows = await page.evaluate(() => [...document.querySelectorAll('.case-queue__item')].filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length)
    console.log(`${w}x${h}: ${rows} rows fully on screen`)
    await page.screenshot({ path: join(dir, name) })
    await context.close()
  }
})
