import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { type PolicyCategory, policyCategories } from '@contract/policies'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { SearchBox } from '@/components/search-box'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { usePolicies } from '@/features/policies/api/policies'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { staffPaths } from '@/features/staff/lib/paths'
import { chinaDateTime } from '@contract/format'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'

type CategoryChoice = PolicyCategory | ''

/**
 * 政策解读 on the workbench: the articles workers read, searched the same way. Admins publish and change them;
 * station staff read them (to answer a worker on the phone) and are told who changes them.
 */
export default function StaffPoliciesPage() {
  return <StaffShell title='政策解读'>{(staff) => <Policies admin={staff.role === 'admin'} />}</StaffShell>
}

function Policies({ admin }: { admin: boolean }) {
  const [category, setCategory] = useState<CategoryChoice>('')
  const [q, setQ] = useState('')
  const list = usePolicies({ category: category || undefined, q: q || undefined })
  useRefreshOnReturn(list.refresh)
  const open = (id: number) => openPage(admin ? staffPaths.policy(id) : `/packages/policies/pages/detail/index?id=${id}`)
  return (
    <View>
      {admin ? (
        <BigButton className='staff-policies__new' onClick={() => openPage(staffPaths.policy())}>
          发布政策解读
        </BigButton>
      ) : (
        <Text className='wb-card__line'>政策解读由县人社局统一发布。内容要改，请联系县级管理员。</Text>
      )}
      <SearchBox placeholder='搜一搜，如 补贴、社保、欠薪' label='搜索政策解读' onSearch={setQ} />
      <Chips<CategoryChoice>
        scroll
        value={category}
        onChange={setCategory}
        options={[{ value: '', label: '全部' }, ...policyCategories.map((c) => ({ value: c, label: c }))]}
      />
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={q || category ? '没有找到相关的政策解读' : '还没有政策解读'}
        onRetry={() => void list.refresh()}
      >
        <View className='wb-table' style={{ '--wb-columns': '3fr 1fr 1.2fr' } as React.CSSProperties}>
          <View className='wb-table__head'>
            <Text>标题</Text>
            <Text>类别</Text>
            <Text>更新时间</Text>
          </View>
          {list.items.map((p) => (
            <View key={p.id} {...asButton} className='wb-card staff-policies__item' onClick={() => open(p.id)}>
              <Text className='wb-card__title'>{p.title}</Text>
              <Text className='wb-card__line'>{p.category}</Text>
              <Text className='wb-card__line'>{chinaDateTime(p.updatedAt)}</Text>
            </View>
          ))}
        </View>
        <ListFooter count={list.items.length} loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}
