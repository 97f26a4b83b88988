/**
 * Course journey across both sides: the county admin opens a course on the wide portal, a worker enrols, the admin
 * moves the start to today (so it has begun), marks the worker finished and records the certificate; the worker then
 * reads the certificate number in 我的课程 on a phone.
 */
import type { Page } from 'playwright-core'
import { privacyNoticeVersion } from '../../types'
import { serverApi } from './support/api'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()

const { call: api, signIn } = serverApi(() => e2e.server.baseUrl)

/** A China date `days` from today: the server's deadlines and start dates are China dates. */
const chinaDay = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)

async function fill(page: Page, field: string, value: string) {
  const input = page.locator(`input.staff-course-edit__${field}, textarea.staff-course-edit__${field}, .staff-course-edit__${field} input, .staff-course-edit__${field} textarea`).first()
  await input.fill(value)
}

test('admin opens a course in the app; after a worker enrols, marks completion and issues a certificate the worker sees', async () => {
  const title = `电工上岗速成班${Date.now() % 100000}`
  const certificateNo = `WS-E2E-${Date.now() % 1000000}`

  const desk = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await desk.addInitScript((v) => localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v })), privacyNoticeVersion)
  const page = await desk.newPage()
  let courseId = 0
  await journey(page, 'staff-course-create', async () => {
    await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
    await page.locator('input.staff-sign-in-form__username, .staff-sign-in-form__username input').fill('admin')
    await page.locator('input.staff-sign-in-form__password, .staff-sign-in-form__password input').fill('wgt-admin-2026')
    await page.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
    await page.locator('.wb-nav__item').getByText('培训', { exact: true }).click()
    await page.locator('.staff-courses__new').click()

    // The form says what is missing before anything is sent.
    await page.locator('.staff-course-edit__save').click()
    await page.getByText('有几项需要改一下，请看红字').waitFor()

    await fill(page, 'title', title)
    await page.locator('.staff-course-edit .chip').getByText('电工', { exact: true }).click()
    await fill(page, 'provider', '武山县职业技术教育中心')
    await fill(page, 'location', '武山县城关镇')
    await fill(page, 'enrollDeadline', chinaDay(0))
    await fill(page, 'startDate', chinaDay(1))
    await fill(page, 'endDate', chinaDay(2))
    await fill(page, 'capacity', '2')
    await fill(page, 'costYuan', '1000')
    await fill(page, 'subsidyYuan', '1000')
    await fill(page, 'certificate', '低压电工作业证')
    await fill(page, 'certificateLevel', '五级/初级工')
    await page.locator('.staff-course-edit__save').click()

    // Opened: its own page, nobody enrolled yet.
    await page.locator('.staff-course__title').getByText(title).waitFor()
    await page.getByText('还没有人报名').waitFor()
    courseId = Number(new URL(page.url()).searchParams.get('id'))
    expect(courseId).toBeGreaterThan(0)
  })

  // A worker (with a name on the profile) enrols through the API, as the course page would.
  const phone = '13700009001'
  const token = await signIn(phone)
  expect((await api('/me', { method: 'PATCH', token, key: `e2e-course-name-${Date.now()}`, body: { name: '王小明' } })).status).toBe(200)
  const enrolled = await api(`/courses/${courseId}/enrollments`, { method: 'POST', token, key: `e2e-course-enrol-${Date.now()}`, body: {} })
  expect(enrolled.status).toBe(201)
  expect(enrolled.body.status).toBe('enrolled')

  await journey(page, 'staff-course-certificate', async () => {
    await page.reload()
    const student = page.locator('.staff-course__student', { hasText: '王小明' })
    await student.getByText(/已报上名/).waitFor()
    // Not begun yet: nothing to mark.
    expect(await student.locator('.staff-course__complete').count()).toBe(0)

    // The course starts a day early: the edit form opens with the course as it is.
    await page.locator('.staff-course__edit').click()
    const start = page.locator('input.staff-course-edit__startDate, .staff-course-edit__startDate input')
    await start.waitFor()
    expect(await page.locator('input.staff-course-edit__title, .staff-course-edit__title input').inputValue()).toBe(title)
    await start.fill(chinaDay(0))
    await page.locator('.staff-course-edit__save').click()

    // Back on the course page, read again: completion can now be recorded.
    await student.locator('.staff-course__complete').click()
    await student.getByText(/已结业/).waitFor()
    await student.locator('.staff-course__certify').click()
    await student.locator('input.staff-course__cert-number, .staff-course__cert-number input').fill(certificateNo)
    expect(await student.locator('input.staff-course__cert-level, .staff-course__cert-level input').inputValue()).toBe('五级/初级工')
    await student.locator('.staff-course__cert-save').click()
    await page.getByText(`编号 ${certificateNo}`, { exact: false }).first().waitFor()
    await student.getByText(`证书编号 ${certificateNo}`, { exact: false }).waitFor()

    // The list shows it finished and certified.
    await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/training/index`)
    const row = page.locator('.staff-courses__item', { hasText: title })
    await row.getByText('结业 1 · 发证 1').waitFor()
    await row.getByText('已报 1/2（50%）').waitFor()
  })
  await desk.close()

  // The worker's phone: 我的课程 shows the certificate.
  const phoneCtx = await phoneContext(e2e.browser)
  await phoneCtx.addInitScript(
    ([t, v]) => {
      localStorage.setItem('wgt.session.token', JSON.stringify({ data: t }))
      localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v }))
    },
    [token, privacyNoticeVersion],
  )
  const mine = await phoneCtx.newPage()
  await journey(mine, 'staff-course-worker-certificate', async () => {
    await mine.goto(`${e2e.server.baseUrl}/packages/training/pages/mine/index`)
    const card = mine.locator('.enrollment-card', { hasText: title })
    await card.getByText('已拿到证书').waitFor()
    await card.getByText(`证书编号：${certificateNo}`).waitFor()
    await card.getByText('等级：五级/初级工').waitFor()
  })
  await phoneCtx.close()
})
