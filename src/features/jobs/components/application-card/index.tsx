import { Text, View } from '@tarojs/components'
import type { JobApplication } from '@contract'
import { BigButton } from '@/components/big-button'
import { Tag } from '@/components/tag'
import { asLink } from '@/lib/a11y'
import { canWithdraw, statusHint, statusView } from '../../lib/application-status'
import { formatWage } from '@contract/jobs'
import { formatPlace } from '../../lib/format-wage'
import './index.scss'

interface Props {
  application: JobApplication
  onOpen: (jobId: number) => void
  onWithdraw: (application: JobApplication) => void
}

/** One of my applications: the job, where things stand in plain words, and 取消报名 while that is still possible. */
export function ApplicationCard({ application, onOpen, onWithdraw }: Props) {
  const { job } = application
  const status = statusView(application.status)
  return (
    <View className='application-card'>
      <View {...asLink} className='application-card__job' onClick={() => onOpen(job.id)}>
        <View className='application-card__head'>
          <Text className='application-card__title'>{job.title}</Text>
          <Tag tone={status.tone}>{status.label}</Tag>
        </View>
        <Text className='application-card__wage'>{formatWage(job)}</Text>
        <Text className='application-card__line'>{formatPlace(job)} · {job.employerName}</Text>
        <Text className='application-card__line'>报名时间：{application.createdAt.slice(0, 10)}</Text>
        <Text className='application-card__hint'>{statusHint[application.status]}</Text>
      </View>
      {canWithdraw(application.status) && (
        <BigButton variant='secondary' className='application-card__withdraw' onClick={() => onWithdraw(application)}>
          取消报名
        </BigButton>
      )}
    </View>
  )
}
