/**
 * The roster from the door to the county's figures, in the browser against the real server: an administrator opens a
 * village informant's account; the informant adds a household of three; one of them signs in to the app with their
 * phone and says they now work in 宁波; their township officer sees that change marked as the worker's own (本人), and
 * the figures count them under 浙江省. The officer records a call with her, kept under 回访记录.
 */
import type { Browser, Page } from 'playwright-core'
import { serverApi } from './support/api'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()
const { call } = serverApi(() => e2e.server.baseUrl)

const deskContext = (browser: Browser) => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })

/** Signs a staff member in on the workbench; a first sign-in changes the one-time password to `newPassword`. */
async function staffSignIn(page: Page, username: string, password: string, newPassword: string) {
  await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
  const agree = page.locator('.privacy-sheet__agree')
  if (await agree.waitFor({ timeout: 3000 }).then(() => true, () => false)) await agree.click()
  await page.locator('input.staff-sign-in-form__username, .staff-sign-in-form__username input').fill(username)
  await page.locator('input.staff-sign-in-form__password, .staff-sign-in-form__password input').fill(password)
  await page.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
  await page.getByText('请先修改密码').waitFor()
  await page.locator('input.change-password-form__old, .change-password-form__old input').fill(password)
  await page.locator('input.change-password-form__new, .change-password-form__new input').fill(newPassword)
  await page.locator('input.change-password-form__repeat, .change-password-form__repeat input').fill(newPassword)
  await page.locator('.change-password-form .nut-button, .change-password-form .big-button').first().click()
  await page.locator('.wb-nav__item').getByText('劳动力台账').waitFor()
}

/** A chip inside the n-th member's block of the add page. */
// The first one: 目前状态 comes before 去年这时候的状态, which offers the same words.
const memberChip = (page: Page, n: number, label: string) => page.locator('.roster-member').nth(n - 1).locator('.chip').getByText(label, { exact: true }).first().click()
const fill = (page: Page, cls: string, value: string) => page.locator(`input.${cls}, .${cls} input`).fill(value)

test('an informant adds a household, one of them updates their city in the app, and the officer and the figures see it', async () => {
  const admin = await call('/staff/login', { method: 'POST', body: { username: 'admin', password: 'wgt-admin-2026' } })
  expect(admin.status).toBe(200)
  const as = { token: admin.body.token as string }
  const villages = (await call(`/staff/villages?township=${encodeURIComponent('洛门镇')}`, as)).body.items as { id: number; name: string }[]
  const open = async (body: Record<string, unknown>) => {
    const res = await call('/staff/accounts', { ...as, method: 'POST', key: `e2e-account-${String(body.username)}`, body })
    expect(res.status).toBe(201)
  }
  await open({ username: 'lm-informant', password: 'Informant-once-2026', displayName: `${villages[0].name}信息员`, role: 'village', township: '洛门镇', village: villages[0].name })
  await open({ username: 'lm-officer', password: 'Officer-once-2026', displayName: '洛门镇劳务专干', role: 'township', township: '洛门镇' })
  const workerPhone = '13912340002'

  // The informant, at the door: a household of three, the spouse with her phone and working in the county.
  const desk = await deskContext(e2e.browser)
  const informant = await desk.newPage()
  await journey(informant, 'roster-household', async () => {
    await staffSignIn(informant, 'lm-informant', 'Informant-once-2026', '马坪村信息员自己的密码-2026')
    await informant.locator('.wb-nav__item').getByText('劳动力台账').click()
    await informant.locator('.roster-people__add').click()
    await informant.locator('.roster-member').first().waitFor()
    await fill(informant, 'roster-new-1__name', '马建国')
    await fill(informant, 'roster-new-1__idNumber', '620524198801011237')
    await memberChip(informant, 1, '脱贫户')
    await memberChip(informant, 1, '外出务工（省外）')
    await memberChip(informant, 1, '江苏省')
    await fill(informant, 'roster-new-1__destinationCity', '苏州市')
    await informant.locator('.roster-new__add-member').click()
    await informant.locator('.roster-new__add-member').click()
    await fill(informant, 'roster-new-2__name', '李桂兰')
    await fill(informant, 'roster-new-2__idNumber', '620524199003150026')
    await fill(informant, 'roster-new-2__phone', workerPhone)
    await memberChip(informant, 2, '配偶')
    await memberChip(informant, 2, '脱贫户')
    await memberChip(informant, 2, '县内务工')
    await fill(informant, 'roster-new-3__name', '马小军')
    await fill(informant, 'roster-new-3__idNumber', '620524201006010010')
    await memberChip(informant, 3, '子女')
    await memberChip(informant, 3, '脱贫户')
    await memberChip(informant, 3, '在校学生')
    await informant.getByText('保存这一户（3 人）').click()
    await informant.getByText('已保存 3 人').waitFor()
    await informant.getByText('电话 139****0002').waitFor()
  })
  await desk.close()

  // The spouse, on her phone: signs in with the SMS code and says she works in 宁波 now.
  const phone = await phoneContext(e2e.browser)
  const worker = await phone.newPage()
  await journey(worker, 'roster-worker-city', async () => {
    await worker.goto(`${e2e.server.baseUrl}/`)
    await worker.locator('.privacy-sheet__agree').click()
    await worker.locator('.tab-bar').getByText('我的', { exact: true }).click()
    await worker.locator('.me-page__sign-in').click()
    await fill(worker, 'sign-in-form__phone', workerPhone)
    await worker.locator('.sign-in-form__send').click()
    await worker.getByText(/秒后可重新获取/).waitFor()
    const outbox = await call(`/dev/sms-outbox?phone=${workerPhone}`)
    const code = [...outbox.body.items].sort((a: { sentAt: string }, b: { sentAt: string }) => a.sentAt.localeCompare(b.sentAt)).pop().code as string
    await fill(worker, 'sign-in-form__code', code)
    await worker.locator('.sign-in-form__submit').click()
    await worker.locator('.me-page__phone').getByText('139****0002').waitFor()
    await worker.getByText('我的资料', { exact: true }).click()
    await fill(worker, 'profile-form__name', '李桂兰')
    await worker.locator('.profile-form').getByText('洛门镇', { exact: true }).click()
    await worker.locator('.yes-no[aria-label="现在在外地打工吗"]').getByText('是', { exact: true }).click()
    await worker.locator('.profile-form input[aria-label="在哪个城市"], .profile-form [aria-label="在哪个城市"] input').first().fill('宁波')
    await worker.locator('.profile-form__save').click()
    await worker.locator('.profile-form__saved').getByText('已保存').waitFor()
  })
  await phone.close()

  // The township officer: the change is hers (本人), and the figures count her under 浙江省.
  const desk2 = await deskContext(e2e.browser)
  const officer = await desk2.newPage()
  await journey(officer, 'roster-officer-sees-self-change', async () => {
    await staffSignIn(officer, 'lm-officer', 'Officer-once-2026', '洛门镇专干自己的密码-2026')
    await officer.locator('.wb-nav__item').getByText('劳动力台账').click()
    await officer.getByText('李桂兰 ›').click()
    await officer.getByText('目前状态：外出务工（省外） · 浙江省宁波市').waitFor()
    await officer.getByText('务工通账号：已关联（本人用务工通）').waitFor()
    // The change of place, marked as the worker's own.
    const own = officer.locator('.roster-change', { hasText: '去向城市：空 → 宁波市' })
    await own.getByText('目前状态：县内务工 → 外出务工（省外）').waitFor()
    await own.getByText(/本人（在务工通里改的）/).waitFor()
    await own.locator('.roster-source', { hasText: '本人' }).waitFor()

    // A call to her: still working. It is kept under 回访记录 and leaves her place as she gave it.
    await officer.getByText('还没有回访记录').waitFor()
    await officer.locator('.roster-contact-form .chip').getByText('电话', { exact: true }).click()
    await officer.locator('.roster-contact-form .chip').getByText('还在干', { exact: true }).click()
    await fill(officer, 'roster-contact__note', '在宁波的厂里，挺好')
    await officer.locator('.roster-contact__save').click()
    await officer.getByText('回访已记下，信息按回访结果更新了').waitFor()
    await officer.getByText(/^\d{4}-\d{2}-\d{2} · 电话 · 还在干 · 洛门镇劳务专干$/).waitFor()
    await officer.getByText('在宁波的厂里，挺好').waitFor()
    await officer.getByText('目前状态：外出务工（省外） · 浙江省宁波市').waitFor()

    // She matched the county's record when she signed in, so there is nobody to confirm.
    await officer.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
    await officer.locator('.wb-nav__item').getByText('待确认').click()
    await officer.getByText('没有要确认的人').waitFor()

    await officer.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
    await officer.locator('.wb-nav__item').getByText('输转统计').click()
    await officer.getByText('按去向省份').waitFor()
    await officer.locator('.roster-figure-row', { hasText: '外出务工 浙江省 1 ›' }).waitFor()
    await officer.locator('.roster-figure-row', { hasText: '外出务工 江苏省 1 ›' }).waitFor()
  })
  await desk2.close()
})
