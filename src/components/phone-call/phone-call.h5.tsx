import { Text } from '@tarojs/components'
import { buttonName, dialable, type PhoneCallProps } from './phone-call.types'
import './index.scss'

/**
 * On a phone browser a real tel: link: it works without script, and a long press offers to save the number.
 * Its name is what it shows (who, the number, 拨打), so voice control and screen readers agree with the eye.
 */
export function PhoneCall({ phone, label, note, onCall, variant = 'card', text = '打电话', className }: PhoneCallProps) {
  if (variant === 'button') {
    return (
      <a
        className={`phone-call-button ${className ?? ''}`}
        href={`tel:${dialable(phone)}`}
        aria-label={buttonName({ phone, label, text })}
        onClick={(e) => {
          // Inside a tappable card: calling must not also open the card.
          e.stopPropagation()
          onCall?.()
        }}
      >
        <Text className='phone-call-button__text'>{text}</Text>
      </a>
    )
  }
  return (
    <a className={`phone-call ${className ?? ''}`} href={`tel:${dialable(phone)}`} onClick={onCall}>
      <span className='phone-call__body'>
        {label && <Text className='phone-call__label'>{label}</Text>}
        <Text className='phone-call__number'>{phone}</Text>
        {note && <Text className='phone-call__note'>{note}</Text>}
      </span>
      <Text className='phone-call__action'>拨打</Text>
    </a>
  )
}
