import type { Page } from 'playwright-core'
import { privacyNoticeVersion } from '../../types'
import { journey, phoneContext } from './support/browser'
import { serverApi } from './support/api'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()

const { call: api, signIn } = serverApi(() => e2e.server.baseUrl)


/** A phone whose portal already holds the session (Taro's H5 storage keeps `{ data }` JSON in localStorage). */
async function signedInPhone(token: string): Promise<Page> {
  const context = await phoneContext(e2e.browser)
  await context.addInitScript(
    ([t, v]) => {
      localStorage.setItem('wgt.session.token', JSON.stringify({ data: t }))
      localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v }))
    },
    [token, privacyNoticeVersion],
  )
  const page = await context.newPage()
  await page.goto(e2e.server.baseUrl + '/')
  return page
}

test('a worker searches 电工, narrows to 江苏, applies, and finds it under 我的报名; applying twice keeps one', async () => {
  const token = await signIn('13900005678')
  const page = await signedInPhone(token)
  await journey(page, 'jobs', async () => {
    // Search a 2-character trade.
    await page.locator('input.search-box__input, .search-box__input input').fill('电工')
    await page.locator('.search-box__button').click()
    await page.getByText('“电工” 的岗位', { exact: false }).waitFor()
    const searched = await page.locator('.job-card').count()
    expect(searched).toBeGreaterThan(0)

    // 筛选 → 江苏 → 确定: the bar shows one active filter, every card is in 江苏.
    await page.locator('.jobs-page__filter').click()
    await page.locator('.filter-sheet').getByText('江苏', { exact: true }).click()
    await page.locator('.filter-sheet__apply').click()
    await page.locator('.jobs-page__badge').getByText('1', { exact: true }).waitFor()
    await page.getByText('（1 个条件）', { exact: false }).waitFor()
    const places = await page.locator('.job-card__place').allTextContents()
    expect(places.length).toBeGreaterThan(0)
    expect(places.every((p) => p.startsWith('江苏'))).toBe(true)

    // Open the first posting: pay first, the pledge, then 我要报名 with a confirmation.
    const title = (await page.locator('.job-card__title').first().textContent())!.trim()
    await page.locator('.job-card__open').first().click()
    await page.locator('.job-detail__title').getByText(title).waitFor()
    await page.getByText('求职不交钱').waitFor()
    await page.getByText('我要报名', { exact: true }).click()
    await page.getByText(`确认报名“${title}”？`).waitFor()
    await page.locator('.dialog .big-button--primary').click()
    await page.locator('.job-actions__applied-title').getByText('已报名').waitFor()

    // 我的报名 lists it, in plain words.
    await page.getByText('看我的报名', { exact: true }).click()
    const card = page.locator('.application-card').filter({ hasText: title })
    await card.waitFor()
    // Where it stands, on the line 已报名 → 已联系 → 已录用, with 打电话 beside 取消报名.
    await card.locator('.application-progress__step--current').getByText('已报名').waitFor()
    await card.getByRole('link', { name: /^打电话/ }).waitFor()
  })

  // Applying again (another tap, another key) returns the same application: still one.
  const mine = await api('/me/applications', { token })
  expect(mine.body.items).toHaveLength(1)
  const jobId = mine.body.items[0].job.id
  const again = await api(`/jobs/${jobId}/applications`, { method: 'POST', token, body: {}, key: 'e2e-apply-again-1' })
  expect(again.status).toBe(200)
  expect(again.body.id).toBe(mine.body.items[0].id)
  expect((await api('/me/applications', { token })).body.items).toHaveLength(1)
})

test('返回 tapped at once after opening a posting, or while it is still loading, shows the list again, not a blank page', async () => {
  // The page's code is fetched through the network here, not the service worker, so it can be slowed like one bar of signal.
  const context = await phoneContext(e2e.browser, { serviceWorkers: 'block' })
  await context.addInitScript((v) => localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v })), privacyNoticeVersion)
  const page = await context.newPage()
  let slowCode = false
  await page.route(/\/(js|css)\//, async (route) => {
    if (slowCode) await new Promise((resolve) => setTimeout(resolve, 1500))
    await route.continue()
  })
  await journey(page, 'jobs-quick-back', async () => {
    await page.goto(`${e2e.server.baseUrl}/pages/jobs/index`)
    await page.locator('.job-card__open').first().waitFor()
    // Back while the posting's page is still on its way: once it arrives it must not cover the list.
    slowCode = true
    await page.locator('.job-card__open').first().click()
    await page.waitForURL(/packages\/jobs\/pages\/detail/)
    await page.goBack()
    await page.waitForTimeout(2500)
    expect(await page.locator('.job-card__open').first().isVisible()).toBe(true)
    expect(page.url()).toMatch(/pages\/jobs\/index/)
    slowCode = false
    for (let i = 0; i < 3; i++) {
      await page.locator('.job-card__open').first().click()
      await page.locator('.job-detail__title').waitFor()
      // Back before a third of a second has passed: the router once hid the list on a timer after it was shown.
      await page.goBack()
      await page.waitForTimeout(600)
      expect(await page.locator('.job-card__open').first().isVisible()).toBe(true)
    }
  })
  await context.close()
})

test('the phone back button closes the 筛选 sheet and keeps the list; the dimmed part closes it too', async () => {
  const context = await phoneContext(e2e.browser)
  await context.addInitScript((v) => localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v })), privacyNoticeVersion)
  const page = await context.newPage()
  await journey(page, 'jobs-filter-back', async () => {
    await page.goto(`${e2e.server.baseUrl}/pages/jobs/index`)
    // The page's drawn first screen (server/http/first-screen.ts) stays over the app until the app has drawn the same.
    await page.locator('#first-screen').waitFor({ state: 'detached' })
    await page.locator('.job-card__open').first().waitFor()
    await page.locator('.jobs-page__filter').click()
    await page.getByRole('dialog', { name: '筛选工作' }).waitFor()
    // The sheet's buttons sit at the screen's foot, over the tab bar, with no empty band under them.
    const foot = await page.evaluate(`(() => {
      const bar = document.querySelector('.filter-sheet__actions').getBoundingClientRect()
      const apply = document.querySelector('.filter-sheet__apply').getBoundingClientRect()
      const hit = document.elementFromPoint(apply.left + apply.width / 2, apply.top + apply.height / 2)
      return { gap: Math.round(innerHeight - bar.bottom), applyOnTop: Boolean(hit && hit.closest('.filter-sheet__apply')) }
    })()`)
    expect(foot).toEqual({ gap: 0, applyOnTop: true })
    await page.goBack()
    await page.locator('.filter-sheet').waitFor({ state: 'detached' })
    expect(page.url()).toMatch(/pages\/jobs\/index/)
    expect(await page.locator('.job-card__open').first().isVisible()).toBe(true)

    // A tap on the dimmed part above the sheet closes it; the page stays and a second back is not needed.
    await page.locator('.jobs-page__filter').click()
    await page.locator('.bottom-sheet__mask').click({ position: { x: 20, y: 20 } })
    await page.locator('.filter-sheet').waitFor({ state: 'detached' })
    await page.waitForTimeout(500)
    expect(page.url()).toMatch(/pages\/jobs\/index/)
    expect(await page.locator('.job-card__open').first().isVisible()).toBe(true)
  })
  await context.close()
})
