import { Text } from '@tarojs/components'
import { dialable, type StationCallProps } from './station-call.types'
import './index.scss'

/** On a phone browser a real tel: link: it works without script and long-press offers to save the number. */
export function StationCall({ phone, label }: StationCallProps) {
  return (
    <a className='station-call' href={`tel:${dialable(phone)}`} aria-label={`拨打${label ?? ''}电话 ${phone}`}>
      <span className='station-call__body'>
        {label && <Text className='station-call__label'>{label}</Text>}
        <Text className='station-call__number'>{phone}</Text>
      </span>
      <Text className='station-call__action'>拨打</Text>
    </a>
  )
}
