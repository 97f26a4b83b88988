/**
 * 劳务输转 figures as .xlsx, the table the county sends up: months (and the year to date), by destination province and by
 * township, each beside the same period last year. Counts only, no person: nothing for the access log.
 */
import type { Readable } from 'node:stream'
import type { LabourFigures } from '../../types'
import { type XlsxCell, xlsxStream } from '../lib/xlsx'

interface Period {
  away: number
  organised: number
  organisedRate: number
}

const percent = (rate: number) => Math.round(rate * 10000) / 100
const cells = (p: Period, l: Period): XlsxCell[] => [p.away, p.organised, percent(p.organisedRate), l.away, l.organised, percent(l.organisedRate)]
const periodHeader = ['外出务工（人）', '有组织输转（人）', '组织化率（%）', '去年同期外出（人）', '去年同期有组织（人）', '去年同期组织化率（%）']

export function labourFiguresXlsx(f: LabourFigures): Readable {
  const ytd = f.yearToDate
  return xlsxStream([
    {
      name: '逐月',
      header: ['月份', '截至', ...periodHeader, '劳务收入（元）', '去年同期劳务收入（元）'],
      rows: [
        ...f.months.map((m) => [m.month, m.asOf, ...cells(m, m.lastYear), m.incomeYuan, m.lastYear.incomeYuan]),
        [`${f.year}年累计`, f.asOf, ...cells(ytd, ytd.lastYear), ytd.incomeYuan, ytd.lastYear.incomeYuan],
      ],
    },
    { name: '按省份', header: ['去向省份', ...periodHeader], rows: f.byProvince.map((r) => [r.province, ...cells(r, r.lastYear)]) },
    { name: '按乡镇', header: ['乡镇', ...periodHeader], rows: f.byTownship.map((r) => [r.township, ...cells(r, r.lastYear)]) },
  ])
}
