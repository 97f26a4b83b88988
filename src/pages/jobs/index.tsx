import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Trade } from '@contract'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { SavedNote } from '@/components/saved-note'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { useJobs } from '@/features/jobs/api/use-jobs'
import { usePopularTrades } from '@/features/jobs/api/use-popular-trades'
import { FilterSheetSlot } from '@/features/jobs/components/filter-sheet-slot'
import { JobCard } from '@/features/jobs/components/job-card'
import { WidenOffers } from '@/features/jobs/components/widen-offers'
import { SearchBox } from '@/components/search-box'
import { activeFilterCount, type JobFilters, type JobSort } from '@/features/jobs/lib/filters'
import { BrandStrip } from '@/features/brands/components/brand-strip'
import { ListRow } from '@/components/list-row'
import { PageRoot } from '@/components/page-root'
import { useFirstScreenFirst } from '@/hooks/use-first-screen-first'
import { useElderMode } from '@/lib/elder-mode'
import './index.scss'

type TradeChoice = Trade | ''

const openJob = (id: number, km?: number) => openPage(`/packages/jobs/pages/detail/index?id=${id}${km !== undefined ? `&km=${km}` : ''}`)

/** Jobs drawn before the brands and the bus row: what a 390×844 phone shows on its first screen. */
const jobsBeforeExtras = 3

const sortChoices: { value: JobSort; label: string }[] = [
  { value: 'newest', label: '最新' },
  { value: 'wage', label: '工资高' },
]

/**
 * 找工作. The list is a plain list paged by the page's own scroll (reach-bottom loads more, pull-down
 * refreshes): a virtual list needs a fixed-height scroll container of its own, which takes pull-down
 * refresh away on the mini-program, and cards differ in height. Pages of 20 keep the DOM small enough.
 */
export default function JobsPage() {
  const [filters, setFilters] = useState<JobFilters>({})
  const [sheetOpen, setSheetOpen] = useState(false)
  const { trades } = usePopularTrades()
  const { items, firstPage, error, loading, loadingMore, hasMore, loadMore, refresh, savedAt } = useJobs(filters)
  const widen = firstPage?.widen ?? []
  const shown = useFirstScreenFirst(items)
  const [elder] = useElderMode()

  useReachBottom(() => {
    if (hasMore && !error) void loadMore()
  })
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  const set = (next: Partial<JobFilters>) => setFilters((f) => ({ ...f, ...next }))
  const count = activeFilterCount(filters)
  const filtered = Boolean(filters.q) || count > 0
  // Jobs first: the brands and the bus row come after the first screenful of postings (or alone when there are none).
  const extras = !filtered && (
    <>
      <BrandStrip onShowJobs={(trade) => set({ trade })} />
      <ListRow title='家门口就业' note='县里的帮扶车间、公益性岗位、零工，离家近' onClick={() => openPage('/packages/jobs/pages/local/index')} />
      <ListRow title='坐专车去上班' note='县上组织的点对点专车，到站有人接' onClick={() => openPage('/packages/transport/pages/list/index')} />
    </>
  )
  return (
    <PageRoot className='jobs-page'>
      <SearchBox initial={filters.q ?? ''} placeholder='搜工种或城市，如 电焊、天津' elderPlaceholder='搜工种或城市' label='搜索工作' onSearch={(q) => set({ q: q || undefined })} />
      {/*
        Drawn from the start (全部 alone until the trades arrive), so the list below never jumps down. In 大字模式 the row
        held three trades and pushed the second posting off the first screen: the trade is chosen in 筛选 there.
      */}
      {!elder && (
        <View className='jobs-page__trades'>
          <Chips<TradeChoice>
            scroll
            value={filters.trade ?? ''}
            onChange={(t) => set({ trade: t || undefined })}
            options={[{ value: '', label: '全部' }, ...trades.map((t) => ({ value: t.name, label: t.name }))]}
          />
        </View>
      )}
      <View className='jobs-page__bar'>
        <View
          {...asButton}
          aria-label={count > 0 ? `筛选，已选 ${count} 项` : '筛选'}
          className={`jobs-page__filter ${count > 0 ? 'jobs-page__filter--on' : ''}`}
          onClick={() => setSheetOpen(true)}
        >
          <Text>筛选</Text>
          {count > 0 && <Text className='jobs-page__badge'>{count}</Text>}
        </View>
        {count > 0 && (
          <View
            {...asButton}
            className='jobs-page__clear'
            onClick={() => set({ trade: undefined, province: undefined, minWage: undefined, benefits: undefined })}
          >
            <Text>清除</Text>
          </View>
        )}
        <View className='jobs-page__sort'>
          <Chips<JobSort> value={filters.sort ?? 'newest'} onChange={(sort) => set({ sort })} options={sortChoices} />
        </View>
      </View>
      {filtered && !loading && !error && items.length > 0 && (
        <Text className='jobs-page__count'>
          {[filters.q && `“${filters.q}”`, filters.trade].filter(Boolean).join(' · ')} {count > 0 ? `（${count} 个条件）` : ''}的岗位
        </Text>
      )}
      {!loading && <SavedNote savedAt={savedAt} onRetry={() => void refresh()} />}
      <StateView
        loading={loading}
        error={items.length === 0 ? error : null}
        empty={items.length === 0}
        emptyText={filtered ? '没有找到合适的岗位' : '现在还没有岗位'}
        emptyHint={
          !filtered
            ? '过几天再来看看，或者打电话问县劳务输转服务中心（在“维权”页）'
            : widen.length
              ? '这样搜能找到岗位：'
              : filters.q
                ? '换个词再搜，或者点搜索框里的叉号清除搜索词'
                : '少选几个条件，或者点上面的“清除”'
        }
        emptyActions={
          <WidenOffers
            offers={widen}
            onPick={(offer) =>
              set({ q: offer.q || undefined, ...(offer.clearFilters ? { trade: undefined, province: undefined, minWage: undefined, benefits: undefined } : {}) })
            }
          />
        }
        onRetry={() => void refresh()}
      >
        {shown.slice(0, jobsBeforeExtras).map((job) => (
          <JobCard key={job.id} job={job} onOpen={openJob} />
        ))}
        {extras}
        {shown.slice(jobsBeforeExtras).map((job) => (
          <JobCard key={job.id} job={job} onOpen={openJob} />
        ))}
        {error ? (
          <StateView loading={false} error={error} onRetry={() => void loadMore()} />
        ) : (
          <ListFooter count={items.length} hasMore={hasMore} loadingMore={loadingMore} onLoadMore={() => void loadMore()} />
        )}
      </StateView>
      {!loading && items.length === 0 && extras}
      <FilterSheetSlot
        visible={sheetOpen}
        value={{
          province: filters.province,
          trade: filters.trade,
          minWage: filters.minWage,
          benefits: filters.benefits,
          payType: filters.payType,
          meals: filters.meals,
          housing: filters.housing,
          maxAge: filters.maxAge,
        }}
        onApply={(next) => {
          set(next)
          setSheetOpen(false)
        }}
        onClose={() => setSheetOpen(false)}
      />
    </PageRoot>
  )
}
