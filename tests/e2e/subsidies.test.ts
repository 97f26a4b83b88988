/**
 * 补贴免审即享 in the browser against the real server: a 脱贫户 on the roster rides the county's batch to 无锡, opens
 * 我能领的补贴 from 我的 and sees 交通补助 600 元, claims it in one tap and gives the account to pay into; the township
 * officer approves it and puts it on the 公示 list, which shows the name masked 王*五 (and comes down as Excel); the
 * administrator marks it paid; the worker sees 已发放.
 */
import type { Page } from 'playwright-core'
import { privacyNoticeVersion } from '../../types'
import { idNumberCheckChar } from '../../types/validators'
import { serverApi } from './support/api'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()
const { call, signIn } = serverApi(() => e2e.server.baseUrl)

const deskContext = () => e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })
/** The China date `days` from today. */
const chinaDateIn = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)
const idNumber = (first17: string) => first17 + idNumberCheckChar(first17)
const input = (page: Page, cls: string) => page.locator(`input.${cls}, .${cls} input`)

async function staffSignIn(page: Page, username: string, password: string) {
  await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
  const agree = page.locator('.privacy-sheet__agree')
  if (await agree.waitFor({ timeout: 3000 }).then(() => true, () => false)) await agree.click()
  await input(page, 'staff-sign-in-form__username').fill(username)
  await input(page, 'staff-sign-in-form__password').fill(password)
  await page.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
  await page.locator('.wb-figures').waitFor()
}

test('a 脱贫户 who rode the batch to 无锡 claims 交通补助 600 元 in one tap; approved, on the 公示 list as 王*五, paid', async () => {
  // The county's side, set up as the workbench would: a township officer for 洛门镇, the worker on its roster.
  const admin = (await call('/staff/login', { method: 'POST', body: { username: 'admin', password: 'wgt-admin-2026' } })).body.token as string
  const as = { token: admin }
  const opened = await call('/staff/accounts', { ...as, method: 'POST', key: 'e2e-subsidy-officer', body: { username: 'lm-subsidy', password: 'first-password-2026', displayName: '洛门镇劳务专干', role: 'township', township: '洛门镇' } })
  expect(opened.status).toBe(201)
  const first = (await call('/staff/login', { method: 'POST', body: { username: 'lm-subsidy', password: 'first-password-2026' } })).body.token as string
  expect((await call('/staff/me/password', { token: first, method: 'POST', body: { oldPassword: 'first-password-2026', newPassword: 'lm-subsidy-2026-pw' } })).status).toBe(200)

  const villages = (await call(`/staff/villages?township=${encodeURIComponent('洛门镇')}`, as)).body.items as { id: number }[]
  const phone = '13724509901'
  const person = await call('/staff/people', {
    ...as,
    method: 'POST',
    key: 'e2e-subsidy-person',
    body: { name: '王小五', idNumber: idNumber('62052419880101091'), phone, township: '洛门镇', villageId: villages[0].id, poverty: 'alleviated', status: 'willing' },
  })
  expect(person.status).toBe(201)
  // Signing in with the roster's phone links the account to the person.
  const token = await signIn(phone)
  const batch = await call('/staff/transport-batches', {
    ...as,
    method: 'POST',
    key: 'e2e-subsidy-batch',
    body: { departAt: new Date(Date.now() + 3 * 86400_000).toISOString(), departureTownship: '洛门镇', meetingPoint: '洛门镇政府门前', destinationProvince: '江苏省', destinationCity: '无锡市', vehicleKind: 'bus', seats: 30 },
  })
  expect(batch.status).toBe(201)
  expect((await call(`/transport-batches/${batch.body.id}/signups`, { token, method: 'POST', key: 'e2e-subsidy-seat' })).status).toBe(201)
  expect((await call(`/staff/transport-batches/${batch.body.id}/depart`, { ...as, method: 'POST' })).status).toBe(200)

  // The worker, on a phone.
  const phoneCtx = await phoneContext(e2e.browser)
  await phoneCtx.addInitScript(
    ([t, v]) => {
      if (!localStorage.getItem('wgt.session.token')) localStorage.setItem('wgt.session.token', JSON.stringify({ data: t }))
      localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v }))
    },
    [token, privacyNoticeVersion],
  )
  const worker = await phoneCtx.newPage()
  await journey(worker, 'subsidies-claim', async () => {
    await worker.goto(`${e2e.server.baseUrl}/pages/me/index`)
    await worker.getByText('我能领的补贴', { exact: true }).click()
    const card = worker.locator('.subsidy-card', { hasText: '交通补助' })
    await card.locator('.subsidy-card__amount').getByText('600元').waitFor()
    await card.getByText('免审即享').waitFor()
    expect(await card.locator('.subsidy-card__reason').textContent()).toMatch(/无锡/)
    await card.getByText('一键领取 600元').click()
    await card.locator('.subsidy-card__state-label').getByText('已提交').waitFor()

    // The account to pay into: shown masked once saved.
    await worker.getByText('填写收钱的账户').click()
    await input(worker, 'bank-account__bank').fill('武山县农村信用社')
    await input(worker, 'bank-account__account').fill('6228480012345678901')
    await worker.locator('.big-button').getByText('保存账户').click()
    await worker.getByText('6228 **** **** 8901').waitFor()
  })
  const claims = (await call('/me/subsidy-claims', { token })).body.items as { id: number; status: string }[]
  expect(claims.map((c) => c.status)).toEqual(['submitted'])

  // The township officer approves, then puts the approved claims on the 公示 list (the paper list went up ten days ago).
  const desk = await deskContext()
  const officer = await desk.newPage()
  await journey(officer, 'subsidies-review', async () => {
    await staffSignIn(officer, 'lm-subsidy', 'lm-subsidy-2026-pw')
    await officer.locator('.wb-nav__item').getByText('补贴审核').click()
    const item = officer.locator('.review-queue__item', { hasText: '王小五' })
    await item.getByText('县里的记录：', { exact: false }).waitFor()
    await item.getByText('通过', { exact: true }).click()
    await officer.getByText('已通过 1 条').waitFor()

    await officer.locator('.staff-shell__menu-item').getByText('补贴公示').click()
    await input(officer, 'publicity-page__starts').fill(chinaDateIn(-10))
    await officer.locator('.publicity-page__publish').click()
    await officer.getByText(/^1 人开始公示/).waitFor()
    await officer.locator('.publicity-sheet__name').getByText('王*五').waitFor()
    expect(await officer.locator('.publicity-sheet').getByText('王小五').count()).toBe(0)
    const [download] = await Promise.all([officer.waitForEvent('download'), officer.locator('.publicity-page__export').click()])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
  })
  await desk.close()

  // The administrator marks it paid by hand.
  const adminDesk = await deskContext()
  const office = await adminDesk.newPage()
  await journey(office, 'subsidies-paid', async () => {
    await staffSignIn(office, 'admin', 'wgt-admin-2026')
    await office.locator('.wb-nav__item').getByText('补贴发放').click()
    const row = office.locator('.payment-page__row', { hasText: '王小五' })
    await row.getByText(/8901/).waitFor()
    await row.click()
    await office.locator('.payment-page__mark').click()
    await office.getByText('已标记发放 1 人').waitFor()
  })
  await adminDesk.close()

  await journey(worker, 'subsidies-paid-worker', async () => {
    await worker.reload()
    const card = worker.locator('.subsidy-card', { hasText: '交通补助' })
    await card.locator('.subsidy-card__state-label').getByText('已发放').waitFor()
    await card.getByText(/已打到您的账户/).waitFor()
  })
  await phoneCtx.close()
}, 240_000)
