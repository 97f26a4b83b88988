/**
 * The sheet reader on real .xlsx bytes: Chinese text longer than the streaming reader's 16 KB chunks comes out whole
 * (shared strings and inline strings), and cells are normalised or refused the way the county's sheets need.
 */
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { cellText, readRosterSheet, type SheetRow } from './sheet-reader'

// Writing and reading back workbooks of 3000 long cells: seconds on a quiet machine, more when CI shares its cores.
jest.setTimeout(60_000)

const header = ['姓名', '身份证号', '乡镇', '村', '户类别', '目前状态', '工作单位']
/** 40 characters, three bytes each: 600 rows cross a chunk boundary many times. */
const employerOf = (i: number) => `甘肃省天水市武山县洛门镇蔬菜产业园区第${String(i).padStart(4, '零')}号温室大棚合作社农产品加工车间`.slice(0, 40)

async function read(bytes: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = []
  for await (const r of readRosterSheet(bytes, () => {})) rows.push(r)
  return rows
}

test('shared strings: every character of 3000 long Chinese cells survives', async () => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  ws.addRow(header)
  for (let i = 0; i < 3000; i++) ws.addRow([`王${i}`, `6205241990010${String(i).padStart(5, '0')}`, '洛门镇', '黄河村', '一般户', '县内务工', employerOf(i)])
  const rows = await read(Buffer.from(await wb.xlsx.writeBuffer()))
  expect(rows).toHaveLength(3000)
  expect(rows.filter((r, i) => r.cells.employer !== employerOf(i))).toEqual([])
})

test('inline strings (a streamed sheet): the same', async () => {
  const out = new PassThrough()
  const parts: Buffer[] = []
  out.on('data', (c: Buffer) => parts.push(c))
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false })
  const ws = wb.addWorksheet('台账')
  ws.addRow(header).commit()
  for (let i = 0; i < 600; i++) ws.addRow([`王${i}`, `62052419900101${String(i).padStart(4, '0')}`, '洛门镇', '黄河村', '一般户', '县内务工', employerOf(i)]).commit()
  ws.commit()
  await wb.commit()
  const rows = await read(Buffer.concat(parts))
  expect(rows.filter((r, i) => r.cells.employer !== employerOf(i))).toEqual([])
})

test.each([
  ['full-width digits and spaces in an ID number', 'idNumber', ' ６２０５２４ １９９００１０１００１Ｘ\u00a0', { text: '62052419900101001X' }],
  ['a lower-case x', 'idNumber', '62052419900101001x', { text: '62052419900101001X' }],
  ['an apostrophe Excel users type to keep text', 'idNumber', "'620524199001010011", { text: '620524199001010011' }],
  ['an 18-digit number', 'idNumber', Number('620524199001010011'), { problem: expect.stringMatching(/精度丢失/), shown: '6.20524E+17' }],
  ['a phone stored as a number', 'phone', 13912345678, { text: '13912345678' }],
  ['a group stored as a number', 'group', 3, { text: '3组' }],
  ['spaces inside a name', 'name', ' 王　小 明 ', { text: '王小明' }],
  ['a formula with its result', 'name', { formula: 'A1', result: '王五' }, { text: '王五' }],
  ['a formula without one', 'name', { formula: 'A1' }, { problem: expect.stringMatching(/公式/), shown: null }],
  ['an error value', 'trade', { error: '#REF!' }, { problem: expect.stringMatching(/#REF!/), shown: null }],
  ['rich text', 'village', { richText: [{ text: '黄河' }, { text: '村' }] }, { text: '黄河村' }],
  ['a date', 'name', new Date('2026-01-01'), { problem: expect.stringMatching(/日期/), shown: null }],
  ['an empty cell', 'employer', null, { text: null }],
  ['a zero-width space alone', 'employer', '\u200b', { text: null }],
])('%s', (_name, key, value, expected) => {
  expect(cellText(key as never, value as ExcelJS.CellValue)).toEqual(expected)
})
