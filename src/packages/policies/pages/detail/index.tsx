import { Text, View } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import { PageRoot } from '@/components/page-root'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { Tag } from '@/components/tag'
import { openPage } from '@/lib/navigate'
import { usePolicy } from '@/features/policies/api/policies'
import './index.scss'
import { useIdParam } from '@/hooks/use-id-param'

/** One article, one paragraph per line, and who to call. */
export default function PolicyDetailPage() {
  const id = useIdParam()
  const badLink = id === 0
  const { data, error, loading, refresh } = usePolicy(id)
  return (
    <PageRoot>
      <StateView
        loading={loading && !badLink}
        error={error}
        empty={badLink || !data}
        emptyText='没有找到这篇政策解读'
        emptyHint='请回到“政策咨询”重新选一篇'
        onRetry={() => void refresh()}
      >
        {data && (
          <Section>
            <Text className='policy-detail__title'>{data.title}</Text>
            <Tag tone='primary'>{data.category}</Tag>
            <Text className='policy-detail__summary'>{data.summary}</Text>
            <View className='policy-detail__body'>
              {data.body.split('\n').map((para, i) => (
                <Text key={i} className='policy-detail__para'>
                  {para}
                </Text>
              ))}
            </View>
            <Text className='policy-detail__source'>来源：{data.source}</Text>
          </Section>
        )}
        {data && (
          <Section title='还有不明白的'>
            <PhoneCall phone='12333' label='人社服务热线' />
          </Section>
        )}
        {data?.category === '欠薪维权' && <BigButton onClick={() => openPage('/packages/rights/pages/new/index')}>我要求助</BigButton>}
      </StateView>
    </PageRoot>
  )
}
