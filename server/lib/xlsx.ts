/**
 * .xlsx for Excel, written with exceljs's streaming WorkbookWriter: rows are committed as they come, so a register of
 * 300,000 people never sits whole in memory. The header row is frozen; ID-number and phone columns are text (never
 * 6.2E+17); a cell starting with = + - @ gets an apostrophe, as in the CSV, so pasting it elsewhere runs nothing.
 */
import { PassThrough, type Readable } from 'node:stream'
import ExcelJS from 'exceljs'

export type XlsxCell = string | number | null | undefined

export interface XlsxSheet {
  name: string
  header: readonly string[]
  /** Column headers kept as text (ID numbers, phones). */
  textColumns?: readonly string[]
  rows: AsyncIterable<readonly XlsxCell[]> | Iterable<readonly XlsxCell[]>
}

export const safeCell = (value: XlsxCell): string | number | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number') return value
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** Widths in characters: a Chinese character is about two. */
function widthOf(header: string, text: boolean): number {
  return text ? 22 : Math.max(8, Math.min(30, [...header].length * 2 + 4))
}

/** The workbook as a stream; a failure while writing destroys the stream (the download ends cut off, never wrong). */
export function xlsxStream(sheets: readonly XlsxSheet[]): Readable {
  const out = new PassThrough()
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  void (async () => {
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] })
      const text = new Set(s.textColumns ?? [])
      ws.columns = s.header.map((h) => ({ header: h, width: widthOf(h, text.has(h)), style: text.has(h) ? { numFmt: '@' } : {} }))
      ws.getRow(1).font = { bold: true }
      ws.getRow(1).commit()
      let n = 0
      for await (const row of s.rows) {
        ws.addRow(row.map(safeCell)).commit()
        // Let the response drain and other requests run between chunks.
        if (++n % 1000 === 0) await new Promise((resolve) => setImmediate(resolve))
      }
      ws.commit()
    }
    await wb.commit()
  })().catch((error: unknown) => out.destroy(error as Error))
  return out
}
