import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import { dialable, type StationCallProps } from './station-call.types'
import './index.scss'

/** WeChat has no tel: links: Taro.makePhoneCall opens the dialer with the number filled in. */
export function StationCall({ phone, label }: StationCallProps) {
  const call = () => {
    Taro.makePhoneCall({ phoneNumber: dialable(phone) }).catch(() => {
      // cancelled by the user
    })
  }
  return (
    <View {...asButton} aria-label={`拨打${label ?? ''}电话 ${phone}`} className='station-call' hoverClass='station-call--pressed' onClick={call}>
      <View className='station-call__body'>
        {label && <Text className='station-call__label'>{label}</Text>}
        <Text className='station-call__number'>{phone}</Text>
      </View>
      <Text className='station-call__action'>拨打</Text>
    </View>
  )
}
