import { Text, View } from '@tarojs/components'
import { asSwitch } from '@/lib/a11y'
import './index.scss'

interface Props {
  on: boolean
  busy?: boolean
  onChange: (on: boolean) => void
}

/** 每晚提醒我记工: one row with a switch saying 开 or 关. */
export function ReminderToggle({ on, busy, onChange }: Props) {
  return (
    <View
      {...asSwitch}
      aria-checked={on ? 'true' : 'false'}
      aria-disabled={busy ? 'true' : 'false'}
      aria-label='每晚提醒我记工'
      className={`reminder-toggle ${on ? 'reminder-toggle--on' : ''}`}
      onClick={busy ? undefined : () => onChange(!on)}
    >
      <View className='reminder-toggle__text'>
        <Text className='reminder-toggle__title'>每晚提醒我记工</Text>
        <Text className='reminder-toggle__note'>哪天晚上8点还没记，就在“消息”里提醒一下</Text>
      </View>
      <Text className='reminder-toggle__state'>{on ? '开' : '关'}</Text>
    </View>
  )
}
