import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import type { JobSummary } from '@contract'
import { PhoneCall } from '@/components/phone-call'
import { SampleBadge } from '@/components/sample-badge'
import { Tag } from '@/components/tag'
import { VerifiedBadge } from '@/components/verified-badge'
import { asLink } from '@/lib/a11y'
import { formatWage } from '@contract/jobs'
import { postedAgo } from '@contract/format'
import { formatPlace } from '../../lib/format-wage'
import { whoAnswers } from '../../lib/who-answers'
import { JobFacts } from '../job-facts'
import './index.scss'

interface Props {
  job: JobSummary
  /**
   * Stable (defined outside the page) so a list re-render leaves unchanged cards alone. Without it the card is no link:
   * the posting's page shows it so when only the list's saved copy knows the posting.
   */
  onOpen?: (id: number, distanceKm?: number) => void
}

/**
 * One posting in the list: the wage big, then where and when it went up, the answers to a worker's questions as short
 * labels, who and their trust line, then what comes with it and 打电话.
 * Everything but the call button opens the posting: the part above it is the link a screen reader or keyboard
 * meets, and the call button sits beside it, never nested in it (a tap on it must not open the posting too).
 */
export const JobCard = memo(function JobCard({ job, onOpen }: Props) {
  const who = whoAnswers(job)
  const open = onOpen && (() => onOpen(job.id, job.distanceKm))
  // A tag the answers above already say (包吃 beside 包吃) is not said twice.
  const benefits = job.benefits.filter((b) => !(b === '包吃' && job.meals) && !(b === '包住' && job.housing) && !(b === '社保' && job.socialInsurance))
  return (
    <View className='job-card'>
      <View {...(open && asLink)} className='job-card__open' hoverClass={open && 'job-card--pressed'} onClick={open}>
        <View className='job-card__head'>
          <Text className='job-card__title'>{job.title}</Text>
          <SampleBadge isSample={job.isSample} />
        </View>
        <Text className='job-card__wage'>{formatWage(job)}</Text>
        <Text className='job-card__place'>
          {formatPlace(job)}
          {job.distanceKm !== undefined && ` · 距您约 ${Math.round(job.distanceKm)} 公里`}
          {/* When it went up rides on the place's line: a row less per card. */}
          <Text className='job-card__posted'> · {postedAgo(job.postedAt)}</Text>
        </Text>
        <JobFacts job={job} variant='card' />
        <View className='job-card__employer'>
          <Text className='job-card__employer-name'>{job.employerName}</Text>
          <VerifiedBadge verified={job.employerVerified} />
        </View>
        <Text className='job-card__trust'>{job.employer.trust}</Text>
      </View>
      <View className='job-card__foot'>
        <View className='job-card__facts' onClick={open}>
          {benefits.length > 0 && (
            <View className='job-card__tags'>
              {benefits.map((b) => (
                <Tag key={b}>{b}</Tag>
              ))}
            </View>
          )}
        </View>
        <PhoneCall variant='button' phone={job.contactPhone} label={who} />
      </View>
    </View>
  )
})
