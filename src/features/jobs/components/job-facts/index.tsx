import { Text, View } from '@tarojs/components'
import type { JobSummary } from '@contract'
import { unknownLabel } from '@contract/jobs'
import { jobFacts } from '../../lib/job-facts'
import './index.scss'

interface Props {
  job: JobSummary
  /** card: short labels of what is known; detail: every question with its answer, 未说明 where unknown. */
  variant: 'card' | 'detail'
}

/**
 * The answers to a worker's real questions (how paid, hours, days off, meals, housing, age, insurance, overtime,
 * probation, how many still needed), never guessed: what the posting does not say is 未说明.
 */
export function JobFacts({ job, variant }: Props) {
  const facts = jobFacts(job)
  if (variant === 'detail') {
    return (
      <View className='job-facts job-facts--detail'>
        {facts.map((f) => (
          <View key={f.key} className='job-facts__row'>
            <Text className='job-facts__question'>{f.question}</Text>
            <Text className={f.answer ? 'job-facts__answer' : 'job-facts__answer job-facts__answer--unknown'}>{f.answer ?? unknownLabel}</Text>
          </View>
        ))}
      </View>
    )
  }
  // The card says only what is known: a count of unknowns cost a row per card and a posting less on the first
  // screen; the detail page names each 未说明.
  const known = facts.filter((f) => f.answer !== null)
  if (known.length === 0) return null
  return (
    <View className='job-facts job-facts--card'>
      {known.map((f) => (
        <Text key={f.key} className={`job-facts__label job-facts__label--${f.key}`}>
          {f.answer}
        </Text>
      ))}
    </View>
  )
}
