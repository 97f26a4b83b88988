import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import type { JobSummary } from '@contract'
import { SampleBadge } from '@/components/sample-badge'
import { Tag } from '@/components/tag'
import { asLink } from '@/lib/a11y'
import { formatWage } from '@contract/jobs'
import { postedAgo } from '@contract/format'
import { formatPlace } from '../../lib/format-wage'
import './index.scss'

interface Props {
  job: JobSummary
  /** Stable (defined outside the page) so a list re-render leaves unchanged cards alone. */
  onOpen: (id: number, distanceKm?: number) => void
}

/** One posting in the list: the wage big, then where, then what comes with it. */
export const JobCard = memo(function JobCard({ job, onOpen }: Props) {
  return (
    <View {...asLink} className='job-card' hoverClass='job-card--pressed' onClick={() => onOpen(job.id, job.distanceKm)}>
      <View className='job-card__head'>
        <Text className='job-card__title'>{job.title}</Text>
        <SampleBadge isSample={job.isSample} />
      </View>
      <Text className='job-card__wage'>{formatWage(job)}</Text>
      <Text className='job-card__place'>{formatPlace(job)}</Text>
      <View className='job-card__employer'>
        <Text>{job.employerName}</Text>
        {job.employerVerified && <Text className='job-card__verified'>已认证</Text>}
      </View>
      {job.benefits.length > 0 && (
        <View className='job-card__tags'>
          {job.benefits.map((b) => (
            <Tag key={b} tone='ok'>
              {b}
            </Tag>
          ))}
        </View>
      )}
      {job.distanceKm !== undefined && <Text className='job-card__meta'>距您约 {Math.round(job.distanceKm)} 公里</Text>}
      <Text className='job-card__meta job-card__posted'>{postedAgo(job.postedAt)}</Text>
    </View>
  )
})
