import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { api, request, useApi, useApiList } from '@/api'
import { enrollmentStatusLabel } from '@contract'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { errorText } from '@/features/staff/lib/paths'

/** Courses with their seats and waitlist; admins mark completion. Demand from 点单 requests by trade. */
export default function StaffTrainingPage() {
  return <StaffShell title='培训'>{(staff) => <Training admin={staff.role === 'admin'} />}</StaffShell>
}

function Training({ admin }: { admin: boolean }) {
  const courses = useApiList(api.listCourses, { query: {} })
  const demand = useApi(api.courseRequestSummary)
  const [open, setOpen] = useState<number | null>(null)
  return (
    <View>
      <Section title='点单需求（按工种）'>
        <StateView loading={demand.loading} error={demand.error} empty={demand.data?.items.length === 0} emptyText='还没有人点单'>
          {demand.data?.items.map((d) => (
            <Text key={d.trade} className='wb-card__line'>
              {d.trade}：{d.workers} 人想学（{d.requests} 次）
            </Text>
          ))}
        </StateView>
      </Section>
      <Section title='培训班'>
        {!admin && <Text className='wb-card__line'>培训班由县劳务输转服务中心开设和管理，工作站可以查看报名情况。</Text>}
        <StateView loading={courses.loading} error={courses.error} empty={courses.items.length === 0} emptyText='还没有培训班'>
          {courses.items.map((c) => (
            <View key={c.id} className='wb-card'>
              <View {...asButton} onClick={() => setOpen(open === c.id ? null : c.id)}>
                <Text className='wb-card__title'>{c.title}</Text>
                <Text className='wb-card__line'>
                  {c.startDate} 开课 · 名额 {c.capacity}，剩 {c.seatsLeft} 个 · 点开看报名
                </Text>
              </View>
              {open === c.id && <Enrollments courseId={c.id} admin={admin} />}
            </View>
          ))}
        </StateView>
      </Section>
    </View>
  )
}

function Enrollments({ courseId, admin }: { courseId: number; admin: boolean }) {
  const { data, error, loading, refresh } = useApi(api.staffCourseEnrollments, { params: { id: courseId } })
  const [message, setMessage] = useState<string | null>(null)
  const complete = async (id: number) => {
    try {
      await request(api.staffCompleteEnrollment, { params: { id } })
      await refresh()
    } catch (e) {
      setMessage(errorText(e))
    }
  }
  return (
    <StateView loading={loading} error={error} onRetry={() => void refresh()}>
      {message && <Text className='wb-message'>{message}</Text>}
      {data && (
        <View>
          <Text className='wb-card__line'>已报上 {data.enrolled.length} 人，排队 {data.waitlist.length} 人</Text>
          {[...data.enrolled, ...data.waitlist].map((e) => (
            <View key={e.id} className='wb-row'>
              <Text className='wb-card__line'>
                {e.name ?? '（未填姓名）'} {e.phone} · {enrollmentStatusLabel[e.status]}
                {e.waitlistPosition ? ` 第${e.waitlistPosition}位` : ''}
                {e.certificate ? ` · 证书 ${e.certificate.number}` : ''}
              </Text>
              {admin && e.status === 'enrolled' && (
                <View className='wb-small-button' onClick={() => void complete(e.id)}>
                  <Text>记为结业</Text>
                </View>
              )}
            </View>
          ))}
        </View>
      )}
    </StateView>
  )
}
