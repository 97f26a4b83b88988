/**
 * 导入台账 in the browser against the real server: an administrator opens it from the workbench, uploads a small
 * workbook (made here) with one good row and one row whose ID number has a wrong check digit, reads the reason, commits,
 * and finds the good row's person in the people list; the refused one is not there.
 */
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { idNumberCheckChar, rosterImportColumns } from '../../types'
import { serverApi } from './support/api'
import { journey } from './support/browser'
import { useServerAndBrowser } from './support/harness'

const e2e = useServerAndBrowser()
const { call } = serverApi(() => e2e.server.baseUrl)

const deskContext = () => e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })

async function staffSignIn(page: Page, username: string, password: string) {
  await page.goto(`${e2e.server.baseUrl}/packages/staff/pages/index/index`)
  const agree = page.locator('.privacy-sheet__agree')
  if (await agree.waitFor({ timeout: 3000 }).then(() => true, () => false)) await agree.click()
  await page.locator('input.staff-sign-in-form__username, .staff-sign-in-form__username input').fill(username)
  await page.locator('input.staff-sign-in-form__password, .staff-sign-in-form__password input').fill(password)
  await page.locator('.staff-sign-in-form .nut-button, .staff-sign-in-form .big-button').first().click()
  await page.locator('.wb-figures').waitFor()
}

const idNumber = (first17: string) => first17 + idNumberCheckChar(first17)

/** The county's columns in its order, a good row and a row with a wrong check digit (Excel's row 3). */
async function workbook(village: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  const headers = rosterImportColumns.map((c) => c.header)
  ws.addRow(headers)
  const row = (cells: Record<string, string>) => ws.addRow(headers.map((h) => cells[h] ?? null))
  const place = { 乡镇: '洛门镇', 村: village, 户类别: '一般户' }
  row({ ...place, 姓名: '苗春生', 身份证号: idNumber('62052419850312041'), 目前状态: '外出务工（省外）', 去向省份: '江苏省', 去向城市: '苏州市', 工种: '电工' })
  const good = idNumber('62052419920708052')
  row({ ...place, 姓名: '苗错号', 身份证号: good.slice(0, 17) + (good[17] === '1' ? '2' : '1'), 目前状态: '暂无外出意愿' })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

test('an administrator imports a workbook: the bad row is named with its reason, the good one is on the roster', async () => {
  const admin = await call('/staff/login', { method: 'POST', body: { username: 'admin', password: 'wgt-admin-2026' } })
  expect(admin.status).toBe(200)
  const villages = (await call(`/staff/villages?township=${encodeURIComponent('洛门镇')}`, { token: admin.body.token })).body.items as { name: string }[]
  const sheet = await workbook(villages[0].name)

  const context = await deskContext()
  const page = await context.newPage()
  await journey(page, 'roster-import', async () => {
    await staffSignIn(page, 'admin', 'wgt-admin-2026')
    await page.locator('.wb-nav__item').getByText('导入台账').click()
    await page.getByText('县级管理员可以导入全县各乡镇的人。').waitFor()

    const chooser = page.waitForEvent('filechooser')
    await page.locator('.roster-import__choose').click()
    await (await chooser).setFiles({ name: '洛门镇台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheet })

    await page.getByText('检查结果（还没有导入）').waitFor({ timeout: 60_000 })
    const count = (label: string) => page.locator('.roster-import__count', { hasText: label }).locator('.roster-import__count-value')
    expect(await count('新增的人').textContent()).toBe('1')
    expect(await count('不能导入的行').textContent()).toBe('1')
    const problem = page.locator('.roster-import__problem')
    expect(await problem.count()).toBe(1)
    expect(await problem.locator('.roster-import__cell').allTextContents()).toEqual(['第 3 行', '身份证号', expect.stringMatching(/^6205\*+/), '身份证号最后一位不对，请核对'])

    await page.locator('.roster-import__commit').click()
    await page.getByText('已导入“洛门镇台账.xlsx”：新增 1 人，更新 0 人。').waitFor({ timeout: 60_000 })
    await page.getByText('不能导入的 1 行没有导入。').waitFor()

    await page.getByText('去劳动力台账看看').click()
    await page.getByText('新增（一户或一人）').waitFor()
    // Searched by name, as an officer finds someone on the list.
    await page.goto(`${e2e.server.baseUrl}/packages/roster/pages/people/index?q=${encodeURIComponent('苗')}`)
    await page.getByText('苗春生 ›').waitFor()
    expect(await page.getByText('苗错号 ›').count()).toBe(0)
    await page.getByText('苗春生 ›').click()
    await page.getByText('目前状态：外出务工（省外） · 江苏省苏州市').waitFor()
    // Its record says where it came from.
    await page.getByText(/^最近修改：.*，导入$/).waitFor()
  })
  await context.close()
})
