import { Text, View } from '@tarojs/components'
import { chinaDateTime } from '@contract/format'
import type { FollowUp } from '@contract/roster-follow-up'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { asLink } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { useFollowUps } from '@/features/roster/api/follow-up'
import { contactLine } from '@/features/roster/components/contacts'
import { count, placeLine, statusLine } from '@/features/roster/lib/describe'
import { rosterPaths } from '@/features/roster/lib/paths'
import '@/features/roster/components/roster.scss'

/** 回访名单: riders of batches that left a month ago or more with no contact since, longest waiting first. */
export default function RosterFollowUpsPage() {
  return <StaffShell title='回访名单'>{() => <FollowUps />}</StaffShell>
}

function FollowUps() {
  const list = useFollowUps()
  const total = list.firstPage?.total ?? null
  return (
    <View className='roster-follow-ups'>
      <Text className='wb-card__line'>坐专车出去满一个月、之后还没回访过的人。点名字打开他的信息页，记一次回访。</Text>
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText='现在没有要回访的人' savedAt={list.savedAt} onRetry={() => void list.refresh()}>
        {total !== null && (
          <Text className='roster-count' aria-live='polite'>
            共 {count(total)} 人要回访
          </Text>
        )}
        <View className='wb-table'>
          {list.items.map((f) => (
            <FollowUpRow key={f.person.id} item={f} />
          ))}
        </View>
        <ListFooter count={total ?? list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}

function FollowUpRow({ item: { person: p, batch, lastContact } }: { item: FollowUp }) {
  const where = `${batch.destinationProvince}${batch.destinationCity}`
  return (
    <View {...asLink} className='roster-row wb-card' onClick={() => openPage(rosterPaths.person(p.id))}>
      <Text className='roster-row__name'>{p.name} ›</Text>
      <Text className='roster-row__line'>{placeLine(p)}</Text>
      <Text className='roster-row__line'>
        {chinaDateTime(batch.departedAt).slice(0, 10)} 坐专车去{where}
      </Text>
      <Text className='roster-row__line'>{statusLine(p)}</Text>
      <Text className='roster-row__line'>{lastContact ? `上次回访：${contactLine(lastContact)}` : '出发后还没回访过'}</Text>
      {p.phone && <Text className='roster-row__line'>电话 {p.phone}</Text>}
    </View>
  )
}
