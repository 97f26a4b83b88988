import { png } from '../../server/test-support/images'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()

const wageSlip = png()
/** A PNG's width, from its IHDR chunk. */
const wageSlipWidth = wageSlip.readUInt32BE(16)

async function latestCode(phone: string): Promise<string> {
  const res = await fetch(`${e2e.server.baseUrl}/api/dev/sms-outbox?phone=${phone}`)
  const { items } = (await res.json()) as { items: Array<{ code: string; sentAt: string }> }
  return [...items].sort((a, b) => a.sentAt.localeCompare(b.sentAt)).pop()!.code
}

async function staffAccept(trackingNo: string, note: string): Promise<void> {
  const login = await fetch(`${e2e.server.baseUrl}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'wgt-admin-2026' }),
  })
  expect(login.status).toBe(200)
  const { token } = (await login.json()) as { token: string }
  const res = await fetch(`${e2e.server.baseUrl}/api/staff/rights-requests/${trackingNo}/transitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `e2e-accept-${Date.now()}` },
    body: JSON.stringify({ to: 'accepted', note, visibleToWorker: true }),
  })
  expect(res.status).toBe(200)
}

test('a worker asks for help with a photo; staff accept it; the worker sees it on the timeline', async () => {
  const phone = '13800005678'
  const context = await phoneContext(e2e.browser)
  const page = await context.newPage()
  await page.goto(`${e2e.server.baseUrl}/`)
  await journey(page, 'rights', async () => {
    await page.getByText('您的信息怎么用').waitFor()
    await page.locator('.privacy-sheet__agree').click()
    await page.getByText('您的信息怎么用').waitFor({ state: 'detached' })

    // 维权 → 我要求助: not signed in yet, so the sign-in page first, then back to the form.
    await page.locator('.tab-bar').getByText('维权', { exact: true }).click()
    await page.locator('.rights-page__ask').click()
    await page.locator('input.sign-in-form__phone, .sign-in-form__phone input').fill(phone)
    await page.locator('.sign-in-form__send').click()
    await page.getByText(/秒后可重新获取/).waitFor()
    await page.locator('input.sign-in-form__code, .sign-in-form__code input').fill(await latestCode(phone))
    await page.locator('.sign-in-form__submit').click()

    // Step 1: what happened.
    await page.getByText('第 1 步，共 5 步').waitFor()
    await page.locator('.category-card').filter({ hasText: '欠薪' }).click()
    await page.locator('textarea.request-form__description, .request-form__description textarea').fill('在无锡工地干了三个月，老板一直拖着不给工资。')
    await page.locator('.request-form__actions .big-button').click()

    // Step 2: employer and place.
    await page.getByText('第 2 步，共 5 步').waitFor()
    await page.locator('input.request-form__employer, .request-form__employer input').fill('无锡某建筑劳务公司')
    await page.locator('.chip').filter({ hasText: '无锡市' }).click()
    await page.locator('input.request-form__address, .request-form__address input').fill('新吴区长江路工地')
    await page.locator('.request-form__actions .big-button').click()

    // Step 3: period, money, people.
    await page.getByText('第 3 步，共 5 步').waitFor()
    const chooser = page.locator('.month-chooser')
    const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
    await chooser.nth(0).getByText(`${thisYear - 1}年`, { exact: true }).click()
    await chooser.nth(0).getByText('10月', { exact: true }).click()
    await chooser.nth(1).getByText('现在还在干').click()
    await page.locator('input.request-form__amount, .request-form__amount input').fill('18000')
    await page.locator('.request-form__actions .big-button').click()

    // Step 4: a photo, through the browser's file chooser.
    await page.getByText('第 4 步，共 5 步').waitFor()
    const [fileChooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.photo-picker__add').click()])
    await fileChooser.setFiles({ name: 'wage-slip.png', mimeType: 'image/png', buffer: wageSlip })
    await page.locator('.photo-picker__item').first().waitFor()
    await page.getByText('已传 1 张，最多 9 张').waitFor()
    await page.locator('.request-form__actions .big-button').click()

    // Step 5: contact (the account's phone by default) and submit.
    await page.getByText('不填就打您登录用的 138****5678').waitFor()
    await page.getByText('提交求助').click()
    const number = page.locator('.rights-done__number')
    await number.waitFor()
    const trackingNo = (await number.textContent())!.trim()
    expect(trackingNo).toMatch(/^\d{4}-\d{6}$/)

    // The progress page: waiting to be accepted, the photo on the timeline.
    await page.locator('.rights-done .big-button').first().click()
    await page.locator('.rights-case__status-text').getByText('已提交，等待受理').waitFor()
    const photo = page.locator('.timeline__photo img, img.timeline__photo').first()
    await photo.waitFor()
    // The photo itself came back and decodes: as wide as the file sent.
    await page.waitForFunction((width) => {
      const img = document.querySelector('.timeline__photo img, img.timeline__photo') as HTMLImageElement | null
      return Boolean(img && img.complete && img.naturalWidth === width)
    }, wageSlipWidth)

    // The station accepts it; the worker opens the page again and sees it.
    await staffAccept(trackingNo, '已收到您的求助，明天上午和老板联系。')
    await page.reload()
    await page.locator('.rights-case__status-text').getByText('已受理').waitFor()
    await page.getByText('已收到您的求助，明天上午和老板联系。').waitFor()
    await page.getByText('首问负责人：县人社局管理员').waitFor()

    // 我的求助 lists it.
    await page.goto(`${e2e.server.baseUrl}/packages/rights/pages/mine/index`)
    await page.getByText(trackingNo, { exact: false }).waitFor()

    // The sent request is not left in the form: 我要求助 starts a new one, empty.
    await page.goto(`${e2e.server.baseUrl}/packages/rights/pages/new/index`)
    await page.getByText('第 1 步，共 5 步').waitFor()
    expect(await page.locator('.category-card--on').count()).toBe(0)
    expect(await page.locator('textarea.request-form__description, .request-form__description textarea').first().inputValue()).toBe('')
  })
  await context.close()
}, 120000)
