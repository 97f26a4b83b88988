import { Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import { callPhone } from '@/lib/phone'
import './index.scss'

interface Props {
  phone: string
  /** Who answers, e.g. 全国人社服务热线 */
  label?: string
  note?: string
}

/** A phone number as one big tap target that opens the dialer. */
export function PhoneCall({ phone, label, note }: Props) {
  return (
    <View
      {...asButton}
      aria-label={`拨打${label ?? ''}电话 ${phone}`}
      className='phone-call'
      hoverClass='phone-call--pressed'
      onClick={() => callPhone(phone)}
    >
      <View className='phone-call__body'>
        {label && <Text className='phone-call__label'>{label}</Text>}
        <Text className='phone-call__number'>{phone}</Text>
        {note && <Text className='phone-call__note'>{note}</Text>}
      </View>
      <Text className='phone-call__action'>拨打</Text>
    </View>
  )
}
