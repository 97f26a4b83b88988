import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { batchStatusLabel, staffBatchFilters } from '@contract/transport'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { staffPaths } from '@/features/staff/lib/paths'
import { chinaTime, routeTitle, runBy } from '@/features/transport/lib/format'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { useStaffBatches } from '@/features/staff/api/staff-transport'

type Filter = (typeof staffBatchFilters)[number] | ''
const filterLabel: Record<Filter, string> = { '': '全部', open: '可以报名', departed: '已发车', cancelled: '已取消' }

/** 点对点专车: the station's batches (admins: every batch), latest departure first, with seats taken; 安排一趟新车. */
export default function StaffBatchesPage() {
  return <StaffShell title='点对点专车'>{() => <Batches />}</StaffShell>
}

function Batches() {
  const [status, setStatus] = useState<Filter>('')
  const list = useStaffBatches(status ? { status } : {})
  useRefreshOnReturn(list.refresh)
  return (
    <View>
      <BigButton className='staff-batches__new' onClick={() => openPage(staffPaths.batch())}>
        安排一趟新车
      </BigButton>
      <Chips scroll value={status} onChange={setStatus} options={(['', ...staffBatchFilters] as Filter[]).map((f) => ({ value: f, label: filterLabel[f] }))} />
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={status ? `没有${filterLabel[status]}的车` : '还没有安排车'}
        emptyHint='点“安排一趟新车”，务工人员就能在“坐专车去上班”里报名'
        savedAt={list.savedAt}
        onRetry={() => void list.refresh()}
      >
        <View className='wb-table' style={{ '--wb-columns': '2fr 1.4fr 1.6fr 1fr 1fr' } as React.CSSProperties}>
          <View className='wb-table__head'>
            <Text>线路</Text>
            <Text>发车时间</Text>
            <Text>工作站 / 用工单位</Text>
            <Text>座位</Text>
            <Text>状态</Text>
          </View>
          {list.items.map((b) => (
            <View key={b.id} {...asButton} className='wb-card staff-batches__item' onClick={() => openPage(staffPaths.batch(b.id))}>
              <Text className='wb-card__title'>{routeTitle(b)}</Text>
              <Text className='wb-card__line'>{chinaTime(b.departAt)} 发车</Text>
              <Text className='wb-card__line'>{runBy(b)}</Text>
              <Text className='wb-card__line staff-batches__seats'>
                已报 {b.seatsTaken} / 共 {b.seats} 座
              </Text>
              <Text className='wb-card__line staff-batches__status'>
                {batchStatusLabel[b.status]}
                {b.status === 'cancelled' && b.cancelReason ? `：${b.cancelReason}` : ''}
              </Text>
            </View>
          ))}
        </View>
        <ListFooter count={list.items.length} loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}
