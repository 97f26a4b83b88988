import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useServiceCentre } from '@/hooks/use-service-centre'
import { useCourse } from '@/features/training/api/use-course'
import { CourseDetailView } from '@/features/training/components/course-detail'

export default function CourseDetailPage() {
  const id = Number(useRouter().params.id)
  const { data, error, loading, refresh } = useCourse(id)
  const { centre } = useServiceCentre()
  const badLink = !Number.isInteger(id) || id <= 0
  return (
    <View className='page'>
      <StateView
        loading={loading && !badLink}
        error={error}
        empty={badLink || !data}
        emptyText='没有找到这个培训'
        emptyHint='请回到“培训”重新选一个'
        onRetry={() => void refresh()}
      >
        {data && <CourseDetailView course={data} />}
        {data && centre && (
          <Section title='怎么报名'>
            <Text className='lead-text'>网上报名即将开放。现在请打电话到县劳务输转服务中心报名。</Text>
            <PhoneCall phone={centre.phone} label={centre.name} />
          </Section>
        )}
      </StateView>
    </View>
  )
}
