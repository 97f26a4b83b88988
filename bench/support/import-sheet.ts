/** The benchmark's roster sheet: households of four across every village, written with exceljs's streaming writer. */
import ExcelJS from 'exceljs'
import { idNumberCheckChar } from '../../types/validators'
import { type PersonStatus, personStatusLabel, type PovertyStatus, povertyStatusLabel } from '../../types/roster'
import { rosterImportColumns } from '../../types/roster-imports'

/** ID numbers unique by birth day and sequence; a head and three members naming the head's ID number. */
export async function writeRosterSheet(file: string, villages: readonly { township: string; name: string }[], rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false })
  const ws = wb.addWorksheet('台账')
  ws.addRow(rosterImportColumns.map((c) => c.header)).commit()
  const statuses: PersonStatus[] = ['away_other_province', 'away_in_province', 'local_work', 'willing', 'unwilling', 'in_school']
  const provinces = ['江苏省', '浙江省', '天津市', '广东省', '新疆维吾尔自治区']
  const poverty = Object.keys(povertyStatusLabel) as PovertyStatus[]
  const relations = ['配偶', '子女', '子女']
  const start = Date.UTC(1966, 0, 1)
  let head = ''
  for (let i = 0; i < rows; i++) {
    const birth = new Date(start + Math.floor(i / 900) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')
    const first17 = `620524${birth}${String(i % 900).padStart(3, '0')}`
    const id = first17 + idNumberCheckChar(first17)
    const household = Math.floor(i / 4)
    const v = villages[household % villages.length]
    const status = statuses[i % statuses.length]
    const isHead = i % 4 === 0
    if (isHead) head = id
    const away = status === 'away_other_province' ? provinces[household % provinces.length] : status === 'away_in_province' ? '甘肃省' : null
    const row: Record<string, string | number | null> = {
      name: `测试${i}`,
      idNumber: id,
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      township: v.township,
      village: v.name,
      group: `${(household % 9) + 1}组`,
      poverty: povertyStatusLabel[poverty[household % poverty.length]],
      status: personStatusLabel[status],
      destinationProvince: away,
      destinationCity: away === '江苏省' ? '苏州市' : null,
      employer: null,
      trade: away ? '普工' : null,
      statusLastYear: personStatusLabel[statuses[(i + 1) % statuses.length]],
      relation: isHead ? '户主' : relations[(i % 4) - 1],
      headIdNumber: isHead ? null : head,
      workAbility: '全劳力',
      returnReason: null,
      incomeBand: away ? 4500 : null,
    }
    ws.addRow(rosterImportColumns.map((c) => row[c.key])).commit()
  }
  ws.commit()
  await wb.commit()
}
