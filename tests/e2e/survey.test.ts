/**
 * 摸排 in the browser against the real server: a village informant opens the village's list online, loses signal,
 * checks the five people of a household (无变化 and 下一位), sees the five waiting on the phone, gets signal back;
 * the checks arrive once each, and the township officer sees the round's progress move by five.
 */
import type { BrowserContext } from 'playwright-core'
import { idNumberCheckChar, privacyNoticeVersion } from '../../types'
import { serverApi } from './support/api'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()
const { call } = serverApi(() => e2e.server.baseUrl)

let keyN = 0
const key = () => `e2e-survey-${++keyN}-${Date.now()}`
const idNumber = (seq: number) => {
  const first17 = `62052419850101${String(seq).padStart(3, '0')}`
  return first17 + idNumberCheckChar(first17)
}

async function login(username: string, password: string): Promise<string> {
  const res = await call('/staff/login', { method: 'POST', body: { username, password } })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token
}

/** An officer's account, its one-time password changed as at a first sign-in; returns their token. */
async function openAccount(admin: string, username: string, extra: Record<string, unknown>): Promise<string> {
  const made = await call('/staff/accounts', { method: 'POST', token: admin, key: key(), body: { username, password: 'a-long-password', displayName: `测试${username}`, ...extra } })
  if (made.status !== 201) throw new Error(`account ${username}: ${made.status} ${JSON.stringify(made.body)}`)
  const token = await login(username, 'a-long-password')
  const changed = await call('/staff/me/password', { method: 'POST', token, body: { oldPassword: 'a-long-password', newPassword: 'a-changed-password' } })
  if (changed.status !== 200) throw new Error(`password ${username}: ${changed.status}`)
  return token
}

/** A phone signed in as this officer, with the privacy notice read. */
async function staffPhone(token: string): Promise<BrowserContext> {
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

test('five checks made without signal arrive once each, and the township officer sees progress move by five', async () => {
  const admin = await login('admin', 'wgt-admin-2026')
  const villages = (await call(`/staff/villages?township=${encodeURIComponent('洛门镇')}`, { token: admin })).body.items as { id: number; name: string }[]
  const village = villages[0]
  const informant = await openAccount(admin, 'e2e-informant', { role: 'village', township: '洛门镇', village: village.name })
  const officer = await openAccount(admin, 'e2e-luomen', { role: 'township', township: '洛门镇' })

  // One household of five.
  const names = ['马德福', '王秀兰', '马小虎', '马小芳', '马小龙']
  const relations = ['head', 'spouse', 'child', 'child', 'child']
  let householdId: number | null = null
  for (const [i, name] of names.entries()) {
    const res = await call('/staff/people', {
      method: 'POST',
      token: admin,
      key: key(),
      body: { name, idNumber: idNumber(i + 1), township: '洛门镇', villageId: village.id, householdId, relation: relations[i], poverty: 'general', status: 'unwilling' },
    })
    if (res.status !== 201) throw new Error(`person ${name}: ${res.status} ${JSON.stringify(res.body)}`)
    householdId = res.body.householdId
  }
  const round = (await call('/staff/survey-rounds', { method: 'POST', token: admin, key: key(), body: { name: '2026年12月摸排', dueDate: '2099-12-31' } })).body
  const progress = async () => (await call(`/staff/survey-rounds/${round.id}/progress`, { token: officer })).body as { checked: number; total: number }
  expect(await progress()).toMatchObject({ checked: 0, total: 5 })

  // The township officer's progress page, before.
  const desk = await staffPhone(officer)
  const officerPage = await desk.newPage()
  await journey(officerPage, 'survey-progress-before', async () => {
    await officerPage.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
    await officerPage.locator('.wb-nav__item').getByText('摸排进度').click()
    await officerPage.locator('.survey-progress-page__total').getByText('已查 0 / 5 人').waitFor()
    await officerPage.locator('.survey-progress__label').getByText(village.name).waitFor()
  })

  const phone = await staffPhone(informant)
  const page = await phone.newPage()
  await journey(page, 'survey-online-start', async () => {
    // The morning, with signal: from the workbench to the village's list, and one person's screen once.
    await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
    await page.locator('.wb-nav__item').getByText('摸排', { exact: true }).click()
    await page.locator('.survey-household__name').getByText('马德福家').waitFor()
    await page.getByText('还有 5 人没查').waitFor()
    await page.getByText('手机上没有等着发送的').waitFor()
    await page.locator('.survey-person__name').getByText('马德福').click()
    await page.locator('.survey-check__name').getByText('马德福').waitFor()
    await page.goBack()
    await page.locator('.survey-household__name').getByText('马德福家').waitFor()
    // Signal goes once the page has settled, as on a phone: no page change or read still under way.
    await page.waitForLoadState('networkidle')
  })

  await phone.setOffline(true)
  await journey(page, 'survey-offline-checks', async () => {
    await page.locator('.survey-person__name').getByText('马德福').click()
    for (const [i, name] of names.entries()) {
      await page.locator('.survey-check__name').getByText(name).waitFor({ timeout: 20000 })
      await page.getByText(`马德福家 · 第 ${i + 1} / 5 人`).waitFor()
      await page.locator('.survey-check__same').click()
    }
    await page.locator('.section__title:visible').getByText('这一户查完了').waitFor({ timeout: 20000 })
    await page.locator('.outbox-banner:visible').getByText('待发送 5 条').waitFor()
    await page.locator('.big-button:visible').getByText('回到名单').click()
    await page.locator('.survey-village__waiting:visible').getByText('5 条在手机上等着发送，有信号后自动发出').waitFor({ timeout: 20000 })
    expect(await page.locator('.survey-badge--waiting:visible').count()).toBe(5)
  })
  // Nothing reached the server while the phone had no signal.
  expect(await progress()).toMatchObject({ checked: 0, total: 5 })

  await phone.setOffline(false)
  await journey(page, 'survey-sent', async () => {
    // The outbox sends by itself (on the network's return or its own timer), and the list reads itself again.
    await page.waitForFunction(
      () => {
        const raw = localStorage.getItem('wgt.outbox')
        const entries = raw ? (JSON.parse(raw) as { data?: unknown[] }).data : []
        return Array.isArray(entries) && entries.length === 0
      },
      undefined,
      { timeout: 60000 },
    )
    await page.locator('.survey-village__waiting:visible').getByText('手机上没有等着发送的').waitFor({ timeout: 20000 })
    await page.locator('.survey-household__left:visible').getByText('这一户查完了').waitFor({ timeout: 20000 })
    expect(await page.locator('.survey-badge--done:visible').count()).toBe(5)
  })
  expect(await progress()).toMatchObject({ checked: 5, total: 5 })

  await journey(officerPage, 'survey-progress-after', async () => {
    await officerPage.reload()
    await officerPage.locator('.survey-progress-page__total').getByText('已查 5 / 5 人').waitFor({ timeout: 20000 })
  })
  // Each check recorded once: no person has a second version, and the village list shows all five checked.
  const list = (await call(`/staff/survey-rounds/${round.id}/village?villageId=${village.id}`, { token: officer })).body
  expect(list.households[0].members.map((m: { checked: boolean; version: number; conflict: boolean }) => [m.checked, m.version, m.conflict])).toEqual(names.map(() => [true, 1, false]))
  await phone.close()
  await desk.close()
}, 240000)
