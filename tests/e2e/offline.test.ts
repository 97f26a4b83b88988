import { privacyNoticeVersion } from '../../types'
import type { BrowserContext, Page } from 'playwright-core'
import { journey, phoneContext } from './support/browser'
import { serverApi } from './support/api'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()

const { call: api, signIn } = serverApi(() => e2e.server.baseUrl)


/** One phone: the session and the accepted notice in its storage before the first page loads. */
async function signedInContext(token: string): Promise<BrowserContext> {
  const context = await phoneContext(e2e.browser)
  await context.addInitScript(
    ([t, v]) => {
      if (!localStorage.getItem('wgt.session.token')) localStorage.setItem('wgt.session.token', JSON.stringify({ data: t }))
      localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v }))
    },
    [token, privacyNoticeVersion],
  )
  return context
}

/** The rights form filled up to its last step (online: every page's code has been loaded). */
async function fillRightsForm(page: Page): Promise<void> {
  await page.goto(`${e2e.server.baseUrl}/packages/rights/pages/new/index`)
  await page.getByText('第 1 步，共 5 步').waitFor()
  await page.locator('.category-card').filter({ hasText: '欠薪' }).click()
  await page.locator('textarea.request-form__description, .request-form__description textarea').fill('在无锡工地干了三个月，老板一直拖着不给工资。')
  await page.locator('.request-form__actions .big-button').click()
  await page.getByText('第 2 步，共 5 步').waitFor()
  await page.locator('input.request-form__employer, .request-form__employer input').fill('无锡某建筑劳务公司')
  await page.locator('.chip').filter({ hasText: '无锡市' }).click()
  await page.locator('input.request-form__address, .request-form__address input').fill('新吴区长江路工地')
  await page.locator('.request-form__actions .big-button').click()
  await page.getByText('第 3 步，共 5 步').waitFor()
  const chooser = page.locator('.month-chooser')
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
  await chooser.nth(0).getByText(`${thisYear - 1}年`, { exact: true }).click()
  await chooser.nth(0).getByText('10月', { exact: true }).click()
  await chooser.nth(1).getByText('现在还在干').click()
  await page.locator('input.request-form__amount, .request-form__amount input').fill('18000')
  await page.locator('.request-form__actions .big-button').click()
  await page.getByText('第 4 步，共 5 步').waitFor()
  await page.locator('.request-form__actions .big-button').click()
  await page.getByText('第 5 步，共 5 步').waitFor()
}

test('a rights request and a job application made without a network arrive once each when it returns', async () => {
  const token = await signIn('13900007788')
  const jobs = await api('/jobs?limit=1')
  const job = jobs.body.items[0]
  const context = await signedInContext(token)

  // Two pages of one phone, opened while the network is there.
  const form = await context.newPage()
  const detail = await context.newPage()
  await journey(form, 'offline-form', async () => {
    // 我的求助 opened once online, as a worker who has used the app before would have it.
    await form.goto(`${e2e.server.baseUrl}/packages/rights/pages/mine/index`)
    await form.getByText('您还没有求助过').waitFor()
    await fillRightsForm(form)
    await pagesKept(form)
  })
  await journey(detail, 'offline-detail', async () => {
    await detail.goto(`${e2e.server.baseUrl}/packages/jobs/pages/detail/index?id=${job.id}`)
    await detail.locator('.job-detail__title').getByText(job.title).waitFor()
  })

  await context.setOffline(true)

  await journey(detail, 'offline-apply', async () => {
    await detail.getByText('我要报名', { exact: true }).click()
    await detail.locator('.dialog .big-button--primary').click()
    await detail.locator('.job-actions__applied-title').getByText('待发送').waitFor()
    await detail.getByText('已保存在手机上，有网络后自动发送', { exact: false }).first().waitFor()
    await detail.locator('.outbox-banner').getByText('待发送 1 条').waitFor()
  })
  await journey(form, 'offline-submit', async () => {
    await form.getByText('提交求助').click()
    // Said where it was made: no other page's code is needed, so nothing can fail to open.
    await form.locator('.waiting-notice').getByText('已保存，有网络会自动发出').waitFor()
    expect(new URL(form.url()).pathname).toBe('/packages/rights/pages/new/index')
    expect(await form.getByText('网络不好，页面没有打开', { exact: false }).count()).toBe(0)
    // The waiting request on 维权 …
    await form.getByText('回到维权', { exact: true }).click()
    await form.locator('.rights-page:visible').first().waitFor()
    const onRights = form.locator('.waiting-requests:visible')
    await onRights.getByText('欠薪 · 无锡某建筑劳务公司').waitFor()
    await onRights.getByText('待发送', { exact: true }).waitFor()
    // … and on 我的求助.
    await form.locator('.rights-page .list-row').filter({ hasText: '我的求助' }).click()
    await form.locator('.rights-page').waitFor({ state: 'hidden' })
    const onMine = form.locator('.waiting-requests:visible')
    await onMine.getByText('欠薪 · 无锡某建筑劳务公司').waitFor()
    await onMine.getByText('待发送', { exact: true }).waitFor()
    await form.locator('.outbox-banner:visible').getByText('待发送 2 条').waitFor()
    expect(await form.getByText('您还没有求助过').count()).toBe(0)
  })
  // Nothing reached the server.
  expect((await api('/me/rights-requests', { token })).body.items).toHaveLength(0)
  expect((await api('/me/applications', { token })).body.items).toHaveLength(0)

  // Signal again, 我的求助 still open: the request goes by itself, once, and its real case takes the waiting one's place.
  // (The browser says it is online a moment before the network answers, here most of all to the service worker: the
  // outbox tries again on its own timers, so the waits allow for one of them.)
  await detail.close()
  await context.setOffline(false)
  await journey(form, 'offline-sent', async () => {
    await form.waitForFunction(() => !document.querySelector('.waiting-requests'), undefined, { timeout: 45000 })
    await form.waitForFunction(() => {
      const raw = localStorage.getItem('wgt.outbox')
      const entries = raw ? (JSON.parse(raw) as { data?: unknown[] }).data : []
      return Array.isArray(entries) && entries.length === 0
    }, undefined, { timeout: 45000 })
    const sent = (await api('/me/rights-requests', { token })).body.items
    expect(sent).toHaveLength(1)
    await form.locator('.list-row:visible').filter({ hasText: sent[0].trackingNo }).waitFor({ timeout: 10000 })
    // The sent request is not left in the form: 我要求助 starts a new one.
    await form.goto(`${e2e.server.baseUrl}/packages/rights/pages/new/index`)
    await form.getByText('第 1 步，共 5 步').waitFor()
    expect(await form.locator('.category-card--on').count()).toBe(0)
  })
  await form.close()

  const again = await context.newPage()
  const cases = (await api('/me/rights-requests', { token })).body.items
  const applications = (await api('/me/applications', { token })).body.items
  expect(cases).toHaveLength(1)
  expect(cases[0]).toMatchObject({ category: 'unpaid_wages', employerName: '无锡某建筑劳务公司' })
  expect(applications).toHaveLength(1)
  expect(applications[0].job.id).toBe(job.id)

  // 我的求助 and the job list open without a network from the copies saved on the phone, marked with when.
  // (The API is cut, not the page: a reload must still fetch the portal's own index.html.)
  await journey(again, 'offline-cached', async () => {
    await again.goto(`${e2e.server.baseUrl}/packages/rights/pages/mine/index`)
    await again.getByText('无锡某建筑劳务公司', { exact: false }).waitFor()
    await again.goto(`${e2e.server.baseUrl}/pages/jobs/index`)
    await again.locator('.job-card').first().waitFor()
    await again.route('**/api/**', (route) => route.abort('internetdisconnected'))
    // The tab's own address would come with fresh reads from the page's server (server/http/first-screen.ts); with a
    // query it is the plain shell, and the app asks the cut API.
    await again.goto(`${e2e.server.baseUrl}/pages/jobs/index?from=offline`)
    await again.locator('.saved-note').getByText(/已保存于 \d+月\d+日 \d\d:\d\d/).waitFor({ timeout: 20000 })
    await again.locator('.job-card').first().waitFor()
    // The trade chips too, not 全部 alone.
    await again.locator('.jobs-page__trades').getByText('普工', { exact: true }).waitFor()
    await again.goto(`${e2e.server.baseUrl}/packages/rights/pages/mine/index`)
    await again.locator('.saved-note').waitFor({ timeout: 20000 })
    await again.getByText('无锡某建筑劳务公司', { exact: false }).waitFor()
  })
  await context.close()
}, 200000)

test('a write kept offline on a page that stays open goes out by itself when the network returns', async () => {
  const token = await signIn('13900007789')
  const job = (await api('/jobs?limit=2')).body.items[1]
  const context = await signedInContext(token)
  const page = await context.newPage()
  await journey(page, 'offline-stay-open', async () => {
    // Opened online with nothing waiting: the outbox's own code has not been fetched yet.
    await page.goto(`${e2e.server.baseUrl}/packages/jobs/pages/detail/index?id=${job.id}`)
    await page.locator('.job-detail__title').getByText(job.title).waitFor()
    await context.setOffline(true)
    await page.getByText('我要报名', { exact: true }).click()
    await page.locator('.dialog .big-button--primary').click()
    await page.locator('.outbox-banner').getByText('待发送 1 条').waitFor()
    expect((await api('/me/applications', { token })).body.items).toHaveLength(0)

    // Signal again, no reload and no tap: the outbox's code is fetched now, and the application sent.
    await context.setOffline(false)
    await page.locator('.outbox-banner').waitFor({ state: 'detached', timeout: 45000 })
  })
  const applications = (await api('/me/applications', { token })).body.items
  expect(applications).toHaveLength(1)
  expect(applications[0].job.id).toBe(job.id)
  await context.close()
}, 90000)

test('a page that cannot be fetched without a network leaves the worker on the list, told why', async () => {
  const context = await phoneContext(e2e.browser)
  const page = await context.newPage()
  await journey(page, 'offline-page-code', async () => {
    await page.goto(`${e2e.server.baseUrl}/`)
    await page.locator('.job-card').first().waitFor()
    const buses = page.locator('.list-row:visible').filter({ hasText: '坐专车去上班' })
    await context.setOffline(true)
    // The buses page's code was never fetched (a posting's is kept from the first visit on): the tap cannot open it.
    await buses.click()
    await page.locator('.wgt-notice').getByText('网络不好，页面没有打开，请稍后再试').waitFor()
    await page.waitForURL((url) => url.pathname === '/pages/jobs/index')
    expect(await page.locator('.job-card:visible').count()).toBeGreaterThan(0)

    // With signal, the same tap opens it, and 返回 comes back to the list.
    await context.setOffline(false)
    await buses.click()
    await page.getByText('县上组织的大巴车和包下的火车').first().waitFor()
    await page.goBack()
    await page.waitForURL((url) => url.pathname === '/pages/jobs/index')
    await page.locator('.job-card:visible').first().waitFor()
  })
  await context.close()
}, 60000)

/** A phone whose worker has read the privacy notice (it is not drawn over the tab bar). */
async function phoneWithNoticeRead(): Promise<BrowserContext> {
  const context = await phoneContext(e2e.browser)
  await context.addInitScript((v) => localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v })), privacyNoticeVersion)
  return context
}

/** Until the portal's service worker looks after the page (its tabs then kept), or 15 s: old builds have none. */
async function pagesKept(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        setTimeout(resolve, 15000)
        if (!('serviceWorker' in navigator)) return resolve()
        if (navigator.serviceWorker.controller) return resolve()
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve())
      }),
  )
}

test('after a first visit every tab opens without a network, with its tab bar', async () => {
  const context = await phoneWithNoticeRead()
  const page = await context.newPage()
  await journey(page, 'offline-tabs', async () => {
    // Online, on one tab only: the others' code has never been fetched by the page itself.
    await page.goto(`${e2e.server.baseUrl}/`)
    await page.locator('.job-card').first().waitFor()
    await pagesKept(page)
    await context.setOffline(true)
    const others = [
      { text: '培训', path: '/pages/training/index', root: '.training-page' },
      { text: '维权', path: '/pages/rights/index', root: '.rights-page' },
      { text: '找组织', path: '/pages/stations/index', root: '.stations-page' },
      { text: '我的', path: '/pages/me/index', root: '.me-page' },
    ]
    for (const tab of others) {
      await page.locator('.tab-bar').getByText(tab.text, { exact: true }).click()
      await page.locator(`${tab.root}:visible`).first().waitFor({ timeout: 10000 })
      expect(new URL(page.url()).pathname).toBe(tab.path)
      await page.locator('.tab-bar__item--on').getByText(tab.text, { exact: true }).waitFor()
    }
    // And back to the first, still offline.
    await page.locator('.tab-bar').getByText('找工作', { exact: true }).click()
    await page.locator('.job-card:visible').first().waitFor()
  })
  await context.close()
}, 90000)

test('a first visit, then on a train: reloaded without a network, a job from the saved list opens with its card and number, and so do the stations; with signal again, the whole posting', async () => {
  const context = await phoneWithNoticeRead()
  const page = await context.newPage()
  const jobs = (await api('/jobs?limit=3')).body.items
  const job = jobs[2]
  await journey(page, 'offline-reload-saved-list', async () => {
    // A first visit with signal: the jobs tab, then 找组织. No posting is opened.
    await page.goto(`${e2e.server.baseUrl}/`)
    await page.locator('.job-card').first().waitFor()
    await pagesKept(page)
    await page.locator('.tab-bar').getByText('找组织', { exact: true }).click()
    await page.locator('.station-card').first().waitFor()
    await page.locator('.tab-bar').getByText('找工作', { exact: true }).click()
    await page.locator('.job-card:visible').first().waitFor()

    // No signal; the portal opened again.
    await context.setOffline(true)
    await page.reload()
    await page.locator('.saved-note:visible').getByText(/已保存于 \d+月\d+日 \d\d:\d\d/).waitFor({ timeout: 15000 })
    await page.locator('.job-card:visible').filter({ hasText: job.title }).first().locator('.job-card__open').click()
    await page.waitForURL((url) => url.pathname === '/packages/jobs/pages/detail/index')
    const kept = page.locator('.job-from-list:visible')
    await kept.locator('.job-card__title').getByText(job.title).waitFor({ timeout: 20000 })
    await kept.getByText('岗位的介绍、地址和要求，有网络后点“刷新”就能看到。').waitFor()
    expect(await page.locator('.action-bar:visible a.phone-call-button').getAttribute('href')).toBe(`tel:${job.contactPhone.replace(/\D/g, '')}`)

    await page.goBack()
    await page.locator('.job-card:visible').first().waitFor()
    await page.locator('.tab-bar').getByText('找组织', { exact: true }).click()
    await page.locator('.stations-page:visible .saved-note').waitFor({ timeout: 15000 })
    expect(await page.locator('.station-card:visible .station-card__phone').count()).toBeGreaterThan(0)

    // Signal again: the posting opened from the list is the whole posting.
    await context.setOffline(false)
    await page.locator('.tab-bar').getByText('找工作', { exact: true }).click()
    await page.locator('.job-card:visible').filter({ hasText: job.title }).first().locator('.job-card__open').click()
    await page.locator('.job-detail__title:visible').getByText(job.title).waitFor()
    expect(await page.locator('.job-from-list:visible').count()).toBe(0)
  })
  await context.close()
}, 120000)

test("a job's page opened once opens again without a network, saying when it was saved, with its number to call", async () => {
  const context = await phoneWithNoticeRead()
  const page = await context.newPage()
  const job = (await api('/jobs?limit=3')).body.items[2]
  await journey(page, 'offline-job-kept', async () => {
    await page.goto(`${e2e.server.baseUrl}/packages/jobs/pages/detail/index?id=${job.id}`)
    await page.locator('.job-detail__title').getByText(job.title).waitFor()
    await pagesKept(page)
    expect(await page.locator('.saved-note').count()).toBe(0)
    // The next day on a train: no signal, the page opened again from the phone's history.
    await context.setOffline(true)
    await page.reload()
    await page.locator('.job-detail__title').getByText(job.title).waitFor({ timeout: 15000 })
    await page.locator('.saved-note').getByText(/已保存于 \d+月\d+日 \d\d:\d\d/).waitFor()
    expect(await page.locator('.phone-call__number').first().textContent()).toBe(job.contactPhone)
    // Signal again: 刷新 brings the page as the server has it now, without the note.
    await context.setOffline(false)
    await page.locator('.saved-note').getByRole('button', { name: '刷新' }).click()
    await page.locator('.saved-note').waitFor({ state: 'detached' })
    await page.locator('.job-detail__title').getByText(job.title).waitFor()
  })
  await context.close()
}, 90000)

test('a link to a page never opened, opened without a network, says so instead of a white page, and leads home', async () => {
  const context = await phoneWithNoticeRead()
  const page = await context.newPage()
  await journey(page, 'offline-link-not-saved', async () => {
    await page.goto(`${e2e.server.baseUrl}/`)
    await page.locator('.job-card').first().waitFor()
    await pagesKept(page)
    await context.setOffline(true)
    // A course's page was never opened on this phone: its code is not kept.
    await page.goto(`${e2e.server.baseUrl}/packages/training/pages/detail/index?id=1`)
    const said = page.locator('#page-not-saved')
    await said.getByText('没有网络，这个页面还没有保存到手机上').waitFor({ timeout: 15000 })
    await said.getByText('回到首页').click()
    await page.locator('.job-card:visible').first().waitFor()
    // The site root opens the jobs tab, under the tab's own address.
    expect(new URL(page.url()).pathname).toMatch(/^\/(pages\/jobs\/index)?$/)
    expect(await page.locator('#page-not-saved').count()).toBe(0)
  })
  await context.close()
}, 90000)

test('a tab whose code cannot be fetched leaves the worker on the tab they were on, in the app', async () => {
  const context = await phoneWithNoticeRead()
  // No service worker here: the tab's code cannot come from anywhere without a network.
  await context.route('**/sw.js', (route) => route.abort())
  const page = await context.newPage()
  await journey(page, 'offline-tab-code', async () => {
    await page.goto(`${e2e.server.baseUrl}/`)
    await page.locator('.job-card').first().waitFor()
    await context.setOffline(true)
    await page.locator('.tab-bar').getByText('培训', { exact: true }).click()
    await page.locator('.wgt-notice').getByText('网络不好，页面没有打开，请稍后再试').waitFor()
    await page.waitForURL((url) => url.pathname === '/pages/jobs/index' || url.pathname === '/')
    expect(page.url()).not.toBe('about:blank')
    await page.locator('.tab-bar__item--on').getByText('找工作', { exact: true }).waitFor()
    expect(await page.locator('.job-card:visible').count()).toBeGreaterThan(0)

    // With signal, the same tap opens it.
    await context.setOffline(false)
    await page.locator('.tab-bar').getByText('培训', { exact: true }).click()
    await page.locator('.training-page:visible').first().waitFor()
    await page.locator('.tab-bar__item--on').getByText('培训', { exact: true }).waitFor()
  })
  await context.close()
}, 60000)
