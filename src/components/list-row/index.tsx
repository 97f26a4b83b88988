import { Text, View } from '@tarojs/components'
import { asLink } from '@/lib/a11y'
import './index.scss'

interface Props {
  title: string
  /** A short line under the title */
  note?: string
  /** Shown at the right, e.g. a phone number */
  value?: string
  onClick: () => void
}

/** A tappable row (≥ 48px) that leads somewhere. */
export function ListRow({ title, note, value, onClick }: Props) {
  return (
    <View {...asLink} className='list-row' hoverClass='list-row--pressed' onClick={onClick}>
      <View className='list-row__body'>
        <Text className='list-row__title'>{title}</Text>
        {note && <Text className='list-row__note'>{note}</Text>}
      </View>
      {value && <Text className='list-row__value'>{value}</Text>}
      <Text className='list-row__arrow'>›</Text>
    </View>
  )
}
