import { Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import { callPhone } from '@/lib/phone'
import { buttonName, type PhoneCallProps } from './phone-call.types'
import './index.scss'

/** WeChat has no tel: links: the dialer opens with the number filled in. */
export function PhoneCall({ phone, label, note, onCall, variant = 'card', text = '打电话', className }: PhoneCallProps) {
  if (variant === 'button') {
    return (
      <View
        {...asButton}
        aria-label={buttonName({ phone, label, text })}
        className={`phone-call-button ${className ?? ''}`}
        hoverClass='phone-call-button--pressed'
        onClick={(e) => {
          // Inside a tappable card: calling must not also open the card.
          e.stopPropagation()
          onCall?.()
          callPhone(phone)
        }}
      >
        <Text className='phone-call-button__text'>{text}</Text>
      </View>
    )
  }
  return (
    <View
      {...asButton}
      className={`phone-call ${className ?? ''}`}
      hoverClass='phone-call--pressed'
      onClick={() => {
        onCall?.()
        callPhone(phone)
      }}
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
