import type { Page } from 'playwright-core'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()

async function openPhone(path = '/'): Promise<Page> {
  const context = await phoneContext(e2e.browser)
  const page = await context.newPage()
  await page.goto(e2e.server.baseUrl + path)
  return page
}

/** The newest code the console SMS provider "sent" to a phone (GET /api/dev/sms-outbox, test server only). */
async function latestCode(phone: string): Promise<string> {
  const res = await fetch(`${e2e.server.baseUrl}/api/dev/sms-outbox?phone=${phone}`)
  expect(res.ok).toBe(true)
  const { items } = (await res.json()) as { items: Array<{ code: string; sentAt: string }> }
  expect(items.length).toBeGreaterThan(0)
  return [...items].sort((a, b) => a.sentAt.localeCompare(b.sentAt)).pop()!.code
}

/** The token the portal stored (Taro's H5 storage keeps `{ data }` JSON in localStorage). */
async function storedToken(page: Page): Promise<string | null> {
  const raw = await page.evaluate(() => localStorage.getItem('wgt.session.token'))
  if (!raw) return null
  try {
    const parsed = JSON.parse(raw) as { data?: unknown }
    return typeof parsed.data === 'string' && parsed.data ? parsed.data : null
  } catch {
    return raw
  }
}

test('a worker signs in with an SMS code, fills in the profile, and signs out', async () => {
  const phone = '13800001234'
  const page = await openPhone('/')
  await journey(page, 'account', async () => {
    // First visit: the privacy notice, once.
    await page.getByText('您的信息怎么用').waitFor()
    await page.locator('.privacy-sheet__agree').click()
    await page.getByText('您的信息怎么用').waitFor({ state: 'detached' })

    // 我的 → 登录
    await page.locator('.tab-bar').getByText('我的', { exact: true }).click()
    await page.locator('.me-page__sign-in').click()
    await page.locator('input.sign-in-form__phone, .sign-in-form__phone input').fill(phone)
    await page.locator('.sign-in-form__send').click()
    await page.getByText(/秒后可重新获取/).waitFor()
    await page.getByText('验证码已发到 138****1234', { exact: false }).waitFor()

    const code = await latestCode(phone)
    await page.locator('input.sign-in-form__code, .sign-in-form__code input').fill(code)
    await page.locator('.sign-in-form__submit').click()

    // Back on 我的, signed in: the phone is masked.
    await page.locator('.me-page__phone').getByText('138****1234').waitFor()
    const token = await storedToken(page)
    expect(token).toBeTruthy()

    // 我的资料: name and hometown township.
    await page.getByText('我的资料', { exact: true }).click()
    await page.locator('input.profile-form__name, .profile-form__name input').fill('李四')
    await page.locator('.profile-form').getByText('洛门镇', { exact: true }).click()
    await page.locator('.profile-form__save').click()
    await page.locator('.profile-form__saved').getByText('已保存').waitFor()

    // Stored on the server, as the API tells the worker's own token.
    const res = await fetch(`${e2e.server.baseUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    const me = (await res.json()) as { name: string; hometownTownship: string; phone: string; consents: Array<{ kind: string; granted: boolean }> }
    expect(me).toMatchObject({ name: '李四', hometownTownship: '洛门镇', phone: '138****1234' })
    // The privacy notice accepted on the device was recorded once signed in.
    expect(me.consents).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'privacy_notice', granted: true })]))

    // Back to 我的: the name shows; 退出登录 brings the sign-in card back and ends the token.
    await page.goBack()
    await page.locator('.me-page__name').getByText('李四').waitFor()
    await page.locator('.me-page__sign-out').click()
    await page.locator('.me-page__sign-in').waitFor()
    await page.getByText('登录后', { exact: true }).waitFor()
    expect(await storedToken(page)).toBeNull()
    const after = await fetch(`${e2e.server.baseUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } })
    expect(after.status).toBe(401)
  })
  await page.context().close()
})

test('a wrong code is explained under the code field', async () => {
  const phone = '13900005678'
  const page = await openPhone('/packages/me/pages/sign-in/index')
  await journey(page, 'account-wrong-code', async () => {
    await page.locator('input.sign-in-form__phone, .sign-in-form__phone input').fill(phone)
    await page.locator('.sign-in-form__send').click()
    await page.getByText(/秒后可重新获取/).waitFor()
    const code = await latestCode(phone)
    const wrong = code === '000000' ? '111111' : '000000'
    await page.locator('input.sign-in-form__code, .sign-in-form__code input').fill(wrong)
    await page.locator('.sign-in-form__submit').click()
    await page.locator('.form-field__error').first().waitFor()
    expect(await storedToken(page)).toBeNull()
  })
  await page.context().close()
})
