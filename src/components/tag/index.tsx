import { Text } from '@tarojs/components'
import './index.scss'

interface Props {
  children: React.ReactNode
  tone?: 'plain' | 'ok' | 'primary'
}

/** A short label: a benefit, a trade, a status. */
export function Tag({ children, tone = 'plain' }: Props) {
  return <Text className={`tag tag--${tone}`}>{children}</Text>
}
