import type { Page } from 'playwright-core'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(e2e.server.baseUrl + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

async function latestCode(phone: string): Promise<string> {
  const { body } = await call<{ items: Array<{ code: string; sentAt: string }> }>('GET', `/api/dev/sms-outbox?phone=${phone}`)
  return [...body.items].sort((a, b) => a.sentAt.localeCompare(b.sentAt)).pop()!.code
}

/** Signs a worker in through the API, as the sign-in page would. */
async function signInByApi(phone: string): Promise<string> {
  expect((await call('POST', '/api/auth/sms-code', { phone })).status).toBe(200)
  const res = await call<{ token: string }>('POST', '/api/auth/login', { phone, code: await latestCode(phone) })
  expect(res.status).toBe(200)
  return res.body.token
}

let keys = 0
async function enrol(token: string, courseId: number) {
  return call<{ id: number; status: string; waitlistPosition: number | null }>('POST', `/api/courses/${courseId}/enrollments`, {}, {
    authorization: `Bearer ${token}`,
    'idempotency-key': `e2e-training-${++keys}-${Date.now()}`,
  })
}

test('the small course fills up; the next worker, in the browser, joins the waitlist and moves up when a seat frees', async () => {
  const { body: list } = await call<{ items: Array<{ id: number; title: string; capacity: number; seatsLeft: number }> }>('GET', '/api/courses?mode=menu&limit=50')
  const small = list.items.find((c) => c.title.startsWith('叉车司机小班'))!
  expect(small).toMatchObject({ capacity: 3, seatsLeft: 3 })

  // Three workers take the three seats through the API.
  const seated: Array<{ token: string; id: number }> = []
  for (const phone of ['13700000001', '13700000002', '13700000003']) {
    const token = await signInByApi(phone)
    const res = await enrol(token, small.id)
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('enrolled')
    seated.push({ token, id: res.body.id })
  }

  const context = await phoneContext(e2e.browser)
  const page: Page = await context.newPage()
  await page.goto(e2e.server.baseUrl + '/')
  await journey(page, 'training-waitlist', async () => {
    await page.locator('.privacy-sheet__agree').click()
    await page.locator('.tab-bar').getByText('培训', { exact: true }).click()
    await page.getByText('自己点想学的', { exact: true }).first().click()
    const card = page.locator('.course-card', { hasText: small.title })
    await card.getByText('已满，可候补').waitFor()
    await card.click()

    // Not signed in yet: the enrol button leads to sign-in, which comes back here.
    await page.getByText('名额已满，现在报名进入候补名单', { exact: false }).waitFor()
    await page.getByText('报名候补', { exact: true }).click()
    const phone = '13700000004'
    await page.locator('input.sign-in-form__phone, .sign-in-form__phone input').fill(phone)
    await page.locator('.sign-in-form__send').click()
    await page.getByText(/秒后可重新获取/).waitFor()
    await page.locator('input.sign-in-form__code, .sign-in-form__code input').fill(await latestCode(phone))
    await page.locator('.sign-in-form__submit').click()

    await page.getByText('报名候补', { exact: true }).click()
    await page.getByText('已进入候补第 1 位', { exact: true }).waitFor()
    await page.getByText('名额已满。有人取消时，按排队顺序自动给您补上', { exact: false }).waitFor()

    // 我的课程 shows the place in the queue.
    await page.getByText('看我的课程', { exact: true }).click()
    const mine = page.locator('.enrollment-card', { hasText: small.title })
    await mine.getByText('在候补名单第 1 位').waitFor()

    // A seated worker cancels: the seat goes to the first in line at once.
    expect((await call('DELETE', `/api/enrollments/${seated[0].id}`, undefined, { authorization: `Bearer ${seated[0].token}` })).status).toBe(200)
    await page.reload()
    await page.locator('.enrollment-card', { hasText: small.title }).getByText('已报上名').waitFor()
  })
  await context.close()
})
