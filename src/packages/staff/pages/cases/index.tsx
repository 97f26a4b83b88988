import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { usePullDownRefresh, useDidShow } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { useApiList } from '@/api'
import { rightsCategories, rightsCategoryLabel, rightsStatuses, rightsStatusLabel, type RightsCategory, type RightsStatus } from '@contract/rights'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { staffPaths } from '@/features/staff/lib/paths'
import { chinaDateTime } from '@contract/format'
import { staffListRightsRequests } from '@contract/rights'

type StatusFilter = RightsStatus | 'all' | 'overdue'

/** The queue of requests for help: overdue ones flagged, filtered by status and category. */
export default function StaffCasesPage() {
  return <StaffShell title='求助案件'>{() => <Queue />}</StaffShell>
}

function Queue() {
  const [status, setStatus] = useState<StatusFilter>('all')
  const [category, setCategory] = useState<RightsCategory | 'all'>('all')
  const query = {
    ...(status === 'overdue' ? { overdue: 'true' as const } : status !== 'all' ? { status } : {}),
    ...(category !== 'all' ? { category } : {}),
  }
  const list = useApiList(staffListRightsRequests, { query })
  useDidShow(() => void list.refresh())
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()))

  return (
    <View className='staff-cases'>
      <Chips
        scroll
        value={status}
        onChange={setStatus}
        options={[{ value: 'all', label: '全部' }, { value: 'overdue', label: '超时未受理' }, ...rightsStatuses.map((s) => ({ value: s, label: rightsStatusLabel[s] }))]}
      />
      <Chips scroll value={category} onChange={setCategory} options={[{ value: 'all', label: '全部类别' }, ...rightsCategories.map((c) => ({ value: c, label: rightsCategoryLabel[c] }))]} />
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText='没有符合条件的求助' onRetry={() => void list.refresh()}>
        <View className='wb-table' style={{ '--wb-columns': '1.2fr 1fr 2fr 1fr 1.2fr' } as React.CSSProperties}>
          <View className='wb-table__head'>
            <Text>编号</Text>
            <Text>类别</Text>
            <Text>单位 · 城市</Text>
            <Text>状态</Text>
            <Text>提交时间</Text>
          </View>
          {list.items.map((c) => (
            <View key={c.trackingNo} {...asButton} className={`wb-card staff-cases__item ${c.overdue ? 'wb-card--warn' : ''}`} onClick={() => openPage(staffPaths.case(c.trackingNo))}>
              <Text className='wb-card__title'>{c.trackingNo}</Text>
              <Text className='wb-card__line'>{rightsCategoryLabel[c.category]}{c.amountOwedYuan !== null ? ` ${c.amountOwedYuan} 元` : ''}</Text>
              <Text className='wb-card__line'>
                {c.employerName} · {c.workCity}
                {c.station ? ` · ${c.station.name}` : ''}
              </Text>
              <Text className='wb-card__line staff-cases__status'>
                {rightsStatusLabel[c.status]}
                {c.overdue && <Text className='wb-flag'>超时</Text>}
              </Text>
              <Text className='wb-card__line'>{chinaDateTime(c.submittedAt)}</Text>
            </View>
          ))}
        </View>
        <ListFooter count={list.items.length} loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}
