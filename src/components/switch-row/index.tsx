import { Text, View } from '@tarojs/components'
import { asSwitch } from '@/lib/a11y'
import './index.scss'

interface Props {
  title: string
  note: string
  on: boolean
  /** A change is being saved: taps wait. */
  busy?: boolean
  onChange: (on: boolean) => void
  className?: string
}

/** One big row with a switch that looks like one (a track and a knob), saying 开 or 关: 大字模式, 每晚提醒我记工. */
export function SwitchRow({ title, note, on, busy, onChange, className }: Props) {
  return (
    <View
      {...asSwitch}
      aria-checked={on ? 'true' : 'false'}
      aria-disabled={busy ? 'true' : 'false'}
      aria-label={title}
      className={`switch-row ${on ? 'switch-row--on' : ''} ${className ?? ''}`}
      onClick={busy ? undefined : () => onChange(!on)}
    >
      <View className='switch-row__text'>
        <Text className='switch-row__title'>{title}</Text>
        <Text className='switch-row__note'>{note}</Text>
      </View>
      <View className='switch-row__switch' aria-hidden='true'>
        <Text className='switch-row__state'>{on ? '开' : '关'}</Text>
        <View className='switch-row__knob' />
      </View>
    </View>
  )
}
