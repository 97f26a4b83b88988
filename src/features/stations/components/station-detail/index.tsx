import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { stationServices, type Station } from '@contract/stations'
import { BigButton } from '@/components/big-button'
import { SampleBadge } from '@/components/sample-badge'
import { Section } from '@/components/section'
import { PhoneCall } from '@/components/phone-call'
import { formatPlace, stationTypeLabel } from '../../lib/labels'
import { openMap } from '../../open-map'
import { StationCourses } from '../station-courses'
import { StationJobs } from '../station-jobs'
import './index.scss'

interface Props {
  station: Station
  /** The Party branch registration block (the page wires it to the session); branches only. */
  party?: React.ReactNode
  onOpenJob: (id: number) => void
  onSeeAllJobs: () => void
  onOpenCourse: (id: number) => void
}

/** One organisation in full: what it does for you, when it is open, how to get there, who to call. */
export function StationDetailView({ station, party, onOpenJob, onSeeAllJobs, onOpenCourse }: Props) {
  const copyAddress = () => {
    // The address alone reads best when pasted into a map app or a message to a fellow villager.
    void Taro.setClipboardData({ data: station.address })
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

      {station.type === 'party_branch' && party && <Section title='流动党员登记'>{party}</Section>}

      <Section title='这里在招的工作'>
        <StationJobs stationId={station.id} onOpenJob={onOpenJob} onSeeAll={onSeeAllJobs} />
      </Section>

      <StationCourses city={station.city} onOpenCourse={onOpenCourse} />
    </View>
  )
}
