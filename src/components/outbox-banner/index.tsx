import { Text, View } from '@tarojs/components'
import { useOutbox } from '@/api'
import { asButton } from '@/lib/a11y'
import './index.scss'

/**
 * What the worker submitted without a network: 待发送 until the server has it, and any the server
 * refused, with its reason, until the worker has read it. Renders nothing when the outbox is empty.
 */
export function OutboxBanner() {
  const { pending, refused, retryNow, dismiss } = useOutbox()
  if (pending.length === 0 && refused.length === 0) return null
  return (
    <View className='outbox-banner' aria-live='polite'>
      {pending.length > 0 && (
        <View className='outbox-banner__row outbox-banner__row--pending'>
          <View className='outbox-banner__text'>
            <Text className='outbox-banner__title'>待发送 {pending.length} 条</Text>
            <Text className='outbox-banner__detail'>
              {pending.map((e) => e.label).join('、')}：有网络后会自动发出，不会丢失
            </Text>
          </View>
          <View {...asButton} className='outbox-banner__action' onClick={() => void retryNow()}>
            现在发送
          </View>
        </View>
      )}
      {refused.map((e) => (
        <View key={e.id} className='outbox-banner__row outbox-banner__row--refused'>
          <View className='outbox-banner__text'>
            <Text className='outbox-banner__title'>没有发送成功：{e.label}</Text>
            <Text className='outbox-banner__detail'>
              {[e.error?.message, ...Object.values(e.error?.fields ?? {})].filter(Boolean).join('；')}
              。请改好后重新提交。
            </Text>
          </View>
          <View {...asButton} className='outbox-banner__action' onClick={() => dismiss(e.id)}>
            知道了
          </View>
        </View>
      ))}
    </View>
  )
}
