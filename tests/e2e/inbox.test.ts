/**
 * 消息 in the browser against the real server: a worker who asked for help sees nothing new; staff accept the case;
 * back on 我的 the worker reads "1 条未读", opens 消息, finds 您的求助已受理 and taps through to the case.
 */
import { privacyNoticeVersion } from '../../types'
import { rightsCaseBody } from '../../server/test-support/bodies'
import { serverApi } from './support/api'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()
const { call, signIn } = serverApi(() => e2e.server.baseUrl)

test('a worker’s inbox gains 已受理 after staff accept their case, and the message opens the case', async () => {
  const worker = await signIn('13900007788')
  const made = await call('/rights-requests', { method: 'POST', token: worker, key: `e2e-inbox-${Date.now()}`, body: rightsCaseBody })
  expect(made.status).toBe(201)
  const trackingNo = made.body.trackingNo as string

  const context = await phoneContext(e2e.browser)
  await context.addInitScript(
    ([t, v]) => {
      localStorage.setItem('wgt.session.token', JSON.stringify({ data: t }))
      localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v }))
    },
    [worker, privacyNoticeVersion],
  )
  const page = await context.newPage()
  await journey(page, 'inbox-before', async () => {
    await page.goto(`${e2e.server.baseUrl}/pages/me/index`)
    await page.getByText('消息', { exact: true }).waitFor()
    expect(await page.getByText(/条未读/).count()).toBe(0)
  })

  const admin = (await call('/staff/login', { method: 'POST', body: { username: 'admin', password: 'wgt-admin-2026' } })).body.token as string
  const accepted = await call(`/staff/rights-requests/${trackingNo}/transitions`, {
    method: 'POST',
    token: admin,
    key: `e2e-inbox-accept-${Date.now()}`,
    body: { to: 'accepted', note: '已联系无锡站', visibleToWorker: true },
  })
  expect(accepted.status).toBe(200)

  await journey(page, 'inbox-after', async () => {
    // The worker opens the app again later: 我的 counts what is new.
    await page.reload()
    await page.getByText('1 条未读').waitFor()
    await page.getByText('消息', { exact: true }).click()
    const row = page.locator('.message-row--unread').filter({ hasText: '您的求助已受理' })
    await row.waitFor()
    await row.getByText(`求助 ${trackingNo} 已由工作人员受理，会尽快联系您。`).waitFor()
    await row.click()
    await page.waitForURL(/packages\/rights\/pages\/case/)
    await page.getByText(trackingNo).first().waitFor()
    // Read now: back on 我的 nothing is counted as new.
    await page.goto(`${e2e.server.baseUrl}/pages/me/index`)
    await page.getByText('消息', { exact: true }).waitFor()
    await page.waitForTimeout(500)
    expect(await page.getByText(/条未读/).count()).toBe(0)
  })
  await context.close()
})
