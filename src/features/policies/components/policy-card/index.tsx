import { Text, View } from '@tarojs/components'
import type { PolicySummary } from '@contract'
import { Tag } from '@/components/tag'
import { asLink } from '@/lib/a11y'
import './index.scss'

export function PolicyCard({ policy, onOpen }: { policy: PolicySummary; onOpen: (id: number) => void }) {
  return (
    <View {...asLink} className='policy-card' hoverClass='policy-card--pressed' onClick={() => onOpen(policy.id)}>
      <Text className='policy-card__title'>{policy.title}</Text>
      <Text className='policy-card__summary'>{policy.summary}</Text>
      <Tag tone='primary'>{policy.category}</Tag>
    </View>
  )
}
