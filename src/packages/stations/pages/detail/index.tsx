import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { StateView } from '@/components/state-view'
import { useStation } from '@/features/stations/api/use-station'
import { StationDetailView } from '@/features/stations/components/station-detail'

export default function StationDetailPage() {
  const id = Number(useRouter().params.id)
  const { data, error, loading, refresh } = useStation(id)
  const badLink = !Number.isInteger(id) || id <= 0
  return (
    <View className='page'>
      <StateView
        loading={loading && !badLink}
        error={error}
        empty={badLink || !data}
        emptyText='没有找到这个组织'
        emptyHint='请回到“找组织”重新选一个'
        onRetry={() => void refresh()}
      >
        {data && <StationDetailView station={data} />}
      </StateView>
    </View>
  )
}
