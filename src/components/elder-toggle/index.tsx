import { Text, View } from '@tarojs/components'
import { asSwitch } from '@/lib/a11y'
import { useElderMode } from '@/lib/elder-mode'
import './index.scss'

/** 大字模式 on or off: one big row with a switch that looks like one (a track and a knob), saying 开 or 关. */
export function ElderToggle({ className }: { className?: string }) {
  const [on, setOn] = useElderMode()
  return (
    <View
      {...asSwitch}
      aria-checked={on ? 'true' : 'false'}
      aria-label='大字模式'
      className={`elder-toggle ${on ? 'elder-toggle--on' : ''} ${className ?? ''}`}
      onClick={() => setOn(!on)}
    >
      <View className='elder-toggle__text'>
        <Text className='elder-toggle__title'>大字模式</Text>
        <Text className='elder-toggle__note'>字更大、按钮更大，看得更清楚</Text>
      </View>
      <View className='elder-toggle__switch' aria-hidden='true'>
        <Text className='elder-toggle__state'>{on ? '开' : '关'}</Text>
        <View className='elder-toggle__knob' />
      </View>
    </View>
  )
}
