import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { RosterImport } from '@contract/roster-imports'
import { setToken } from '@/api'
import { chooseSheet } from '@/lib/choose-sheet'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { adminStaff, settle, staffSignInPrompt, stationStaff, tap } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { townshipOfficer, villageInformant } from '../../../../../tests/support/app/roster'
import RosterImportPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
jest.mock('@/lib/choose-sheet', () => ({ chooseSheet: jest.fn(), chooseSheetHint: '' }))
const mockDownload = jest.fn()
jest.mock('@/features/staff/api/ledger-export', () => ({ downloadRosterTemplate: () => mockDownload() }))

const chosen = { path: 'blob:sheet-1', name: '洛门镇台账.xlsx', size: 40_000 }

/** The sheet's upload goes through the same fake server as every other call: multipart is the only difference. */
const uploadFile = jest.fn(async (o: { url: string; filePath: string; name: string; fileName?: string; header: Record<string, string> }) => {
  const res = await mockApi.send({ method: 'POST', url: o.url, headers: o.header, body: { [o.name]: o.filePath, fileName: o.fileName } })
  return { statusCode: res.status, data: JSON.stringify(res.body) }
})

function dryRun(over: Partial<RosterImport> = {}): RosterImport {
  return {
    id: 12,
    fileName: '洛门镇台账.xlsx',
    sha256: 'b'.repeat(64),
    township: '洛门镇',
    staff: { id: 7, displayName: '洛门镇劳务专干' },
    createdAt: '2026-12-04T08:00:00.000Z',
    state: 'checked',
    committedAt: null,
    summary: { rows: 5, new: 2, changed: 1, unchanged: 1, refused: 1 },
    problems: [
      { row: 5, column: '身份证号', value: '6205**********123X', message: '身份证号最后一位不对，请核对' },
      { row: 5, column: '村', value: '不存在村', message: '洛门镇没有这个村，请从“可选值”表里选' },
    ],
    problemCount: 2,
    changes: [{ row: 4, personId: 101, name: '老张', fields: [{ column: '目前状态', before: '暂无外出意愿', after: '返乡回流' }, { column: '返乡原因', before: null, after: '照顾家庭' }] }],
    listedMax: 5000,
    written: null,
    sameFile: null,
    ...over,
  }
}

beforeEach(() => {
  mockApi.reset()
  uploadFile.mockClear()
  mockDownload.mockReset()
  ;(Taro as unknown as { uploadFile: typeof uploadFile }).uploadFile = uploadFile
  ;(chooseSheet as jest.Mock).mockReset().mockResolvedValue(chosen)
  setRouterParams({}, '/packages/roster/pages/import/index')
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => townshipOfficer)
  mockApi.on('POST', '/staff/roster-imports', () => ({ status: 201, body: dryRun() }))
})

test('a signed-out visitor is asked to sign in; informants and stations are told who imports', async () => {
  setToken(null)
  const first = render(<RosterImportPage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  first.unmount()
  setToken('staff-token')
  for (const who of [villageInformant, stationStaff]) {
    mockApi.on('GET', '/staff/me', () => who)
    const page = render(<RosterImportPage />)
    await settle()
    expect(screen.getByText(/只有乡镇劳务专干和县劳务输转服务中心可以导入台账/)).toBeTruthy()
    expect(screen.queryByText('选择 Excel 文件')).toBeNull()
    page.unmount()
  }
})

test('a township officer sees their township, downloads the template, and a chooser closed without a pick sends nothing', async () => {
  mockDownload.mockResolvedValue('已下载 劳动力台账导入模板-洛门镇.xlsx')
  ;(chooseSheet as jest.Mock).mockResolvedValue(null)
  render(<RosterImportPage />)
  await settle()
  expect(screen.getByText('你是洛门镇的劳务专干，只能导入洛门镇的人。')).toBeTruthy()
  await tap('下载导入模板（Excel）')
  await settle()
  expect(mockDownload).toHaveBeenCalledTimes(1)
  expect(screen.getByText('已下载 劳动力台账导入模板-洛门镇.xlsx')).toBeTruthy()
  await tap('选择 Excel 文件')
  await settle()
  expect(uploadFile).not.toHaveBeenCalled()
})

test('the dry run: counts, every refused cell with row, column and reason, changes both ways; 确认导入 commits once', async () => {
  let committed = 0
  mockApi.on('POST', '/staff/roster-imports/12/commit', () => {
    committed++
    return dryRun({ state: 'committed', committedAt: '2026-12-04T08:05:00.000Z', written: { created: 2, updated: 1, unchanged: 0 } })
  })
  render(<RosterImportPage />)
  await settle()
  await tap('选择 Excel 文件')
  await settle()
  expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/staff/roster-imports', filePath: 'blob:sheet-1', name: 'file', fileName: '洛门镇台账.xlsx' }))
  expect(screen.getByText('检查结果（还没有导入）')).toBeTruthy()
  const count = (label: string) => screen.getByText(label).closest('.roster-import__count')?.querySelector('.roster-import__count-value')?.textContent
  expect([count('新增的人'), count('有变化的人'), count('没有变化的人'), count('不能导入的行')]).toEqual(['2', '1', '1', '1'])

  const rows = [...document.querySelectorAll('.roster-import__problem')].map((r) => [...r.querySelectorAll('.roster-import__cell')].map((c) => c.textContent))
  expect(rows).toEqual([
    ['第 5 行', '身份证号', '6205**********123X', '身份证号最后一位不对，请核对'],
    ['第 5 行', '村', '不存在村', '洛门镇没有这个村，请从“可选值”表里选'],
  ])
  expect(screen.getByText('第 4 行 · 老张')).toBeTruthy()
  expect(screen.getByText('台账里：暂无外出意愿')).toBeTruthy()
  expect(screen.getByText('表格里：返乡回流')).toBeTruthy()
  expect(screen.getByText('台账里：（空）')).toBeTruthy()
  expect(screen.getByText(/确认后：新增 2 人，更新 1 人的信息/)).toBeTruthy()
  expect(committed).toBe(0)

  await tap('确认导入')
  await settle()
  expect(committed).toBe(1)
  expect(screen.getByText('已导入“洛门镇台账.xlsx”：新增 2 人，更新 1 人。')).toBeTruthy()
  expect(screen.getByText('不能导入的 1 行没有导入。')).toBeTruthy()
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  await tap('去劳动力台账看看')
  expect(navigate).toHaveBeenCalledWith({ url: `/packages/roster/pages/people/index?township=${encodeURIComponent('洛门镇')}` })
  navigate.mockRestore()
})

test('a file imported already says so, and with nothing to write there is no 确认导入', async () => {
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('POST', '/staff/roster-imports', () => ({
    status: 201,
    body: dryRun({ township: null, summary: { rows: 3, new: 0, changed: 0, unchanged: 3, refused: 0 }, problems: [], problemCount: 0, changes: [], sameFile: { id: 9, committedAt: '2026-12-01T02:00:00.000Z', staff: { id: 1, displayName: '县劳务输转服务中心' } } }),
  }))
  render(<RosterImportPage />)
  await settle()
  expect(screen.getByText('县级管理员可以导入全县各乡镇的人。')).toBeTruthy()
  await tap('选择 Excel 文件')
  await settle()
  expect(screen.getByText('这个文件已经导入过了（2026-12-01 10:00，县劳务输转服务中心），再导入不会改变台账。')).toBeTruthy()
  expect(screen.getByText('这个文件里没有要写入台账的内容。')).toBeTruthy()
  expect(screen.queryByText('确认导入')).toBeNull()
  await tap('重新选择文件')
  expect(screen.getByText('选择 Excel 文件')).toBeTruthy()
})

test('a file refused whole shows the reason and lets the officer pick another', async () => {
  mockApi.on('POST', '/staff/roster-imports', () => failure(400, 'VALIDATION_FAILED', '填写的内容有误', { file: '这是旧版 Excel 文件（.xls），请在 Excel 里另存为 .xlsx 后再导入' }))
  render(<RosterImportPage />)
  await settle()
  await tap('选择 Excel 文件')
  await settle()
  expect(screen.getByText('这是旧版 Excel 文件（.xls），请在 Excel 里另存为 .xlsx 后再导入')).toBeTruthy()
  expect(screen.getByText('选择 Excel 文件')).toBeTruthy()
})

test('a commit longer than the request waits: the page reads the import until it is written', async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] })
  try {
    let reads = 0
    mockApi.on('POST', '/staff/roster-imports/12/commit', () => failure(409, 'CONFLICT', '这次导入正在写入台账，请稍等一会儿再刷新'))
    mockApi.on('GET', '/staff/roster-imports/12', () => (++reads < 2 ? dryRun({ state: 'committing' }) : dryRun({ state: 'committed', written: { created: 2, updated: 1, unchanged: 0 } })))
    render(<RosterImportPage />)
    await act(async () => jest.advanceTimersByTimeAsync(100))
    await tap('选择 Excel 文件')
    await act(async () => jest.advanceTimersByTimeAsync(100))
    await tap('确认导入')
    expect(screen.getByText('正在导入，请稍等…')).toBeTruthy()
    await act(async () => jest.advanceTimersByTimeAsync(7000))
    expect(reads).toBe(2)
    expect(screen.getByText('已导入“洛门镇台账.xlsx”：新增 2 人，更新 1 人。')).toBeTruthy()
  } finally {
    jest.useRealTimers()
  }
})
