import { Text, View } from '@tarojs/components'
import { formatFen, type WorklogTotals } from '@contract/worklog'
import './index.scss'

interface Props {
  totals: WorklogTotals
  /** e.g. 李老板欠我 */
  title: string
}

/** 欠我多少钱 in big numbers, with how it was counted underneath, a line each. */
export function OwedCard({ totals, title }: Props) {
  const owed = totals.owedFen
  return (
    <View className='owed-card'>
      <Text className='owed-card__title'>{owed >= 0 ? title : '多给了我'}</Text>
      <Text className={`owed-card__figure ${owed > 0 ? 'owed-card__figure--owed' : ''}`} aria-live='polite'>
        {formatFen(Math.abs(owed))}
      </Text>
      <View className='owed-card__facts'>
        <Text>干了{totals.days}天{totals.hours ? `、${totals.hours}小时` : ''}</Text>
        {totals.overtimeHours > 0 && <Text>加班{totals.overtimeHours}小时</Text>}
        <Text>已给{formatFen(totals.paidFen)}</Text>
        {totals.advancesFen > 0 && <Text>借支{formatFen(totals.advancesFen)}</Text>}
      </View>
      <Text className='owed-card__how'>怎么算的：</Text>
      {totals.breakdown.map((line, i) => (
        <Text key={i} className='owed-card__line'>
          {line}
        </Text>
      ))}
    </View>
  )
}
