import { Text, View } from '@tarojs/components'
import { formatFen, paymentMethodLabel } from '@contract/worklog'
import type { EvidenceSheet as Sheet } from '@contract/worklog-evidence'
import { chinaDateTime } from '@contract/format'
import { Section } from '@/components/section'
import { dayLabel } from '../../lib/calendar'
import { agreedPay, entryLine } from '../../lib/describe'
import { OwedCard } from '../owed-card'
import './index.scss'

interface Props {
  sheet: Sheet
  digest: string
}

/** The digest in groups of eight, so it can be read out and compared by eye. */
export const digestGroups = (digest: string) => digest.match(/.{1,8}/g)?.join(' ') ?? digest

const period = (s: Sheet) => (s.month ? s.month : s.from && s.to ? `${s.from} 到 ${s.to}` : '还没有记录')

/** 记工证据单: who worked for whom, each day with when it was entered, the pay received, what is owed, and the digest. */
export function EvidenceSheet({ sheet, digest }: Props) {
  const unit = sheet.employer.unitLabel
  return (
    <View className='evidence-sheet'>
      <Section title='记工证据单'>
        <Text className='evidence-sheet__fact'>工人：{sheet.workerName ?? '没有填姓名（可以在“我的”里填）'}</Text>
        <Text className='evidence-sheet__fact'>老板或工地：{sheet.employer.name}</Text>
        {sheet.employer.site && <Text className='evidence-sheet__fact'>干活的地方：{sheet.employer.site}</Text>}
        <Text className='evidence-sheet__fact'>时间：{period(sheet)}</Text>
        <Text className='evidence-sheet__fact'>说好的工钱：{agreedPay(sheet.employer)}</Text>
      </Section>
      <OwedCard title={`${sheet.employer.name}欠我多少钱`} totals={sheet.totals} />
      <Section title={`每天干的活（${sheet.entries.length}条）`}>
        {sheet.entries.length === 0 && <Text className='evidence-sheet__fact'>还没有记过</Text>}
        {sheet.entries.map((e, i) => (
          <View key={i} className='evidence-sheet__row'>
            <View className='evidence-sheet__main'>
              <Text className='evidence-sheet__date'>{dayLabel(e.date)}</Text>
              <Text>{entryLine(e, unit)}</Text>
              <Text className='evidence-sheet__money'>{e.kind === 'advance' ? '' : e.earnedFen === null ? '没填工钱' : formatFen(e.earnedFen)}</Text>
            </View>
            <Text className={`evidence-sheet__when ${e.onTheDay ? '' : 'evidence-sheet__when--late'}`}>
              {e.onTheDay ? '当天记的' : '事后补记'}，{chinaDateTime(e.enteredAt)} 存到服务器{e.correctedAt ? `，${chinaDateTime(e.correctedAt)} 改过` : ''}
            </Text>
          </View>
        ))}
      </Section>
      <Section title={`收到的钱（${sheet.payments.length}笔）`}>
        {sheet.payments.length === 0 && <Text className='evidence-sheet__fact'>还没记过收到的钱</Text>}
        {sheet.payments.map((p, i) => (
          <View key={i} className='evidence-sheet__row'>
            <View className='evidence-sheet__main'>
              <Text className='evidence-sheet__date'>{dayLabel(p.date)}</Text>
              <Text>
                {paymentMethodLabel[p.method]}
                {p.hasPhoto ? ' · 有照片' : ''}
                {p.note ? ` · ${p.note}` : ''}
              </Text>
              <Text className='evidence-sheet__money'>{formatFen(p.amountFen)}</Text>
            </View>
          </View>
        ))}
      </Section>
      <Section title='校验码'>
        <Text className='evidence-sheet__digest'>{digestGroups(digest)}</Text>
        <Text className='evidence-sheet__fact'>这串数是按上面所有内容算出来的。以后记录改了一点，这串数就会变，拿来和服务器上的记录一对就知道。</Text>
      </Section>
    </View>
  )
}
