import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import { courseModePlainLabel, type Course } from '@contract/training'
import { SampleBadge } from '@/components/sample-badge'
import { Tag } from '@/components/tag'
import { asLink } from '@/lib/a11y'
import { formatCost, formatDateRange, formatSeats } from '../../lib/format'
import './index.scss'

interface Props {
  course: Course
  onOpen: (id: number) => void
}

/** One course: what you learn, when, what it costs you, and for 下单 courses where the job is. */
export const CourseCard = memo(function CourseCard({ course, onOpen }: Props) {
  const cost = formatCost(course)
  return (
    <View {...asLink} className='course-card' hoverClass='course-card--pressed' onClick={() => onOpen(course.id)}>
      <View className='course-card__head'>
        <Text className='course-card__title'>{course.title}</Text>
        <SampleBadge isSample={course.isSample} />
      </View>
      <View className='course-card__tags'>
        <Tag tone='primary'>{courseModePlainLabel[course.mode]}</Tag>
        <Tag>{course.trade}</Tag>
      </View>
      <View className='course-card__figures'>
        <Text className={`course-card__cost ${cost === '免费' ? 'course-card__cost--free' : ''}`}>{cost}</Text>
        <Text className={`course-card__seats ${course.seatsLeft > 0 ? '' : 'course-card__seats--full'}`}>
          {formatSeats(course.seatsLeft)}
        </Text>
      </View>
      <Text className='course-card__line'>
        {formatDateRange(course.startDate, course.endDate)} · {course.location}
      </Text>
      {course.mode === 'order' && course.partnerEmployer && (
        <Text className='course-card__order'>
          结业后到 {course.destinationCity ?? ''} {course.partnerEmployer}
          {course.expectedWageYuan ? ` 上班，月工资约 ${course.expectedWageYuan} 元` : ' 上班'}
        </Text>
      )}
    </View>
  )
})
