import { Text, View } from '@tarojs/components'
import { courseModePlainLabel, courseModes, type CourseMode } from '@contract/training'
import { asTab } from '@/lib/a11y'
import './index.scss'

export type ModeChoice = CourseMode | 'all'

const choices: { value: ModeChoice; title: string }[] = [
  { value: 'all', title: '全部' },
  ...courseModes.map((m) => ({ value: m as ModeChoice, title: courseModePlainLabel[m] })),
]

interface Props {
  value: ModeChoice
  onChange: (mode: ModeChoice) => void
  /** The list for the chosen mode */
  children: React.ReactNode
}

/**
 * 全部 / 学完包分配 / 自己点想学的 / 县里招牌手艺 above one list. A row of four taps needs none of a tabs widget's sliding panes:
 * NutUI's Tabs brought its icon set, a selector-query layer and its stylesheet into the 培训 tab's first load.
 */
export function ModeTabs({ value, onChange, children }: Props) {
  return (
    <>
      <View className='mode-tabs' role='tablist' aria-label='培训方式'>
        {choices.map((c) => {
          const selected = c.value === value
          return (
            <View
              key={c.value}
              {...asTab}
              aria-selected={selected ? 'true' : 'false'}
              className={`mode-tabs__tab${selected ? ' mode-tabs__tab--active' : ''}`}
              onClick={() => {
                if (!selected) onChange(c.value)
              }}
            >
              <Text className='mode-tabs__title'>{c.title}</Text>
            </View>
          )
        })}
      </View>
      {children}
    </>
  )
}
