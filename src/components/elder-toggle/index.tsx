import { Text, View } from '@tarojs/components'
import { asSwitch } from '@/lib/a11y'
import { useElderMode } from '@/lib/elder-mode'
import './index.scss'

/** 大字模式 on or off, as one big switch row. */
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
      <Text className='elder-toggle__state'>{on ? '已打开' : '已关闭'}</Text>
    </View>
  )
}
