import { Text, View } from '@tarojs/components'
import type { TransportBatch } from '@contract'
import { chinaTime } from '../../lib/format'
import './index.scss'

/** 乘车须知: where and when to be, what to bring. Shown once the worker has a seat. */
export function BoardingNotice({ batch }: { batch: TransportBatch }) {
  return (
    <View className='boarding-notice' aria-label='乘车须知'>
      <Text className='boarding-notice__title'>乘车须知</Text>
      <View className='boarding-notice__row'>
        <Text className='boarding-notice__label'>集合时间</Text>
        <Text className='boarding-notice__value boarding-notice__value--strong'>{chinaTime(batch.meetAt)}</Text>
      </View>
      <View className='boarding-notice__row'>
        <Text className='boarding-notice__label'>集合地点</Text>
        <Text className='boarding-notice__value'>{batch.meetingPoint}</Text>
      </View>
      <View className='boarding-notice__row'>
        <Text className='boarding-notice__label'>发车时间</Text>
        <Text className='boarding-notice__value'>{chinaTime(batch.departAt)}</Text>
      </View>
      <View className='boarding-notice__row'>
        <Text className='boarding-notice__label'>要带的东西</Text>
        <Text className='boarding-notice__value'>{batch.whatToBring}</Text>
      </View>
      {batch.notes && <Text className='boarding-notice__notes'>{batch.notes}</Text>}
      <Text className='boarding-notice__notes'>请准时到，过时不等。去不了了请提前取消，把座位让给别人。</Text>
    </View>
  )
}
