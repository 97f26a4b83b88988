import { Tabs } from '@nutui/nutui-react-taro'
import { courseModeLabel, courseModes, type CourseMode } from '@contract'
import './index.scss'

export type ModeChoice = CourseMode | 'all'

const choices: { value: ModeChoice; title: string }[] = [
  { value: 'all', title: '全部' },
  ...courseModes.map((m) => ({ value: m as ModeChoice, title: courseModeLabel[m] })),
]

interface Props {
  value: ModeChoice
  onChange: (mode: ModeChoice) => void
  /** The list for the chosen mode */
  children: React.ReactNode
}

/**
 * 全部 / 下单培训 / 点单培训 / 品牌培训, with the chosen tab's list under it. The tabs are only the header: NutUI
 * leaves out panes without content on H5 but still slides its content strip to the chosen index, which pushed the
 * list off screen for every tab but the first. One list below the header needs no sliding at all.
 */
export function ModeTabs({ value, onChange, children }: Props) {
  return (
    <>
      <Tabs
        className='mode-tabs'
        value={value}
        activeType='line'
        duration={0}
        onChange={(v) => onChange(v as ModeChoice)}
      >
        {choices.map((c) => (
          <Tabs.TabPane key={c.value} title={c.title} value={c.value} />
        ))}
      </Tabs>
      {children}
    </>
  )
}
