import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { StaffMember } from '@contract/staff'
import { type ClaimStatus, claimStatuses } from '@contract/subsidies'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { useSubsidyClaims, useSubsidySchemes } from '@/features/subsidies/api/staff-subsidies'
import { ReviewQueue } from '@/features/subsidies/components/review-queue'
import { statusText } from '@/features/subsidies/lib/describe'

type StatusChoice = ClaimStatus | ''

/** 补贴审核: township officers their township's claims, admins every township's; approve in batches, refuse with a reason. */
export default function SubsidyReviewPage() {
  return <StaffShell title='补贴审核'>{(staff) => <Review staff={staff} />}</StaffShell>
}

function Review({ staff }: { staff: StaffMember }) {
  if (staff.role === 'station') return <Text className='lead-text'>补贴由乡镇劳务工作站审核，县劳务输转服务中心复核。驻外工作站不审核补贴。</Text>
  return <Queue staff={staff} />
}

function Queue({ staff }: { staff: StaffMember }) {
  const [status, setStatus] = useState<StatusChoice>('submitted')
  const [scheme, setScheme] = useState('')
  const schemes = useSubsidySchemes()
  const list = useSubsidyClaims({ status: status || undefined, scheme: scheme || undefined })
  useRefreshOnReturn(list.refresh)
  const total = list.firstPage?.total ?? null
  return (
    <View>
      <Text className='wb-card__line'>
        {staff.role === 'admin' ? '全县的申请' : `${staff.township ?? ''}${staff.village ?? ''}的申请`}。通过时会按台账和记录再核对一次，不符合的会说明原因。
      </Text>
      <Chips<StatusChoice> scroll value={status} onChange={setStatus} options={[...claimStatuses.map((s) => ({ value: s, label: s === 'submitted' ? '待审核' : statusText(s) })), { value: '', label: '全部' }]} />
      {(schemes.data?.items.length ?? 0) > 1 && (
        <Chips scroll value={scheme} onChange={setScheme} options={[{ value: '', label: '全部补贴' }, ...schemes.data!.items.map((s) => ({ value: String(s.id), label: `${s.year}年${s.name}` }))]} />
      )}
      {/* An empty queue is said by ReviewQueue: it stays on screen with its outcome when the last claim is decided. */}
      <StateView loading={list.loading} error={list.error} savedAt={list.savedAt} onRetry={() => void list.refresh()}>
        {total !== null && total > 0 && <Text className='wb-card__line'>共 {total} 条</Text>}
        <ReviewQueue items={list.items} onDecided={() => void list.refresh()} emptyText={status === 'submitted' ? '没有等待审核的申请' : '没有这样的申请'} />
        <ListFooter count={list.items.length} loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}
