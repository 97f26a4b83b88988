import { Text, View } from '@tarojs/components'
import { formatWage } from '@contract/jobs'
import { ListRow } from '@/components/list-row'
import { asLink } from '@/lib/a11y'
import { useStationJobs } from '../../api/use-station-jobs'
import './index.scss'

interface Props {
  stationId: number
  onOpenJob: (id: number) => void
  onSeeAll: () => void
}


/** Up to five open postings that came through this station, with a link to all of them. */
export function StationJobs({ stationId, onOpenJob, onSeeAll }: Props) {
  const { data, error, loading, refresh } = useStationJobs(stationId, 5)
  const jobs = data?.items ?? []
  if (loading) return <Text className='station-jobs__note'>正在加载招聘…</Text>
  if (error) {
    return (
      <View {...asLink} className='station-jobs__more' onClick={() => void refresh()}>
        <Text>招聘没有加载出来，点这里重试</Text>
      </View>
    )
  }
  if (jobs.length === 0) return <Text className='station-jobs__note'>这里现在没有在招的岗位。</Text>
  return (
    <View className='station-jobs'>
      {jobs.map((j) => (
        <ListRow key={j.id} title={j.title} note={`${j.city} · ${formatWage(j)}`} onClick={() => onOpenJob(j.id)} />
      ))}
      {(jobs.length >= 5 || data?.nextCursor) && (
        <View {...asLink} className='station-jobs__more' onClick={onSeeAll}>
          <Text>查看全部 ›</Text>
        </View>
      )}
    </View>
  )
}
