import { Text, View } from '@tarojs/components'
import { chinaDateTime } from '@contract/format'
import { formatFen, paymentMethodLabel, worklogKindLabel } from '@contract/worklog'
import type { EvidenceEntry, EvidenceSheet } from '@contract/worklog-evidence'
import { useCaseWorklogEvidence } from '../../api/staff-cases'

/** 1天，加班2小时 · 半天 · 6小时 · 20.5平方米 · 借500元 */
function done(e: EvidenceEntry, unit: string | null): string {
  if (e.kind === 'advance') return `借 ${formatFen(e.amountFen ?? 0)}`
  const main = e.kind === 'contract_quantity' ? `${e.quantity ?? 0}${unit ?? '件'}` : e.days !== null ? (e.days === 0.5 ? '半天' : `${e.days}天`) : `${e.hours ?? 0}小时`
  return e.overtimeHours > 0 ? `${main}，加班${e.overtimeHours}小时` : main
}

function Sheet({ sheet, digest, intact }: { sheet: EvidenceSheet; digest: string; intact: boolean }) {
  const unit = sheet.employer.unitLabel
  const late = sheet.entries.filter((e) => !e.onTheDay).length
  return (
    <View className='wb-card'>
      <Text className='wb-card__title'>记工证据单：{sheet.employer.name}</Text>
      <Text className='wb-card__line'>
        工人：{sheet.workerName ?? '（没有姓名）'}，{sheet.from && sheet.to ? `${sheet.from} 到 ${sheet.to}` : '没有记录'}
        {sheet.employer.site ? `，${sheet.employer.site}` : ''}
      </Text>
      <Text className='wb-card__line'>
        该挣 {formatFen(sheet.totals.earnedFen)}，已给 {formatFen(sheet.totals.paidFen)}，借支 {formatFen(sheet.totals.advancesFen)}，还欠{' '}
        {formatFen(sheet.totals.owedFen)}
      </Text>
      <Text className='wb-card__line'>
        {sheet.entries.length}条记录，其中{late}条是事后补记的
      </Text>
      <View className='wb-table' style={{ '--wb-columns': '1fr 1fr 1.5fr 1fr 1.5fr' } as React.CSSProperties}>
        <View className='wb-table__head'>
          <Text>日期</Text>
          <Text>种类</Text>
          <Text>干了多少</Text>
          <Text>工钱</Text>
          <Text>记录时间</Text>
        </View>
        {sheet.entries.map((e, i) => (
          <View key={i} className='wb-card'>
            <Text className='wb-card__title'>{e.date}</Text>
            <Text className='wb-card__line'>{worklogKindLabel[e.kind]}</Text>
            <Text className='wb-card__line'>{done(e, unit)}</Text>
            <Text className='wb-card__line'>{e.kind === 'advance' ? '' : e.earnedFen === null ? '没填工钱' : formatFen(e.earnedFen)}</Text>
            <Text className='wb-card__line'>
              {chinaDateTime(e.enteredAt)} {e.onTheDay ? '当天记的' : '事后补记'}
              {e.correctedAt ? '，改过' : ''}
            </Text>
          </View>
        ))}
      </View>
      {sheet.payments.map((p, i) => (
        <Text key={i} className='wb-card__line'>
          收到 {p.date} {formatFen(p.amountFen)}（{paymentMethodLabel[p.method]}
          {p.hasPhoto ? '，有照片' : ''}）
        </Text>
      ))}
      <Text className='wb-card__line'>校验码（SHA-256）：{digest}</Text>
      {!intact && <Text className='wb-warn'>求助人已注销账号，姓名已删除，这份记录和校验码对不上了</Text>}
    </View>
  )
}

/** The 记工 log a worker sent with the case, as it was sent: a table for the officer and the labour inspection office. */
export function CaseWorklogEvidence({ trackingNo }: { trackingNo: string }) {
  const { data } = useCaseWorklogEvidence(trackingNo)
  if (!data?.evidence) return null
  return <Sheet {...data.evidence} />
}
