import { Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import { dayOf, daysInMonth, firstWeekday } from '../../lib/calendar'
import './index.scss'

const weekdays = ['一', '二', '三', '四', '五', '六', '日']

interface Props {
  month: string
  today: string
  selected: string
  /** What each logged day shows (e.g. 1天, 半天+2), by date; `pending` ones are still on the phone. */
  marks: Record<string, { text: string; pending?: boolean }>
  onSelect: (date: string) => void
}

/** A month as a grid of big day cells, Monday first; logged days are filled, days to come cannot be tapped. */
export function MonthCalendar({ month, today, selected, marks, onSelect }: Props) {
  const blanks = firstWeekday(month)
  const days = daysInMonth(month)
  return (
    <View className='month-calendar' role='grid'>
      {weekdays.map((w) => (
        <Text key={w} className='month-calendar__weekday'>
          {w}
        </Text>
      ))}
      {Array.from({ length: blanks }, (_, i) => (
        <View key={`b${i}`} className='month-calendar__blank' />
      ))}
      {Array.from({ length: days }, (_, i) => {
        const date = dayOf(month, i + 1)
        const mark = marks[date]
        const future = date > today
        const classes = [
          'month-calendar__day',
          mark ? 'month-calendar__day--logged' : '',
          mark?.pending ? 'month-calendar__day--pending' : '',
          date === today ? 'month-calendar__day--today' : '',
          date === selected ? 'month-calendar__day--selected' : '',
          future ? 'month-calendar__day--future' : '',
        ]
        return (
          <View
            key={date}
            {...asButton}
            aria-label={`${i + 1}日${mark ? `，${mark.text}${mark.pending ? '，待发送' : ''}` : ''}`}
            aria-pressed={date === selected ? 'true' : 'false'}
            aria-disabled={future ? 'true' : 'false'}
            className={classes.filter(Boolean).join(' ')}
            onClick={future ? undefined : () => onSelect(date)}
          >
            <Text className='month-calendar__number'>{i + 1}</Text>
            {mark && <Text className='month-calendar__mark'>{mark.text}</Text>}
          </View>
        )
      })}
    </View>
  )
}
