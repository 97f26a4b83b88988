import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Trade } from '@contract'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { openPage } from '@/lib/navigate'
import { useJobs } from '@/features/jobs/api/use-jobs'
import { usePopularTrades } from '@/features/jobs/api/use-popular-trades'
import { JobCard } from '@/features/jobs/components/job-card'
import { SearchBox } from '@/features/jobs/components/search-box'
import './index.scss'

type TradeChoice = Trade | ''

export default function JobsPage() {
  const [q, setQ] = useState('')
  const [trade, setTrade] = useState<TradeChoice>('')
  const { trades } = usePopularTrades()
  const { items, error, loading, loadingMore, hasMore, loadMore, refresh } = useJobs({ q, trade: trade || undefined })

  useReachBottom(() => {
    if (hasMore && !error) void loadMore()
  })
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  const filtered = Boolean(q || trade)
  return (
    <View className='page jobs-page'>
      <SearchBox initial={q} onSearch={setQ} />
      {trades.length > 0 && (
        <Chips<TradeChoice>
          scroll
          value={trade}
          onChange={setTrade}
          options={[{ value: '', label: '全部' }, ...trades.map((t) => ({ value: t.name, label: t.name }))]}
        />
      )}
      {filtered && !loading && !error && items.length > 0 && (
        <Text className='jobs-page__count'>
          {[q && `“${q}”`, trade].filter(Boolean).join(' · ')} 的岗位
        </Text>
      )}
      <StateView
        loading={loading}
        error={items.length === 0 ? error : null}
        empty={items.length === 0}
        emptyText={filtered ? '没有找到合适的岗位' : '现在还没有岗位'}
        emptyHint={filtered ? '换个词再搜，或者点“全部”看所有岗位' : '过几天再来看看，或者打电话问县劳务输转服务中心（在“维权”页）'}
        onRetry={() => void refresh()}
      >
        {items.map((job) => (
          <JobCard key={job.id} job={job} onOpen={(id) => openPage(`/packages/jobs/pages/detail/index?id=${id}`)} />
        ))}
        {error ? (
          <StateView loading={false} error={error} onRetry={() => void loadMore()} />
        ) : (
          <ListFooter count={items.length} hasMore={hasMore} loadingMore={loadingMore} onLoadMore={() => void loadMore()} />
        )}
      </StateView>
    </View>
  )
}
