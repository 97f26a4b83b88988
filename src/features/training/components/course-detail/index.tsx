import { Text, View } from '@tarojs/components'
import { courseModePlainLabel, type Course } from '@contract/training'
import { SampleBadge } from '@/components/sample-badge'
import { Section } from '@/components/section'
import { Tag } from '@/components/tag'
import { formatCost, formatDate, formatDateRange, formatSeats } from '../../lib/format'
import './index.scss'

/** A course in full; for 下单 courses the placement and the agreement the worker signs. */
export function CourseDetailView({ course }: { course: Course }) {
  const cost = formatCost(course)
  return (
    <View className='course-detail'>
      <Section>
        <View className='course-detail__head'>
          <Text className='course-detail__title'>{course.title}</Text>
          <SampleBadge isSample={course.isSample} />
        </View>
        <View className='course-detail__tags'>
          <Tag tone='primary'>{courseModePlainLabel[course.mode]}</Tag>
          <Tag>{course.trade}</Tag>
          {course.brand && <Tag tone='ok'>{course.brand}</Tag>}
        </View>
        <View className='course-detail__figures'>
          <View>
            <Text className='course-detail__label'>您要交</Text>
            <Text className={`course-detail__cost ${cost === '免费' ? 'course-detail__cost--free' : ''}`}>{cost}</Text>
          </View>
          <View>
            <Text className='course-detail__label'>名额</Text>
            <Text className='course-detail__seats'>{formatSeats(course.seatsLeft)}</Text>
          </View>
        </View>
        {course.subsidyYuan > 0 && (
          <Text className='course-detail__line'>
            学费 {course.costYuan} 元，政府补贴 {course.subsidyYuan} 元
          </Text>
        )}
        <Text className='course-detail__line course-detail__deadline'>报名截止：{formatDate(course.enrollDeadline)}</Text>
      </Section>

      {course.mode === 'order' && (course.partnerEmployer || course.destinationCity) && (
        <Section title='学完去哪里上班'>
          {course.partnerEmployer && <Text className='course-detail__strong'>{course.partnerEmployer}</Text>}
          {course.destinationCity && <Text className='course-detail__line'>地点：{course.destinationCity}</Text>}
          {course.expectedWageYuan && (
            <Text className='course-detail__wage'>月工资约 {course.expectedWageYuan} 元</Text>
          )}
          {course.agreementText && <Text className='course-detail__line'>报名时要先看并同意定向就业协议（在下面“报名”里）。</Text>}
        </Section>
      )}

      <Section title='什么时候、在哪里学'>
        <Text className='course-detail__strong'>{formatDateRange(course.startDate, course.endDate)}</Text>
        <Text className='course-detail__line'>共 {course.sessions} 次课</Text>
        <Text className='course-detail__line'>{course.location}</Text>
        <Text className='course-detail__line'>培训机构：{course.provider}</Text>
      </Section>

      <Section title='学完能拿到'>
        <Text className='course-detail__strong'>
          {course.certificate}
          {course.certificateLevel ? `（${course.certificateLevel}）` : ''}
        </Text>
      </Section>

      {course.requirements && (
        <Section title='谁可以报名'>
          <Text className='course-detail__line course-detail__pre'>{course.requirements}</Text>
        </Section>
      )}

      {course.description && (
        <Section title='学什么'>
          <Text className='course-detail__line course-detail__pre'>{course.description}</Text>
        </Section>
      )}
    </View>
  )
}
