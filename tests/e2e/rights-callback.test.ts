import { privacyNoticeVersion } from '../../types'
import { journey, phoneContext } from './support/browser'
import { serverApi } from './support/api'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()
const { call, signIn } = serverApi(() => e2e.server.baseUrl)

test('只留电话，请回电: from 维权, a kind of trouble and one tap; the done page gives the number; staff see a case to call back', async () => {
  const phone = '13800006655'
  const token = await signIn(phone)
  const context = await phoneContext(e2e.browser)
  await context.addInitScript(
    ([t, v]) => {
      localStorage.setItem('wgt.session.token', JSON.stringify({ data: t }))
      localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v }))
    },
    [token, privacyNoticeVersion],
  )
  const page = await context.newPage()
  await journey(page, 'rights-callback', async () => {
    await page.goto(`${e2e.server.baseUrl}/pages/rights/index`)
    // Beside 我要求助, not inside it.
    await page.locator('.rights-page__ask').waitFor()
    await page.locator('.rights-page__callback').click()

    // Tap one: the kind of trouble, shown as a picture with its words. Tap two: 请给我回电.
    await page.getByText('打您登录用的 138****6655').waitFor()
    const injury = page.locator('.category-card').filter({ hasText: '工伤' })
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('.category-card__icon img, img.category-card__icon')] as HTMLImageElement[]
      return imgs.length === 5 && imgs.every((i) => i.complete && i.naturalWidth === 128)
    })
    await injury.click()
    await page.locator('.callback-form__send').click()

    // The done page: the tracking number, the number that will be rung, and the number to ring now.
    await page.getByText('记下了，会有人给您打电话').waitFor()
    const trackingNo = (await page.locator('.rights-done__number').textContent())!.trim()
    expect(trackingNo).toMatch(/^\d{4}-\d{6}$/)
    await page.getByText('138****6655').waitFor()
    const ring = page.locator('.rights-done a.phone-call')
    await ring.waitFor()
    expect(await ring.getAttribute('href')).toBe('tel:09383425617')
    expect(await ring.textContent()).toContain('武山县劳务输转服务中心')

    // The county's queue holds it as a case to call back, with nothing recorded that the worker did not say.
    const staff = (await call('/staff/login', { method: 'POST', body: { username: 'admin', password: 'wgt-admin-2026' } })).body.token
    const queue = (await call(`/staff/rights-requests?q=${trackingNo}`, { token: staff })).body.items
    expect(queue).toEqual([expect.objectContaining({ trackingNo, category: 'injury', callbackOnly: true, employerName: '', workCity: '' })])

    // 我的求助 names it as such; its page says only a call was asked for.
    await page.goto(`${e2e.server.baseUrl}/packages/rights/pages/mine/index`)
    await page.getByText('工伤 · 只留电话，请回电').waitFor()
    await page.goto(`${e2e.server.baseUrl}/packages/rights/pages/case/index?trackingNo=${trackingNo}`)
    await page.getByText('您只留了电话，请工作人员回电。别的情况在电话里说就行。').waitFor()
    expect(await page.getByText('单位：').count()).toBe(0)
  })
  await context.close()
}, 120000)

test('the five-step form offers 只留电话 on its first step', async () => {
  const token = await signIn('13800006656')
  const context = await phoneContext(e2e.browser)
  await context.addInitScript(
    ([t, v]) => {
      localStorage.setItem('wgt.session.token', JSON.stringify({ data: t }))
      localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v }))
    },
    [token, privacyNoticeVersion],
  )
  const page = await context.newPage()
  await journey(page, 'rights-callback-from-form', async () => {
    await page.goto(`${e2e.server.baseUrl}/packages/rights/pages/new/index`)
    await page.getByText('第 1 步，共 5 步').waitFor()
    await page.locator('.request-form__shortcut-button').click()
    await page.locator('.callback-form__send').waitFor()
    expect(page.url()).toContain('/packages/rights/pages/callback/index')
  })
  await context.close()
}, 60000)
