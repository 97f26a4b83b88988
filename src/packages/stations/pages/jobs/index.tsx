import { Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { ListFooter } from '@/components/list-footer'
import { ListRow } from '@/components/list-row'
import { StateView } from '@/components/state-view'
import { openPage } from '@/lib/navigate'
import { useStation } from '@/features/stations/api/use-station'
import { useAllStationJobs } from '@/features/stations/api/use-station-jobs'
import { formatWage } from '@contract/jobs'
import { PageRoot } from '@/components/page-root'
import { useIdParam } from '@/hooks/use-id-param'

/** Every open posting that came through one station (the detail page shows the first five). */
export default function StationJobsPage() {
  const id = useIdParam()
  const valid = id > 0
  const station = useStation(id)
  const list = useAllStationJobs(id)
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore) void list.loadMore()
  })
  return (
    <PageRoot>
      {station.data && (
        <Text style={{ display: 'block', marginBottom: '12px', fontWeight: 600 }}>{station.data.name}</Text>
      )}
      <StateView
        loading={valid && list.loading}
        error={!valid ? { message: '链接不对，请回到“找组织”重新选一个' } : list.error}
        empty={list.items.length === 0}
        emptyText='这里现在没有在招的岗位'
        emptyHint='可以打电话问问工作站'
        onRetry={() => void list.refresh()}
      >
        {list.items.map((j) => (
          <ListRow key={j.id} title={j.title} note={`${j.city} · ${formatWage(j)}`} onClick={() => openPage(`/packages/jobs/pages/detail/index?id=${j.id}`)} />
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </PageRoot>
  )
}
