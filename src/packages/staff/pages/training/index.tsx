import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { type CourseMode, courseModeLabel, courseModes } from '@contract/training'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { fillText } from '@/features/staff/lib/courses'
import { staffPaths } from '@/features/staff/lib/paths'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { useCourseDemand, useStaffCourses } from '@/features/staff/api/staff-courses'

/** Every course with how full it is, the waitlist and who finished; 开新培训班 for admins; what workers asked for. */
export default function StaffTrainingPage() {
  return <StaffShell title='培训班'>{(staff) => <Courses admin={staff.role === 'admin'} />}</StaffShell>
}

function Courses({ admin }: { admin: boolean }) {
  const [mode, setMode] = useState<CourseMode | 'all'>('all')
  const list = useStaffCourses(mode)
  const demand = useCourseDemand()
  useRefreshOnReturn(() => Promise.all([list.refresh(), demand.refresh()]))

  return (
    <View className='staff-courses'>
      {admin ? (
        <BigButton className='staff-courses__new' onClick={() => openPage(staffPaths.courseEdit())}>
          开新培训班
        </BigButton>
      ) : (
        <Text className='wb-card__line'>培训班由县劳务输转服务中心开设和管理，工作站可以查看报名、候补和结业情况。</Text>
      )}
      <Section title='务工人员点单（按工种）'>
        <StateView loading={demand.loading} error={demand.error} empty={demand.data?.items.length === 0} emptyText='还没有人点单' savedAt={demand.savedAt} onRetry={() => void demand.refresh()}>
          {demand.data && <Text className='wb-card__line'>共 {demand.data.total} 次点单</Text>}
          {demand.data?.items.map((d) => (
            <Text key={d.trade} className='wb-card__line staff-courses__demand'>
              {d.trade}：{d.workers} 人想学（点了 {d.requests} 次）
            </Text>
          ))}
        </StateView>
      </Section>
      <Chips scroll value={mode} onChange={setMode} options={[{ value: 'all', label: '全部' }, ...courseModes.map((m) => ({ value: m, label: courseModeLabel[m] }))]} />
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText='还没有培训班' savedAt={list.savedAt} onRetry={() => void list.refresh()}>
        <View className='wb-table' style={{ '--wb-columns': '2fr 1fr 1.2fr 1.2fr 0.8fr 1fr' } as React.CSSProperties}>
          <View className='wb-table__head'>
            <Text>培训班</Text>
            <Text>工种 · 方式</Text>
            <Text>上课时间</Text>
            <Text>已报 / 名额</Text>
            <Text>候补</Text>
            <Text>结业 / 证书</Text>
          </View>
          {list.items.map((c) => (
            <View key={c.id} {...asButton} className='wb-card staff-courses__item' onClick={() => openPage(staffPaths.course(c.id))}>
              <Text className='wb-card__title'>{c.title}</Text>
              <Text className='wb-card__line'>
                {c.trade} · {courseModeLabel[c.mode]}
              </Text>
              <Text className='wb-card__line'>
                {c.startDate} 至 {c.endDate}
              </Text>
              <Text className='wb-card__line staff-courses__fill'>
                已报 {fillText(c)}
                {c.seatsLeft === 0 && <Text className='wb-flag'>已满</Text>}
              </Text>
              <Text className='wb-card__line staff-courses__waitlist'>候补 {c.waitlistCount} 人</Text>
              <Text className='wb-card__line'>
                结业 {c.finishedCount} · 发证 {c.certifiedCount}
              </Text>
            </View>
          ))}
        </View>
        <ListFooter count={list.items.length} loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}
