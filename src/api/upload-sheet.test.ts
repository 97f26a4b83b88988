import Taro from '@tarojs/taro'
import type { RosterImport } from '@contract/roster-imports'
import { setToken } from '.'
import { uploadRosterSheet } from './upload-sheet'

jest.mock('@tarojs/taro', () => jest.requireActual('../../tests/support/app/taro-storage-double').taroStorageDouble())
const uploadFile = jest.fn()
;(Taro as unknown as { uploadFile: jest.Mock }).uploadFile = uploadFile

const checked: RosterImport = {
  id: 7,
  fileName: '洛门镇台账.xlsx',
  sha256: 'a'.repeat(64),
  township: '洛门镇',
  staff: { id: 3, displayName: '洛门镇劳务专干' },
  createdAt: '2026-12-04T08:00:00.000Z',
  state: 'checked',
  committedAt: null,
  summary: { rows: 2, new: 1, changed: 0, unchanged: 0, refused: 1 },
  problems: [{ row: 4, column: '身份证号', value: '6205**********1237', message: '身份证号最后一位不对，请核对' }],
  problemCount: 1,
  changes: [],
  listedMax: 5000,
  written: null,
  sameFile: null,
}
const sheet = { path: 'blob:sheet-1', name: '洛门镇台账.xlsx', size: 20_000 }

beforeEach(() => uploadFile.mockReset())

test('sends the sheet in the field `file` with its name and the token, and reads the dry run with the contract', async () => {
  setToken('t0ken')
  uploadFile.mockResolvedValue({ statusCode: 201, data: JSON.stringify(checked) })
  await expect(uploadRosterSheet(sheet)).resolves.toMatchObject({ id: 7, summary: { new: 1, refused: 1 } })
  expect(uploadFile).toHaveBeenCalledWith(
    expect.objectContaining({ url: '/api/staff/roster-imports', filePath: 'blob:sheet-1', name: 'file', fileName: '洛门镇台账.xlsx', header: expect.objectContaining({ Authorization: 'Bearer t0ken' }) }),
  )
  // A county's sheet takes a minute or more to check: far longer than a JSON call may.
  expect(uploadFile.mock.calls[0][0].timeout).toBeGreaterThanOrEqual(5 * 60 * 1000)
  setToken(null)
})

test('every failure is one ApiError; a file past 20 MB is refused before it is sent', async () => {
  await expect(uploadRosterSheet({ ...sheet, size: 21 * 1024 * 1024 })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/最大20MB/) })
  expect(uploadFile).not.toHaveBeenCalled()
  uploadFile.mockResolvedValueOnce({ statusCode: 400, data: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: '这不是 Excel 文件（.xlsx）', fields: { file: '这不是 Excel 文件（.xlsx）' } } }) })
  await expect(uploadRosterSheet(sheet)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: { file: '这不是 Excel 文件（.xlsx）' } })
  uploadFile.mockResolvedValueOnce({ statusCode: 403, data: JSON.stringify({ error: { code: 'FORBIDDEN', message: '村信息员不能导入台账' } }) })
  await expect(uploadRosterSheet(sheet)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 })
  uploadFile.mockResolvedValueOnce({ statusCode: 413, data: '<html>413 Request Entity Too Large</html>' })
  await expect(uploadRosterSheet(sheet)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' })
  uploadFile.mockResolvedValueOnce({ statusCode: 201, data: '{"id":"not an import"}' })
  await expect(uploadRosterSheet(sheet)).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
  uploadFile.mockRejectedValueOnce({ errMsg: 'uploadFile:fail timeout' })
  await expect(uploadRosterSheet(sheet)).rejects.toMatchObject({ code: 'TIMEOUT' })
  uploadFile.mockRejectedValueOnce({ errMsg: 'uploadFile:fail' })
  await expect(uploadRosterSheet(sheet)).rejects.toMatchObject({ code: 'NETWORK' })
})
