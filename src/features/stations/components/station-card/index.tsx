import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import type { Station } from '@contract'
import { SampleBadge } from '@/components/sample-badge'
import { Tag } from '@/components/tag'
import { asButton, asLink } from '@/lib/a11y'
import { callPhone } from '@/lib/phone'
import { formatDistance } from '../../lib/format-distance'
import { formatPlace, stationTypeLabel } from '../../lib/labels'
import './index.scss'

interface Props {
  station: Station
  onOpen: (id: number) => void
  /** How the distance is introduced: 距您 (a GPS position) or 距无锡市 (a chosen city). */
  distanceFrom?: string
}

/** One organisation: what it is, where, and its phone as a big button. */
export const StationCard = memo(function StationCard({ station, onOpen, distanceFrom }: Props) {
  return (
    <View className='station-card'>
      <View {...asLink} className='station-card__main' hoverClass='station-card__main--pressed' onClick={() => onOpen(station.id)}>
        <View className='station-card__head'>
          <Text className='station-card__name'>{station.name}</Text>
          <SampleBadge isSample={station.isSample} />
        </View>
        <View className='station-card__tags'>
          <Tag tone='primary'>{stationTypeLabel[station.type]}</Tag>
          {station.distanceKm !== undefined && <Tag tone='ok'>{`${distanceFrom ?? '距您'}约 ${formatDistance(station.distanceKm)}`}</Tag>}
        </View>
        <Text className='station-card__place'>{formatPlace(station)}</Text>
        <Text className='station-card__address'>{station.address}</Text>
      </View>
      {station.phone && (
        <View {...asButton} className='station-card__call' hoverClass='station-card__call--pressed' onClick={() => callPhone(station.phone)}>
          {/* Heard, not seen: whose number it is. The name starts with it and ends with what is shown. */}
          <Text className='visually-hidden'>{station.name}</Text>
          <Text className='station-card__phone'>{station.phone}</Text>
          <Text className='station-card__call-label'>拨打</Text>
        </View>
      )}
    </View>
  )
})
