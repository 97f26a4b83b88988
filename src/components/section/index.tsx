import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  title?: string
  children: React.ReactNode
  className?: string
}

/** A white card with an optional heading: the building block of detail pages. */
export function Section({ title, children, className }: Props) {
  return (
    <View className={`section ${className ?? ''}`}>
      {title && <Text className='section__title'>{title}</Text>}
      {children}
    </View>
  )
}
