import { Text, View } from '@tarojs/components'
import { chinaDateTime } from '@contract/format'
import { type HiringEvent, livePlatformLabel } from '@contract/hiring-events'
import { formatWage } from '@contract/jobs'
import { BigButton } from '@/components/big-button'
import { Tag } from '@/components/tag'
import './index.scss'

interface Props {
  event: HiringEvent
  /** Job ids this worker signed up for here (sent or kept on the phone). */
  signedUp: Record<number, 'sent' | 'queued'>
  busyJob: number | null
  onRemind: (event: HiringEvent) => void
  onWatch: (url: string) => void
  onSignUp: (event: HiringEvent, jobId: number, title: string) => void
}

const phaseWords: Record<HiringEvent['phase'], string> = { upcoming: '还没开始', live: '正在直播', past: '已结束' }

/**
 * One 直播带岗: when and where to watch, 提醒我 before it starts, and each featured posting with 报名 once it has
 * started (and after, from the replay).
 */
export function HiringEventCard({ event, signedUp, busyJob, onRemind, onWatch, onSignUp }: Props) {
  const watchUrl = event.phase === 'past' ? event.replayUrl : event.liveUrl
  return (
    <View className='event-card'>
      <View className='event-card__tags'>
        <Tag tone={event.phase === 'live' ? 'ok' : 'plain'}>{phaseWords[event.phase]}</Tag>
        <Tag tone='primary'>{livePlatformLabel[event.platform]}</Tag>
      </View>
      <Text className='event-card__title'>{event.title}</Text>
      <Text className='event-card__when'>
        {chinaDateTime(event.startsAt)} 至 {chinaDateTime(event.endsAt).slice(11)}
      </Text>
      {event.phase === 'upcoming' &&
        (event.reminded ? (
          <Text className='event-card__reminded'>已设提醒，开播前会在“消息”里告诉您</Text>
        ) : (
          <BigButton variant='secondary' onClick={() => onRemind(event)}>
            提醒我
          </BigButton>
        ))}
      {watchUrl && (
        <BigButton variant='secondary' onClick={() => onWatch(watchUrl)}>
          {event.phase === 'past' ? '看回放' : '看直播'}
        </BigButton>
      )}
      <Text className='event-card__jobs'>
        直播里的岗位（{event.jobs.length} 个）{event.phase === 'upcoming' ? '，开播后就能报名' : ''}
      </Text>
      {event.jobs.map((job) => (
        <View key={job.id} className='event-card__job'>
          <Text className='event-card__job-title'>{job.title}</Text>
          <Text className='event-card__wage'>{formatWage(job)}</Text>
          {event.phase === 'upcoming' ? null : signedUp[job.id] ? (
            <Text className='event-card__done'>{signedUp[job.id] === 'sent' ? '已报名，请留意来电' : '已记下，有网时自动报名'}</Text>
          ) : (
            <BigButton disabled={busyJob === job.id} onClick={() => onSignUp(event, job.id, job.title)}>
              {busyJob === job.id ? '正在报名…' : '报名这个岗位'}
            </BigButton>
          )}
        </View>
      ))}
    </View>
  )
}
