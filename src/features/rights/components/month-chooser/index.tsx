import { Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import './index.scss'

interface Props {
  /** 'YYYY-MM', '' or (with allowNow) 'now' */
  value: string
  onChange: (value: string) => void
  /** Offers 现在还在干 as the first choice. */
  allowNow?: boolean
  /** The year and month of today (China), the latest one offered. */
  today: { year: number; month: number }
  label: string
}

/** Year and month as big buttons: easier than a date wheel for a worker who seldom types dates. */
export function MonthChooser({ value, onChange, allowNow, today, label }: Props) {
  const [y, m] = value && value !== 'now' ? value.split('-').map(Number) : [today.year, 0]
  const years = [today.year - 2, today.year - 1, today.year]
  const pick = (year: number, month: number) => onChange(`${year}-${String(month).padStart(2, '0')}`)
  return (
    <View className='month-chooser' aria-label={label}>
      {allowNow && (
        <View
          {...asButton}
          aria-pressed={value === 'now' ? 'true' : 'false'}
          className={`month-chooser__now ${value === 'now' ? 'month-chooser__cell--on' : ''}`}
          onClick={() => onChange('now')}
        >
          <Text>现在还在干</Text>
        </View>
      )}
      <View className='month-chooser__years'>
        {years.map((year) => (
          <View
            key={year}
            {...asButton}
            aria-pressed={value !== 'now' && y === year ? 'true' : 'false'}
            className={`month-chooser__cell ${value !== 'now' && value !== '' && y === year ? 'month-chooser__cell--on' : ''}`}
            onClick={() => pick(year, Math.min(m || 1, year === today.year ? today.month : 12))}
          >
            <Text>{year}年</Text>
          </View>
        ))}
      </View>
      <View className='month-chooser__months'>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
          const future = y === today.year && month > today.month
          const on = value !== 'now' && value !== '' && m === month
          return (
            <View
              key={month}
              {...asButton}
              aria-pressed={on ? 'true' : 'false'}
              aria-disabled={future ? 'true' : 'false'}
              className={`month-chooser__cell ${on ? 'month-chooser__cell--on' : ''} ${future ? 'month-chooser__cell--off' : ''}`}
              onClick={future ? undefined : () => pick(y || today.year, month)}
            >
              <Text>{month}月</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
