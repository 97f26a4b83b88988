import { Text } from '@tarojs/components'
import './index.scss'

/**
 * 已认证: a station has checked this employer. A filled badge with a tick, so it never reads as one more plain tag
 * like 包吃 or 包住 beside it.
 */
export function VerifiedBadge({ verified, text = '已认证' }: { verified: boolean; text?: string }) {
  if (!verified) return null
  return (
    <Text className='verified-badge'>
      <Text className='verified-badge__tick' aria-hidden='true' />
      <Text>{text}</Text>
    </Text>
  )
}
