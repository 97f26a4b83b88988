import { Text } from '@tarojs/components'
import { dialable, type PhoneCallProps } from './phone-call.types'
import './index.scss'

/**
 * On a phone browser a real tel: link: it works without script, and a long press offers to save the number.
 * Its name is what it shows (who, the number, 拨打), so voice control and screen readers agree with the eye.
 */
export function PhoneCall({ phone, label, note, onCall }: PhoneCallProps) {
  return (
    <a className='phone-call' href={`tel:${dialable(phone)}`} onClick={onCall}>
      <span className='phone-call__body'>
        {label && <Text className='phone-call__label'>{label}</Text>}
        <Text className='phone-call__number'>{phone}</Text>
        {note && <Text className='phone-call__note'>{note}</Text>}
      </span>
      <Text className='phone-call__action'>拨打</Text>
    </a>
  )
}
