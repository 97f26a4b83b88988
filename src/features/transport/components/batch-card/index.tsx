import { Text, View } from '@tarojs/components'
import type { TransportBatch } from '@contract'
import { SampleBadge } from '@/components/sample-badge'
import { chinaTime, workerRouteTitle, seatsText } from '../../lib/format'
import './index.scss'

/** One batch: the route, when it leaves, who it serves and the seats left; the sign-up goes in `children`. */
export function BatchCard({ batch, children }: { batch: TransportBatch; children?: React.ReactNode }) {
  const full = batch.status !== 'open' || batch.seatsLeft === 0
  return (
    <View className='batch-card'>
      <View className='batch-card__head'>
        <Text className='batch-card__title'>{workerRouteTitle(batch)}</Text>
        <SampleBadge isSample={batch.isSample} />
      </View>
      <Text className='batch-card__time'>{chinaTime(batch.departAt)} 发车</Text>
      <Text className='batch-card__line'>去 {batch.destinationProvince === batch.destinationCity ? batch.destinationCity : `${batch.destinationProvince}${batch.destinationCity}`}</Text>
      {(batch.employer || batch.station) && <Text className='batch-card__line'>{batch.employer ?? batch.station?.name}</Text>}
      <Text className={`batch-card__seats ${full ? 'batch-card__seats--full' : ''}`}>{seatsText(batch)}</Text>
      {batch.status === 'cancelled' && batch.cancelReason && <Text className='batch-card__line batch-card__reason'>取消原因：{batch.cancelReason}</Text>}
      {children}
    </View>
  )
}
