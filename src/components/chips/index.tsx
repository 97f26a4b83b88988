import { ScrollView, Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import './index.scss'

export interface ChipOption<V extends string> {
  value: V
  label: string
}

interface Props<V extends string> {
  options: ChipOption<V>[]
  value: V
  onChange: (value: V) => void
  /** One scrollable line instead of wrapping. */
  scroll?: boolean
}

/** Single-choice chips (a filter): the chosen one is filled. */
export function Chips<V extends string>({ options, value, onChange, scroll }: Props<V>) {
  const chips = options.map((o) => {
    const selected = o.value === value
    return (
      <View
        key={o.value}
        {...asButton}
        aria-pressed={selected ? 'true' : 'false'}
        className={`chip ${selected ? 'chip--selected' : ''}`}
        onClick={() => onChange(o.value)}
      >
        <Text>{o.label}</Text>
      </View>
    )
  })
  if (scroll) {
    return (
      <ScrollView scrollX className='chips chips--scroll' enhanced showScrollbar={false}>
        {chips}
      </ScrollView>
    )
  }
  return <View className='chips'>{chips}</View>
}
