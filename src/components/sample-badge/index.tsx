import { Text } from '@tarojs/components'
import './index.scss'

/** Marks seeded demonstration data so nobody mistakes it for a real posting or organisation. */
export function SampleBadge({ isSample }: { isSample: boolean }) {
  if (!isSample) return null
  return <Text className='sample-badge'>示例</Text>
}
