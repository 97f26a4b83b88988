import { Text, View } from '@tarojs/components'
import type { JobApplication } from '@contract'
import { BigButton } from '@/components/big-button'
import { PhoneCall } from '@/components/phone-call'
import { Tag } from '@/components/tag'
import { asLink } from '@/lib/a11y'
import { canWithdraw, progressOf, statusHint, statusView } from '../../lib/application-status'
import { formatWage } from '@contract/jobs'
import { formatPlace } from '../../lib/format-wage'
import { whoAnswers } from '../../lib/who-answers'
import './index.scss'

interface Props {
  application: JobApplication
  onOpen: (jobId: number) => void
  onWithdraw: (application: JobApplication) => void
}

/**
 * One of my applications: the job, where it stands on the line 已报名 → 已联系 → 已录用, what comes next in plain
 * words, 打电话 to ask, and 取消报名 while that is still possible.
 */
export function ApplicationCard({ application, onOpen, onWithdraw }: Props) {
  const { job } = application
  const status = statusView(application.status)
  const progress = progressOf(application.status)
  const ended = application.status === 'rejected' || application.status === 'withdrawn'
  return (
    <View className='application-card'>
      <View {...asLink} className='application-card__job' onClick={() => onOpen(job.id)}>
        <View className='application-card__head'>
          <Text className='application-card__title'>{job.title}</Text>
          {!progress && <Tag tone={status.tone}>{status.label}</Tag>}
        </View>
        <Text className='application-card__wage'>{formatWage(job)}</Text>
        <Text className='application-card__line'>{formatPlace(job)} · {job.employerName}</Text>
        <Text className='application-card__line'>报名时间：{application.createdAt.slice(0, 10)}</Text>
      </View>
      {progress && (
        <View className='application-progress' role='list' aria-label={`进度：${status.label}`}>
          {progress.map((step, i) => (
            <View key={step.label} className='application-progress__item' role='listitem'>
              {i > 0 && <Text className={`application-progress__arrow ${step.state !== 'todo' ? 'application-progress__arrow--done' : ''}`} aria-hidden='true' />}
              <Text
                className={`application-progress__step application-progress__step--${step.state}`}
                aria-current={step.state === 'current' ? 'step' : undefined}
              >
                {step.label}
              </Text>
            </View>
          ))}
        </View>
      )}
      <Text className='application-card__hint'>{statusHint[application.status]}</Text>
      <View className='application-card__actions'>
        {!ended && <PhoneCall variant='button' phone={job.contactPhone} label={whoAnswers(job)} className='application-card__call' />}
        {canWithdraw(application.status) && (
          <BigButton variant='secondary' className='application-card__withdraw' onClick={() => onWithdraw(application)}>
            取消报名
          </BigButton>
        )}
      </View>
    </View>
  )
}
