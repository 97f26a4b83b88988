/**
 * Registers as .xlsx: the CSV's columns in the same order, a frozen header row, ID numbers and phones as text, a
 * formula-looking name made safe, ID numbers and phones masked for station staff as in the CSV, and each export in
 * the access log.
 */
import ExcelJS from 'exceljs'
import { bearer, staffSignIn } from '../test-support/accounts'
import { freshKey, idNumberFor, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { rosterLedgerCsvHeader } from '../roster/roster-ledgers.service'
import { ledgerCsvHeader } from '../staff/ledgers.service'

jest.setTimeout(60_000)

let t: TestApp
let admin = ''
let station = ''
const id = idNumberFor(901)

beforeAll(async () => {
  t = await buildTestApp()
  admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  station = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  const v = await villageOf(t.app, admin, '洛门镇', 0)
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/staff/people',
    headers: { ...bearer(admin), 'idempotency-key': freshKey() },
    // Working in 苏州市, the 昆山 station's city: the station reads this one, masked.
    payload: personBody({ name: '=1+2', idNumber: id, phone: '13912349001', township: '洛门镇', villageId: v.id, status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市' }),
  })
  expect(res.statusCode).toBe(201)
})
afterAll(() => t.close())

async function workbook(token: string, url: string) {
  const res = await t.app.inject({ url, headers: bearer(token) })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toMatch(/spreadsheetml/)
  expect(res.headers['content-disposition']).toMatch(/\.xlsx/)
  expect(res.headers['cache-control']).toBe('no-store')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  return wb.worksheets[0]
}

test('a roster register: the CSV columns, frozen header, ID and phone as text, formula-looking cells made safe', async () => {
  const ws = await workbook(admin, '/api/staff/ledgers/away?format=xlsx')
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(rosterLedgerCsvHeader)
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  expect(ws.rowCount).toBe(2)
  const row = ws.getRow(2)
  expect(row.getCell(1).value).toBe("'=1+2")
  expect(row.getCell(2).value).toBe(id)
  expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String)
  expect(row.getCell(2).numFmt).toBe('@')
  expect(row.getCell(3).value).toBe('13912349001')
  expect(row.getCell(8).value).toBe('外出务工（省外）')
})

test('station staff get ID numbers and phones masked, as in the CSV; every export is in the access log', async () => {
  const ws = await workbook(station, '/api/staff/ledgers/away?format=xlsx')
  const row = ws.getRow(2)
  expect(row.getCell(2).value).toBe(`${id.slice(0, 4)}**********${id.slice(14)}`)
  expect(row.getCell(3).value).toBe('139****9001')
  const log = await t.db.selectFrom('access_log').select(['detail', 'staff_id']).where('action', '=', 'ledger_export').orderBy('id').execute()
  expect(log.map((l) => l.detail)).toEqual([
    '外出务工 XLSX 1 人，电话和身份证号完整',
    '外出务工 XLSX 1 人，电话和身份证号已遮挡',
  ])
})

test('a register outside the caller\'s reach is an empty sheet with its header', async () => {
  const ws = await workbook(station, '/api/staff/ledgers/came_back?format=xlsx')
  expect(ws.rowCount).toBe(1)
})

test('the account registers download as .xlsx too', async () => {
  const ws = await workbook(admin, '/api/staff/ledgers/all?format=xlsx')
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(ledgerCsvHeader)
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
})

test('the 劳务输转 figures download as .xlsx: months, provinces and townships, each beside last year', async () => {
  const res = await t.app.inject({ url: '/api/staff/figures/labour?format=xlsx', headers: bearer(admin) })
  expect(res.statusCode).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  expect(wb.worksheets.map((w) => w.name)).toEqual(['逐月', '按省份', '按乡镇'])
  const townships = wb.getWorksheet('按乡镇')!
  const rows = townships.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 4))
  expect(rows).toContainEqual(['洛门镇', 1, 0])
  expect(wb.getWorksheet('按省份')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 3))).toContainEqual(['江苏省', 1])
})
