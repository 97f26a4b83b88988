import { Text, View } from '@tarojs/components'
import type { WorklogCheck } from '@contract/worklog-evidence'
import { chinaMonthDayTime } from '@contract/format'
import { dayLabel, monthLabel } from '../../lib/calendar'
import './index.scss'

/** What the foreman said, in a line or two. */
function answerText(c: WorklogCheck): string {
  const who = c.foremanPhone ? `工头（${c.foremanPhone}）` : '工头'
  if (c.answer === 'confirmed') return `${who}说 对`
  if (c.answer === 'disputed') {
    const days = c.disputedDates.map(dayLabel).join('、')
    return `${who}说 不对${days ? `：${days}` : ''}${c.note ? `。“${c.note}”` : ''}`
  }
  return '等工头回复'
}

/** 对工: each link sent, and what the foreman answered (a confirmed month is strong evidence). */
export function CheckAnswers({ checks, now = new Date() }: { checks: WorklogCheck[]; now?: Date }) {
  if (checks.length === 0) return null
  return (
    <View className='check-answers'>
      {checks.map((c) => {
        const expired = !c.answer && Date.parse(c.expiresAt) <= now.getTime()
        return (
          <View key={c.id} className='check-answers__row'>
            <Text className={`check-answers__answer check-answers__answer--${c.answer ?? 'waiting'}`}>
              {monthLabel(c.month)}：{expired ? '链接过期了，工头没有回复' : answerText(c)}
            </Text>
            <Text className='check-answers__when'>
              {c.answeredAt ? `${chinaMonthDayTime(c.answeredAt)} 回复` : `${chinaMonthDayTime(c.createdAt)} 发出`}
              {c.answer && !c.unchanged ? '，之后记录又改过' : ''}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
