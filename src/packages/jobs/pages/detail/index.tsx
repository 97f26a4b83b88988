import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { StateView } from '@/components/state-view'
import { useJob } from '@/features/jobs/api/use-job'
import { JobDetailView } from '@/features/jobs/components/job-detail'

export default function JobDetailPage() {
  const id = Number(useRouter().params.id)
  const { data, error, loading, refresh } = useJob(id)
  const badLink = !Number.isInteger(id) || id <= 0
  return (
    <View className='page'>
      <StateView
        loading={loading && !badLink}
        error={error}
        empty={badLink || !data}
        emptyText='没有找到这个岗位'
        emptyHint='请回到“找工作”重新选一个'
        onRetry={() => void refresh()}
      >
        {data && <JobDetailView job={data} />}
      </StateView>
    </View>
  )
}
