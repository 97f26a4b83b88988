import { Text, View } from '@tarojs/components'
import { personSourceLabel, type PersonHistoryEntry } from '@contract/roster'
import { chinaDateTime } from '@contract/format'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { usePersonHistory } from '../../api/roster'
import { changeValue, fieldLabel } from '../../lib/describe'
import '../roster.scss'

/** 工作人员 王芳 / 本人（务工通） / 导入: who made a change. */
export function changedBy(e: PersonHistoryEntry): string {
  if (e.source === 'staff') return e.staff ? `${personSourceLabel.staff} ${e.staff.displayName}` : personSourceLabel.staff
  if (e.source === 'self') return `${personSourceLabel.self}（在务工通里改的）`
  return personSourceLabel.import
}

/** A person's changes, newest first: who, when, and each field before → after. */
export function PersonHistory({ personId }: { personId: number }) {
  const history = usePersonHistory(personId)
  return (
    <StateView loading={history.loading} error={history.error} empty={history.items.length === 0} emptyText='还没有改动记录' savedAt={history.savedAt} onRetry={() => void history.refresh()}>
      {history.items.map((e) => (
        <View key={e.version} className='roster-change'>
          <Text className='roster-change__who'>
            {chinaDateTime(e.at)} · {changedBy(e)}
            {e.source === 'self' && <Text className='roster-source'>本人</Text>}
          </Text>
          {e.changes.map((c) => (
            <Text key={c.field} className='roster-change__line'>
              {fieldLabel[c.field] ?? c.field}：{changeValue(c.field, c.before)} → {changeValue(c.field, c.after)}
            </Text>
          ))}
        </View>
      ))}
      <ListFooter count={history.items.length} hasMore={history.hasMore} loadingMore={history.loadingMore} onLoadMore={() => void history.loadMore()} />
    </StateView>
  )
}
