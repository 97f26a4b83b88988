import { Text, View } from '@tarojs/components'
import { ACTIVITY_PER_KIND, activityKindLabel, type PersonActivityItem } from '@contract/roster-activity'
import { chinaDateTime } from '@contract/format'
import { asLink } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { StateView } from '@/components/state-view'
import { usePersonActivity } from '../../api/roster'
import '../roster.scss'

export type ActivityPage = NonNullable<PersonActivityItem['open']>

interface Props {
  personId: number
  /** The workbench page a line opens (the page knows the workbench's paths; this feature does not). */
  pathOf: (open: ActivityPage) => string
}

/** 报名岗位：鞋厂流水线工 · 昆山鑫达鞋业 · 昆山市 */
export const activityTitle = (i: PersonActivityItem) => `${activityKindLabel[i.kind]}：${i.what}`

/**
 * A linked worker's applications, enrolments, seats and cases, newest first, one short line each (what, when,
 * state); a line whose workbench page the officer may open opens it.
 */
export function PersonActivity({ personId, pathOf }: Props) {
  const { data, error, loading, refresh, savedAt } = usePersonActivity(personId)
  return (
    <StateView
      loading={loading && !data}
      error={error}
      empty={!!data && data.items.length === 0}
      emptyText={data?.stationOnly ? '在务工通里没有和本站有关的记录' : '在务工通里还没有报名、坐车或求助的记录'}
      savedAt={savedAt}
      onRetry={() => void refresh()}
    >
      {data?.stationOnly && data.items.length > 0 && <Text className='roster-row__line'>只列出和本站有关的记录；培训是县里办的，都列出。</Text>}
      {data?.items.map((i) => {
        const open = i.open
        const line = (
          <>
            <Text className='roster-row__name'>
              {activityTitle(i)}
              {open ? ' ›' : ''}
            </Text>
            <Text className='roster-row__line'>
              {chinaDateTime(i.at)}
              <Text className='roster-activity__state'>{i.statusText}</Text>
            </Text>
          </>
        )
        return open ? (
          <View key={`${i.kind}-${i.id}`} {...asLink} className='roster-row roster-activity' hoverClass='roster-row--pressed' onClick={() => openPage(pathOf(open))}>
            {line}
          </View>
        ) : (
          <View key={`${i.kind}-${i.id}`} className='roster-row roster-activity'>
            {line}
          </View>
        )
      })}
      {data?.more && <Text className='roster-row__line'>每类只列出最近 {ACTIVITY_PER_KIND} 条。</Text>}
    </StateView>
  )
}
