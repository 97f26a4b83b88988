import { Text, View } from '@tarojs/components'
import type { Enrollment } from '@contract'
import { asLink } from '@/lib/a11y'
import { describeEnrollment, formatDate, formatDateRange } from '../../lib/format'
import './index.scss'

const tone: Record<Enrollment['status'], string> = {
  enrolled: 'ok',
  waitlisted: 'warn',
  cancelled: 'off',
  completed: 'ok',
  certified: 'ok',
}

/** One of my enrolments: the course, how it stands in plain words, and the certificate once issued. */
export function EnrollmentCard({ enrollment: e, onOpen }: { enrollment: Enrollment; onOpen: (courseId: number) => void }) {
  return (
    <View {...asLink} className='enrollment-card' hoverClass='enrollment-card--pressed' onClick={() => onOpen(e.courseId)}>
      <Text className='enrollment-card__title'>{e.course.title}</Text>
      <Text className={`enrollment-card__status enrollment-card__status--${tone[e.status]}`}>{describeEnrollment(e)}</Text>
      {e.status === 'waitlisted' && <Text className='enrollment-card__line'>有人取消时，按顺序自动给您补上。</Text>}
      <Text className='enrollment-card__line'>
        {formatDateRange(e.course.startDate, e.course.endDate)} · {e.course.location}
      </Text>
      {e.course.partnerEmployer && (
        <Text className='enrollment-card__line'>
          学完去 {e.course.destinationCity ?? ''} {e.course.partnerEmployer} 上班
        </Text>
      )}
      {e.certificate && (
        <View className='enrollment-card__certificate'>
          <Text className='enrollment-card__cert-title'>{e.course.certificate}</Text>
          <Text className='enrollment-card__line'>证书编号：{e.certificate.number}</Text>
          {e.certificate.level && <Text className='enrollment-card__line'>等级：{e.certificate.level}</Text>}
          <Text className='enrollment-card__line'>发证日期：{formatDate(e.certificate.issuedOn)}</Text>
        </View>
      )}
    </View>
  )
}
