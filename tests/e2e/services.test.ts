/**
 * Brands, transport and policies in the browser against the real server and its seed: the brand strip on 找工作 and 培训, the 点对点
 * transport list with a worker signing up and reading the boarding notice, and the policies page searched for 补贴.
 */
import type { Page } from 'playwright-core'
import { journey, phoneContext } from './support/browser'
import { useServerAndBrowser } from './support/harness'

/**
 * On pages with pull-down refresh Playwright's hit-target check reports the pull-to-refresh wrapper as covering the
 * buttons (see stations.test.ts); a forced click still presses at the button's centre.
 */
const tap = { force: true } as const

const e2e = useServerAndBrowser()

async function latestCode(phone: string): Promise<string> {
  const res = await fetch(`${e2e.server.baseUrl}/api/dev/sms-outbox?phone=${phone}`)
  const body = (await res.json()) as { items: Array<{ code: string; sentAt: string }> }
  return [...body.items].sort((a, b) => a.sentAt.localeCompare(b.sentAt)).pop()!.code
}

test('brands on 找工作 and 培训; a worker takes a seat on a 专车 and reads the boarding notice; policies found by 补贴', async () => {
  const list = (await (await fetch(`${e2e.server.baseUrl}/api/transport-batches?destination=${encodeURIComponent('无锡')}`)).json()) as {
    items: Array<{ id: number; seatsLeft: number; meetingPoint: string }>
  }
  expect(list.items).toHaveLength(1)
  const wuxi = list.items[0]

  const context = await phoneContext(e2e.browser)
  const page: Page = await context.newPage()
  await page.goto(e2e.server.baseUrl + '/')
  await journey(page, 'services', async () => {
    await page.locator('.privacy-sheet__agree').click()

    // 找工作: the brand strip, and a brand's story with its jobs.
    const strip = page.locator('.brand-strip')
    await strip.getByText('武山劳务品牌').waitFor()
    await strip.getByText('宁远建筑工', { exact: true }).click()
    await page.getByRole('dialog', { name: '宁远建筑工（省级劳务品牌）' }).waitFor()
    await page.locator('.dialog .nut-button, .dialog .big-button', { hasText: '关闭' }).click()

    // 坐专车去上班: the list, then sign in and take a seat.
    await page.getByText('坐专车去上班', { exact: true }).click()
    const card = page.locator('.batch-card', { hasText: '洛门镇 → 无锡市 专车' })
    await card.getByText(`还剩 ${wuxi.seatsLeft} 个座位`, { exact: false }).waitFor()
    await card.getByText('我要坐这趟车', { exact: true }).click(tap)
    const phone = '13790000001'
    await page.locator('input.sign-in-form__phone, .sign-in-form__phone input').fill(phone)
    await page.locator('.sign-in-form__send').click(tap)
    await page.getByText(/秒后可重新获取/).waitFor()
    await page.locator('input.sign-in-form__code, .sign-in-form__code input').fill(await latestCode(phone))
    await page.locator('.sign-in-form__submit').click(tap)

    const back = page.locator('.batch-card', { hasText: '洛门镇 → 无锡市 专车' })
    // Back from sign-in on the same list: wait until the page knows the worker is signed in (the 我报名的车 link
    // shows then), or the tap would go to sign-in again instead of opening the confirmation.
    await page.getByText('我报名的车', { exact: true }).waitFor()
    await page.waitForLoadState('networkidle')
    await back.getByText('我要坐这趟车', { exact: true }).waitFor()
    await back.getByText('我要坐这趟车', { exact: true }).click(tap)
    await page.getByRole('dialog', { name: '确定报名这趟车吗？' }).waitFor()
    await page.locator('.dialog .big-button', { hasText: '确定报名' }).waitFor()
    // The dialog sits inside the pull-to-refresh wrapper: a forced click lands on the wrapper, so press the button itself.
    await page.locator('.dialog .big-button', { hasText: '确定报名' }).dispatchEvent('click')
    await back.getByText('报名成功，给您留了座位').waitFor()
    await back.getByText('乘车须知').waitFor()
    await back.getByText(wuxi.meetingPoint, { exact: true }).waitFor()
    await back.getByText(`还剩 ${wuxi.seatsLeft - 1} 个座位`, { exact: false }).waitFor()

    // 我报名的车 keeps the notice.
    await page.getByText('我报名的车', { exact: true }).waitFor()
    await page.getByText('我报名的车', { exact: true }).click(tap)
    await page.locator('.batch-card', { hasText: '洛门镇 → 无锡市 专车' }).getByText('您已报名这趟车').waitFor()

    // 培训 has the strip too (opened afresh: the history is now a deep stack of subpackage pages).
    await page.goto(e2e.server.baseUrl + '/pages/training/index')
    await page.locator('.training-page .brand-strip').getByText('鸳鸯电焊手', { exact: true }).waitFor()

    // 维权 → 政策咨询: the FAQ, then a 2-character search.
    await page.locator('.tab-bar').getByText('维权', { exact: true }).click()
    await page.getByText('政策咨询', { exact: true }).click()
    await page.getByText('工资被拖欠怎么办？', { exact: true }).waitFor()
    await page.locator('input.search-box__input, .search-box__input input').fill('补贴')
    await page.locator('.search-box__button').waitFor()
    await page.locator('.search-box__button').click(tap)
    await page.getByText('“补贴”的搜索结果').waitFor()
    await page.locator('.policy-card', { hasText: '参加技能培训要不要交钱' }).waitFor()
    await page.locator('.policy-card', { hasText: '参加技能培训要不要交钱' }).click(tap)
    await page.getByText('以当地人社部门公布为准', { exact: false }).first().waitFor()
  })
  await context.close()

  const seat = (await (await fetch(`${e2e.server.baseUrl}/api/transport-batches/${wuxi.id}`)).json()) as { seatsLeft: number }
  expect(seat.seatsLeft).toBe(wuxi.seatsLeft - 1)
})
