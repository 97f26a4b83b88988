/**
 * The import template: the county's headers on the first sheet (frozen, ID and phone columns as text, a drop-down on
 * every column with a fixed list) and the allowed values on a second sheet 可选值. A township officer's template lists
 * only their township and its villages.
 */
import ExcelJS from 'exceljs'
import {
  householdRelationLabel,
  incomeBandLabel,
  personStatusLabel,
  povertyStatusLabel,
  provinces,
  returnReasonLabel,
  rosterImportColumns,
  townships,
  trades,
  workAbilityLabel,
} from '../../types'

const ROWS_WITH_LISTS = 5000

export async function rosterTemplate(villages: readonly { township: string; name: string }[], onlyTownship: string | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] })
  const lists = wb.addWorksheet('可选值')
  const places = villages.filter((v) => onlyTownship === null || v.township === onlyTownship)
  const columns: [string, readonly string[]][] = [
    ['乡镇', onlyTownship === null ? townships : [onlyTownship]],
    ['村', [...new Set(places.map((v) => v.name))]],
    ['户类别', Object.values(povertyStatusLabel)],
    ['目前状态', Object.values(personStatusLabel)],
    ['去年状态', Object.values(personStatusLabel)],
    ['去向省份', provinces],
    ['工种', trades],
    ['与户主关系', Object.values(householdRelationLabel)],
    ['劳动能力', Object.values(workAbilityLabel)],
    ['返乡原因', Object.values(returnReasonLabel)],
    ['月收入', Object.values(incomeBandLabel)],
  ]
  const listRange = new Map<string, string>()
  columns.forEach(([header, values], i) => {
    const col = lists.getColumn(i + 1)
    col.width = Math.max(10, header.length * 2 + 4)
    lists.getCell(1, i + 1).value = header
    values.forEach((v, r) => (lists.getCell(r + 2, i + 1).value = v))
    const letter = col.letter
    listRange.set(header, `'可选值'!$${letter}$2:$${letter}$${values.length + 1}`)
  })
  // Which township each village is in, for reading the list (the drop-down shows them all).
  lists.getCell(1, columns.length + 2).value = '村所在乡镇'
  places.forEach((v, r) => {
    lists.getCell(r + 2, columns.length + 2).value = `${v.township} ${v.name}`
  })
  lists.getRow(1).font = { bold: true }

  ws.columns = rosterImportColumns.map((c) => ({
    header: c.header,
    width: c.key === 'idNumber' || c.key === 'headIdNumber' || c.key === 'phone' ? 22 : 14,
    style: c.key === 'idNumber' || c.key === 'headIdNumber' || c.key === 'phone' ? { numFmt: '@' } : {},
  }))
  const headerRow = ws.getRow(1)
  headerRow.font = { bold: true }
  rosterImportColumns.forEach((c, i) => {
    if (c.required) headerRow.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE08A' } }
    headerRow.getCell(i + 1).note = c.required ? '必填' : '可不填；整列删掉表示不改台账里已有的内容'
    const range = listRange.get(c.header)
    if (!range) return
    const letter = ws.getColumn(i + 1).letter
    ;(ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${ROWS_WITH_LISTS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: true,
      errorTitle: c.header,
      error: '请从下拉列表里选',
    })
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
