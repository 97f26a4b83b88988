import { useState } from 'react'
import { Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { type PolicyCategory, policyCategories } from '@contract/policies'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { ListRow } from '@/components/list-row'
import { PageRoot } from '@/components/page-root'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { openPage } from '@/lib/navigate'
import { usePolicies, usePolicyFaqs } from '@/features/policies/api/policies'
import { FaqList } from '@/features/policies/components/faq-list'
import { PolicyCard } from '@/features/policies/components/policy-card'
import { SearchBox } from '@/components/search-box'

type CategoryChoice = PolicyCategory | ''
const openPolicy = (id: number) => openPage(`/packages/policies/pages/detail/index?id=${id}`)

/** 政策咨询: the questions asked most, then the articles by category, with search. */
export default function PoliciesPage() {
  const [category, setCategory] = useState<CategoryChoice>('')
  const [q, setQ] = useState('')
  const faqs = usePolicyFaqs()
  const list = usePolicies({ category: category || undefined, q: q || undefined })

  useReachBottom(() => {
    if (list.hasMore && !list.error) void list.loadMore()
  })
  usePullDownRefresh(() => {
    void Promise.all([list.refresh(), faqs.refresh()]).finally(() => Taro.stopPullDownRefresh())
  })

  const filtered = Boolean(q) || Boolean(category)
  return (
    <PageRoot>
      <SearchBox placeholder='搜一搜，如 补贴、社保、欠薪' elderPlaceholder='搜一搜，如 补贴' label='搜索政策' onSearch={setQ} />
      {!q && <ListRow title='我能领的补贴' note='看看您能领哪些补贴，县里知道的点一下就能领' onClick={() => openPage('/packages/subsidies/pages/mine/index')} />}
      {!q && (faqs.data?.items.length ?? 0) > 0 && (
        <Section title='大家常问'>
          <FaqList items={faqs.data!.items} onOpenPolicy={openPolicy} />
        </Section>
      )}
      <Chips<CategoryChoice>
        scroll
        value={category}
        onChange={setCategory}
        options={[{ value: '', label: '全部' }, ...policyCategories.map((c) => ({ value: c, label: c }))]}
      />
      {q && !list.loading && <Text className='lead-text'>“{q}”的搜索结果</Text>}
      <StateView
        loading={list.loading}
        error={list.items.length === 0 ? list.error : null}
        empty={list.items.length === 0}
        emptyText={filtered ? '没有找到相关的政策' : '还没有政策解读'}
        emptyHint={filtered ? '换个词试试，比如“补贴”“社保”，或者打 12333 问' : '有问题可以打 12333 问'}
        onRetry={() => void list.refresh()}
      >
        {list.items.map((p) => (
          <PolicyCard key={p.id} policy={p} onOpen={openPolicy} />
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </PageRoot>
  )
}
