import { Text, View } from '@tarojs/components'
import type { JobSummary } from '@contract/jobs'
import { formatWage } from '@contract/jobs'
import { jobKindLabel } from '@contract/local-jobs'
import { BigButton } from '@/components/big-button'
import { Tag } from '@/components/tag'
import { asLink } from '@/lib/a11y'
import './index.scss'

interface Props {
  job: JobSummary
  /** China date today, to say 今天 / 明天. */
  today: string
  /** Where the distance is counted from, in words (洛门镇). */
  from: string
  /** The sign-up this worker has for the card's 零工 day: sent, or kept on the phone to send. */
  signedUp?: 'sent' | 'queued'
  busy?: boolean
  onOpen: (id: number) => void
  onSignUp: (job: JobSummary) => void
}

const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
const addOne = (date: string) => new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10)

/** 今天 / 明天 / 3月12日: a worker plans by the day. */
export function dayWords(date: string, today: string): string {
  if (date === today) return `今天（${md(date)}）`
  if (date === addOne(today)) return `明天（${md(date)}）`
  return md(date)
}

/**
 * A 家门口 posting in big words: what kind, how far, the pay; a 零工 card adds its next day (date, place, how many are
 * still needed) and 报名这天. The title opens the posting; the sign-up sits beside it, never inside.
 */
export function LocalJobCard({ job, today, from, signedUp, busy, onOpen, onSignUp }: Props) {
  const day = job.day ?? null
  const full = day !== null && day.left === 0
  return (
    <View className={`local-card ${job.sameDay ? 'local-card--today' : ''}`}>
      <View {...asLink} className='local-card__open' onClick={() => onOpen(job.id)}>
        <View className='local-card__tags'>
          {job.kind && <Tag tone='primary'>{jobKindLabel[job.kind]}</Tag>}
          {job.sameDay && <Tag tone='ok'>今天就能干</Tag>}
        </View>
        <Text className='local-card__title'>{job.title}</Text>
        <Text className='local-card__wage'>{day ? `${day.wageYuan} 元/天` : formatWage(job)}</Text>
        {job.distanceKm !== undefined && (
          <Text className='local-card__far'>
            离{from}{job.distanceKm < 1 ? '不到 1' : `约 ${Math.round(job.distanceKm)}`} 公里
          </Text>
        )}
      </View>
      {day && (
        <View className='local-card__day'>
          <Text className='local-card__when'>
            {dayWords(day.date, today)} · {day.place}
          </Text>
          <Text className='local-card__left'>{full ? '这天人已招满' : `还要 ${day.left} 人（共 ${day.headcount} 人）`}</Text>
          {signedUp ? (
            <Text className='local-card__done'>{signedUp === 'sent' ? '已报名这天，到时按时去' : '已记下，有网时自动报名'}</Text>
          ) : (
            <BigButton disabled={full || busy} onClick={() => onSignUp(job)}>
              {busy ? '正在报名…' : '报名这天'}
            </BigButton>
          )}
        </View>
      )}
    </View>
  )
}
