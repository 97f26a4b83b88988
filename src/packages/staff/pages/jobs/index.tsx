import { Text, View } from '@tarojs/components'
import { formatWage, reportReasonLabel } from '@contract/jobs'
import { BigButton } from '@/components/big-button'
import { ListFooter } from '@/components/list-footer'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { staffPaths } from '@/features/staff/lib/paths'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { useJobsUnderReview, useStaffJobs } from '@/features/staff/api/staff-jobs'

const statusLabel = { open: '在招', filled: '已招满', closed: '已关闭' } as const

/** The station's postings (admins: all), the reported ones waiting for a decision, and 发布新岗位. */
export default function StaffJobsPage() {
  return <StaffShell title='岗位'>{() => <Jobs />}</StaffShell>
}

function Jobs() {
  const list = useStaffJobs()
  const review = useJobsUnderReview()
  useRefreshOnReturn(() => Promise.all([list.refresh(), review.refresh()]))
  return (
    <View>
      <BigButton className='staff-jobs__new' onClick={() => openPage(staffPaths.job())}>
        发布新岗位
      </BigButton>
      {review.data && review.data.items.length > 0 && (
        <Section title='被举报、待核查的岗位'>
          {review.data.items.map((j) => (
            <View key={j.id} {...asButton} className='wb-card wb-card--warn' onClick={() => openPage(staffPaths.job(j.id))}>
              <Text className='wb-card__title'>{j.title}</Text>
              <Text className='wb-card__line'>{j.employerName} · {j.sourceStation.name}</Text>
              <Text className='wb-card__line'>举报 {j.reports.length} 次：{[...new Set(j.reports.map((r) => reportReasonLabel[r.reason]))].join('、')}</Text>
            </View>
          ))}
        </Section>
      )}
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText='还没有岗位' savedAt={list.savedAt} onRetry={() => void list.refresh()}>
        <View className='wb-table' style={{ '--wb-columns': '2fr 1.5fr 1fr 1fr 1fr' } as React.CSSProperties}>
          <View className='wb-table__head'>
            <Text>岗位</Text>
            <Text>单位</Text>
            <Text>工资</Text>
            <Text>状态</Text>
            <Text>报名 / 录用</Text>
          </View>
          {list.items.map((j) => (
            <View key={j.id} {...asButton} className='wb-card staff-jobs__item' onClick={() => openPage(staffPaths.job(j.id))}>
              <Text className='wb-card__title'>{j.title}</Text>
              <Text className='wb-card__line'>{j.employerName}{j.employerVerified ? '（已核实）' : '（未核实）'}</Text>
              <Text className='wb-card__line'>{formatWage(j)}</Text>
              <Text className='wb-card__line'>{statusLabel[j.status]}{j.reviewStatus === 'pending' && <Text className='wb-flag'>待核查</Text>}</Text>
              <Text className='wb-card__line'>报名 {j.applicationCount} · 录用 {j.hiredCount}</Text>
            </View>
          ))}
        </View>
        <ListFooter count={list.items.length} loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}
