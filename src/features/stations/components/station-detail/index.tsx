import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { stationServices, type Station } from '@contract'
import { BigButton } from '@/components/big-button'
import { PhoneCall } from '@/components/phone-call'
import { SampleBadge } from '@/components/sample-badge'
import { Section } from '@/components/section'
import { formatPlace, stationTypeLabel } from '../../lib/labels'
import { openMap } from '../../open-map'
import './index.scss'

/** One organisation in full: what it does for you, when it is open, how to get there, who to call. */
export function StationDetailView({ station }: { station: Station }) {
  const copyAddress = () => {
    void Taro.setClipboardData({ data: `${formatPlace(station)} ${station.address}` })
  }
  return (
    <View className='station-detail'>
      <Section>
        <View className='station-detail__head'>
          <Text className='station-detail__name'>{station.name}</Text>
          <SampleBadge isSample={station.isSample} />
        </View>
        <Text className='station-detail__type'>{stationTypeLabel[station.type]}</Text>
        {station.memberCount !== null && station.type === 'party_branch' && (
          <Text className='station-detail__line'>流动党员 {station.memberCount} 名</Text>
        )}
      </Section>

      <Section title='打电话'>
        <PhoneCall phone={station.phone} label={station.contactPerson ? `联系人：${station.contactPerson}` : undefined} />
        {station.openingHours && <Text className='station-detail__line'>办公时间：{station.openingHours}</Text>}
      </Section>

      <Section title='能帮您做什么'>
        <View className='station-detail__services'>
          {stationServices.map((s) => {
            const offered = station.services.includes(s)
            return (
              <Text key={s} className={`station-detail__service ${offered ? '' : 'station-detail__service--off'}`}>
                {offered ? '✓ ' : '－ '}
                {s}
              </Text>
            )
          })}
        </View>
      </Section>

      <Section title='地址'>
        <Text className='station-detail__strong'>{formatPlace(station)}</Text>
        <Text className='station-detail__line'>{station.address}</Text>
        <View className='station-detail__actions'>
          <BigButton onClick={() => openMap(station)}>看地图、导航</BigButton>
          <BigButton variant='secondary' onClick={copyAddress}>
            复制地址
          </BigButton>
        </View>
      </Section>
    </View>
  )
}
