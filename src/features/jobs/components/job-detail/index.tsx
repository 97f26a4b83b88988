import { Text, View } from '@tarojs/components'
import type { JobDetail } from '@contract'
import { PhoneCall } from '@/components/phone-call'
import { SampleBadge } from '@/components/sample-badge'
import { Section } from '@/components/section'
import { Tag } from '@/components/tag'
import { VerifiedBadge } from '@/components/verified-badge'
import { formatWage } from '@contract/jobs'
import { postedAgo } from '@contract/format'
import { formatPlace } from '../../lib/format-wage'
import { JobFacts } from '../job-facts'
import './index.scss'

/** Why a posting can no longer be applied to, or null while it is open. */
export function closedReason(job: Pick<JobDetail, 'status' | 'expired' | 'appliable'>): string | null {
  if (job.appliable) return null
  if (job.status === 'filled') return '已招满'
  // Closed by the end-date sweep, or still open for the minutes before it: either way it ran out.
  if (job.expired) return '已过期'
  return '已结束'
}

/** What every worker should hear before going anywhere for a job. */
export const antiFraudTips = ['不交任何费用、押金、服装费、体检费', '不把身份证、银行卡交给别人保管', '遇到要钱的、工资和说的不一样的，马上举报'] as const

interface Props {
  job: JobDetail
  /** Kilometres from the worker, when the list knew it. */
  distanceKm?: number
  /** Apply, report and share: drawn where the worker decides, after the facts. */
  actions?: React.ReactNode
}

/** A posting in full: pay and the answers to a worker's questions first, then the pledge, where, who to call; free text last. */
export function JobDetailView({ job, distanceKm, actions }: Props) {
  const closed = closedReason(job)
  return (
    <View className='job-detail'>
      {job.underReview && (
        <View className='job-detail__closed job-detail__review' aria-live='polite'>
          <Text>已有多人举报，正在核实。核实前请不要交钱、不要出发。</Text>
        </View>
      )}
      {closed && !job.underReview && (
        <View className='job-detail__closed' aria-live='polite'>
          <Text>这个岗位{closed}，不能再报名。可以看看其他岗位。</Text>
        </View>
      )}
      <Section>
        <View className='job-detail__head'>
          <Text className='job-detail__title'>{job.title}</Text>
          <SampleBadge isSample={job.isSample} />
        </View>
        <Text className='job-detail__wage'>{formatWage(job)}</Text>
        {job.benefits.length > 0 && (
          <View className='job-detail__tags'>
            {job.benefits.map((b) => (
              <Tag key={b}>{b}</Tag>
            ))}
          </View>
        )}
        <Text className='job-detail__line'>招 {job.headcount} 人 · {job.trade}</Text>
        <Text className='job-detail__line job-detail__posted'>{postedAgo(job.postedAt)}</Text>
      </Section>

      <Section title='先问清楚这几件事'>
        <JobFacts job={job} variant='detail' />
      </Section>

      <View className='job-detail__pledge' aria-label='不收费承诺'>
        <Text className='job-detail__pledge-title'>求职不交钱</Text>
        <Text className='job-detail__pledge-text'>{job.pledge}</Text>
        {antiFraudTips.map((tip) => (
          <Text key={tip} className='job-detail__tip'>
            · {tip}
          </Text>
        ))}
      </View>

      <Section title='在哪里干'>
        <Text className='job-detail__strong'>{formatPlace(job)}</Text>
        <Text className='job-detail__line'>{job.address}</Text>
        {distanceKm !== undefined && Number.isFinite(distanceKm) && (
          <Text className='job-detail__line'>离您约 {Math.max(1, Math.round(distanceKm))} 公里</Text>
        )}
      </Section>

      {actions}

      {job.shifts && (
        <Section title='上班时间'>
          <Text className='job-detail__line'>{job.shifts}</Text>
        </Section>
      )}


      <Section title='用工单位'>
        <View className='job-detail__employer'>
          <Text className='job-detail__strong'>{job.employerName}</Text>
          <VerifiedBadge verified={job.employerVerified} />
        </View>
        <Text className='job-detail__line job-detail__trust'>{job.employer.trust}</Text>
        {job.verifiedBy && <Text className='job-detail__line'>由 {job.verifiedBy.name} 核实</Text>}
        <Text className='job-detail__line'>信息来自：{job.sourceStation.name}</Text>
      </Section>

      <Section title='想去？先打电话问清楚'>
        <PhoneCall phone={job.contactPhone} label={job.contactName ? `联系人：${job.contactName}` : '联系电话'} />
        <Text className='job-detail__note'>问清工资、吃住和路费再出发。</Text>
      </Section>

      {/* What the employer wrote in its own words comes last: the answers above are what a worker reads. */}
      {job.requirements && (
        <Section title='要求'>
          <Text className='job-detail__line job-detail__pre'>{job.requirements}</Text>
        </Section>
      )}
      {job.description && (
        <Section title='工作内容'>
          <Text className='job-detail__line job-detail__pre'>{job.description}</Text>
        </Section>
      )}
    </View>
  )
}
