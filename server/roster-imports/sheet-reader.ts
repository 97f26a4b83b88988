/**
 * Reads a roster sheet row by row with exceljs's streaming reader (the workbook is never held whole), finds the
 * header row under any merged title rows, and turns every cell into normalised text or a reason it cannot be read:
 * a formula without a result, an error value, a date, or an ID number Excel stored as a number (its last digits are
 * already gone). Full-width digits and letters, stray and non-breaking spaces are normalised (NFKC).
 */
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { hasHiddenChars, hiddenCharsMessage, maskIdNumber, maskPhone, type RosterImportColumnKey, rosterImportColumns, rosterImportMaxRows } from '../../types'
import { AppError } from '../http/app-error'
import { notXlsxMessage } from './xlsx-file'

export type SheetCells = Partial<Record<RosterImportColumnKey, string | null>>

export interface SheetRow {
  /** As Excel numbers it. */
  row: number
  cells: SheetCells
  /** Cells that could not be read: column key → reason. */
  unreadable: Partial<Record<RosterImportColumnKey, { value: string | null; message: string }>>
}

/** Headers as counties write them, to the column they mean. */
const headerAliases: Record<string, RosterImportColumnKey> = {
  ...Object.fromEntries(rosterImportColumns.map((c) => [c.header, c.key])),
  身份证号码: 'idNumber',
  公民身份号码: 'idNumber',
  身份证: 'idNumber',
  手机号码: 'phone',
  联系电话: 'phone',
  电话: 'phone',
  '乡(镇)': 'township',
  乡镇名称: 'township',
  村名: 'village',
  行政村: 'village',
  '村(社区)': 'village',
  社: 'group',
  '组(社)': 'group',
  户类型: 'poverty',
  户属性: 'poverty',
  务工状态: 'status',
  就业状态: 'status',
  务工省份: 'destinationProvince',
  务工城市: 'destinationCity',
  务工单位: 'employer',
  户主身份证号码: 'headIdNumber',
  '月收入(元)': 'incomeBand',
}

const HEADER_SEARCH_ROWS = 20
const MAX_COLUMNS = 60

/** Full-width to half-width, odd spaces to one plain space, ends trimmed. */
export const normaliseText = (s: string) => s.normalize('NFKC').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim()
/** For matching a label or header: no spaces at all, and no required-column star. */
export const labelKey = (s: string) => normaliseText(s).replace(/\s|\*/g, '')

const headerKey = (value: unknown): RosterImportColumnKey | undefined => (typeof value === 'string' || (value && typeof value === 'object' && 'richText' in value) ? headerAliases[labelKey(plain(value))] : undefined)

function plain(value: unknown): string {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && 'richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('')
  return ''
}

const idLike = new Set<RosterImportColumnKey>(['idNumber', 'headIdNumber'])

/** One cell as text (null when empty), or why it cannot be taken. */
export function cellText(key: RosterImportColumnKey, value: ExcelJS.CellValue): { text: string | null } | { problem: string; shown: string | null } {
  if (value === null || value === undefined) return { text: null }
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result
      if (result === undefined || result === null) return { problem: '这一格是公式，没有算好的结果，请复制这一列后“选择性粘贴—数值”再导入', shown: null }
      return cellText(key, result as ExcelJS.CellValue)
    }
    if ('error' in value) return { problem: `这一格是错误值（${(value as ExcelJS.CellErrorValue).error}），请改正后再导入`, shown: null }
    if ('richText' in value) return textOf(key, plain(value))
    if ('text' in value) return textOf(key, String((value as ExcelJS.CellHyperlinkValue).text))
    return { problem: '这一格读不出内容，请改成文字后再导入', shown: null }
  }
  if (value instanceof Date) return { problem: '这一格是日期，这一列应填文字', shown: null }
  if (typeof value === 'number') {
    if (idLike.has(key)) {
      // An 18-digit number is past what Excel keeps exactly (15 digits): 620524199001011234 becomes 6.20524E+17.
      const shown = Math.abs(value) >= 1e15 ? value.toExponential(5).toUpperCase() : String(value)
      return { problem: '身份证号被 Excel 存成了数字，最后几位已经丢了（精度丢失），请把这一列设成“文本”后重新输入', shown }
    }
    if (!Number.isFinite(value)) return { problem: '这一格的数字读不出来', shown: null }
    const text = Number.isInteger(value) ? value.toFixed(0) : String(value)
    return textOf(key, key === 'group' && /^\d+$/.test(text) ? `${text}组` : text)
  }
  if (typeof value === 'boolean') return textOf(key, value ? '是' : '否')
  return textOf(key, String(value))
}

function textOf(key: RosterImportColumnKey, raw: string): { text: string | null } | { problem: string; shown: string | null } {
  let text = normaliseText(raw)
  if (idLike.has(key) || key === 'phone') text = text.replace(/^'/, '').replace(/[\s-]/g, '').toUpperCase()
  if (key === 'name') text = text.replace(/\s/g, '')
  if (key === 'group' && /^\d+$/.test(text)) text = `${text}组`
  if (hasHiddenChars(text)) return { problem: hiddenCharsMessage, shown: null }
  // Never imported wrong: a character that could not be decoded refuses the cell rather than landing as �.
  if (text.includes('\ufffd')) return { problem: '这一格有读不出来的字（乱码），请检查后重新输入', shown: null }
  return { text: text === '' ? null : text }
}

/** How a cell is shown back in a problem: ID numbers and phones masked. */
export function shownValue(key: RosterImportColumnKey, text: string | null): string | null {
  if (text === null) return null
  if (idLike.has(key)) return /^\d{17}[\dX]$/.test(text) ? maskIdNumber(text) : text.length > 6 ? `${text.slice(0, 6)}…` : text
  if (key === 'phone') return /^\d{11}$/.test(text) ? maskPhone(text) : text.length > 3 ? `${text.slice(0, 3)}…` : text
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

const refuse = (message: string) => new AppError('VALIDATION_FAILED', message, { file: message })

/** Decodes a stream of bytes as UTF-8 across chunk boundaries (a character split between two chunks stays whole). */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
  const rest = decoder.decode()
  if (rest) yield rest
}

/**
 * exceljs 4.4.0's streaming reader decodes each inflated 16 KB chunk on its own, so a Chinese character that straddles
 * two chunks comes out as U+FFFD (exceljs issues 2063, 2084; fixes unmerged). Its parts are handed to it decoded here.
 */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  async *_parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    entry.setEncoding('utf8')
    yield* (ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Utf8WorkbookReader)._parseSharedStrings.call(this, entry)
  }

  *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    // A zip may hold a sheet before xl/workbook.xml (exceljs's own writer sometimes does): exceljs then reads the
    // sheet's name from a workbook it has not parsed and throws. The sheet is read without its name instead.
    const self = this as unknown as { model?: { sheets?: unknown[] } }
    if (!self.model) self.model = {}
    yield* (ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Utf8WorkbookReader)._parseWorksheet.call(this, utf8Text(iterator), sheetNo)
  }
}

export interface SheetHeader {
  /** Column number (1-based) → key. */
  columns: Map<number, RosterImportColumnKey>
  present: Set<RosterImportColumnKey>
}

/**
 * The first worksheet's data rows, after `onHeader` has been told which columns the sheet has. Throws a 400 (field
 * `file`) when the file does not open as a workbook, has no header row with 姓名 and 身份证号, lacks a required
 * column, or holds more rows than any township's ledger.
 */
export async function* readRosterSheet(bytes: Buffer, onHeader: (h: SheetHeader) => void): AsyncGenerator<SheetRow> {
  let yielded = false
  try {
    for await (const row of readOnce(bytes, onHeader)) {
      yielded = true
      yield row
    }
  } catch (error) {
    // exceljs's streaming unzip now and then loses a part of a whole workbook (about 1 read in 200 of its own
    // small files): the same bytes read again are whole. A file truly without a header fails both times.
    const unread = error instanceof AppError && (error.cause !== undefined || error.message === noHeaderMessage)
    if (yielded || !unread) throw error
    yield* readOnce(bytes, onHeader)
  }
}

const noHeaderMessage = '在表的前20行里没有找到表头（要有“姓名”和“身份证号”两列），请用导入模板'

async function* readOnce(bytes: Buffer, onHeader: (h: SheetHeader) => void): AsyncGenerator<SheetRow> {
  const reader = new Utf8WorkbookReader(Readable.from([bytes]), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' })
  let header: SheetHeader | null = null
  let headerRow = 0
  let dataRows = 0
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(0, MAX_COLUMNS + 1)
        if (header === null) {
          if (row.number > HEADER_SEARCH_ROWS) break
          const keys = new Map<number, RosterImportColumnKey>()
          values.forEach((v, c) => {
            const k = headerKey(v)
            if (k !== undefined && ![...keys.values()].includes(k)) keys.set(c, k)
          })
          if (!(([...keys.values()] as string[]).includes('name') && [...keys.values()].includes('idNumber'))) continue
          header = { columns: keys, present: new Set(keys.values()) }
          headerRow = row.number
          continue
        }
        // A second header row under merged group titles (外出务工情况 over 去向省份 | 去向城市) completes the first.
        if (row.number === headerRow + 1) {
          const more = new Map<number, RosterImportColumnKey>()
          values.forEach((v, c) => {
            const k = headerKey(v)
            if (k !== undefined && !header!.present.has(k) && !header!.columns.has(c)) more.set(c, k)
          })
          if (more.size > 0) {
            for (const [c, k] of more) {
              header.columns.set(c, k)
              header.present.add(k)
            }
            continue
          }
        }
        if (dataRows === 0 && headerRow > 0) {
          finishHeader(header)
          onHeader(header)
          headerRow = -1
        }
        const cells: SheetCells = {}
        const unreadable: SheetRow['unreadable'] = {}
        let any = false
        for (const [c, key] of header.columns) {
          const read = cellText(key, values[c])
          if ('problem' in read) {
            unreadable[key] = { value: read.shown, message: read.problem }
            any = true
          } else {
            cells[key] = read.text
            if (read.text !== null) any = true
          }
        }
        if (!any) continue
        if (++dataRows > rosterImportMaxRows) throw refuse(`表里超过${rosterImportMaxRows / 10000}万行，请按乡镇分开后再导入`)
        yield { row: row.number, cells, unreadable }
      }
      // Only the first sheet is the ledger; the template's second one lists the allowed values.
      break
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw Object.assign(refuse(notXlsxMessage), { cause: error })
  }
  if (header === null) throw refuse(noHeaderMessage)
  if (headerRow > 0) {
    finishHeader(header)
    onHeader(header)
  }
}

function finishHeader(header: SheetHeader): void {
  const missing = rosterImportColumns.filter((c) => c.required && !header.present.has(c.key)).map((c) => c.header)
  if (missing.length) throw refuse(`表头里缺少这几列：${missing.join('、')}，请用导入模板`)
}
