import { Text, View } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import { asButton } from '@/lib/a11y'
import { dayLabel } from '../../lib/calendar'
import './index.scss'

export interface QuickLogChoice {
  days: 1 | 0.5
  overtimeHours: number
}

interface Props {
  date: string
  today: string
  employerName: string
  /** The day's 点工 entry as it stands, if any: overtime is added to it. */
  current: { days: number | null; overtimeHours: number } | null
  busy: boolean
  onLog: (choice: QuickLogChoice) => void
  onMore: () => void
}

const overtimeChoices = [1, 2, 3, 4]

/** One tap logs the day for the employer used last: 干了一天, 干了半天, or 加班几小时 on top. */
export function QuickLog({ date, today, employerName, current, busy, onLog, onMore }: Props) {
  const when = date === today ? '今天' : dayLabel(date)
  const days = current?.days === 0.5 ? 0.5 : 1
  return (
    <View className='quick-log'>
      <Text className='quick-log__title'>
        {when}在“{employerName}”
      </Text>
      <View className='quick-log__row'>
        <BigButton className='quick-log__button' disabled={busy} variant={current?.days === 1 ? 'primary' : 'secondary'} onClick={() => onLog({ days: 1, overtimeHours: current?.overtimeHours ?? 0 })}>
          {when}干了一天
        </BigButton>
        <BigButton className='quick-log__button' disabled={busy} variant={current?.days === 0.5 ? 'primary' : 'secondary'} onClick={() => onLog({ days: 0.5, overtimeHours: current?.overtimeHours ?? 0 })}>
          干了半天
        </BigButton>
      </View>
      <Text className='quick-log__label'>加班几小时</Text>
      <View className='quick-log__chips'>
        {overtimeChoices.map((h) => (
          <View
            key={h}
            {...asButton}
            aria-pressed={current?.overtimeHours === h ? 'true' : 'false'}
            aria-disabled={busy ? 'true' : 'false'}
            className={`quick-log__chip ${current?.overtimeHours === h ? 'quick-log__chip--on' : ''}`}
            onClick={busy ? undefined : () => onLog({ days, overtimeHours: h })}
          >
            <Text>加班{h}小时</Text>
          </View>
        ))}
      </View>
      <View {...asButton} className='quick-log__more' onClick={onMore}>
        <Text>按小时、包工、借支，或改一改 ›</Text>
      </View>
    </View>
  )
}
