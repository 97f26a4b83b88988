import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import { type Course, courseModeLabel, enrollmentStatusLabel } from '@contract/training'
import { issueCertificateBody, type StaffEnrollment } from '@contract/staff-courses'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { chinaToday } from '@/features/training/lib/format'
import { SaveRow, TextField } from '@/features/staff/components/staff-form'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { checkForm } from '@/lib/check-form'
import { fillText } from '@/features/staff/lib/courses'
import { errorText, staffPaths } from '@/features/staff/lib/paths'
import { chinaDateTime } from '@contract/format'
import { useStaffForm } from '@/features/staff/lib/use-staff-form'
import { openPage } from '@/lib/navigate'
import { useIdParam } from '@/hooks/use-id-param'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { completeEnrollment, issueCertificate, useCourseEnrollments } from '@/features/staff/api/staff-courses'

/** One course: who holds a seat and who waits; admins mark completion and record certificates. */
export default function StaffCoursePage() {
  const id = useIdParam()
  return <StaffShell title='培训班报名'>{(staff) => <CourseView id={id} admin={staff.role === 'admin'} />}</StaffShell>
}

function CourseView({ id, admin }: { id: number; admin: boolean }) {
  const { data, error, loading, refresh, savedAt } = useCourseEnrollments(id)
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)
  // Back from 修改培训班: show the course as saved.
  useRefreshOnReturn(refresh)

  const done = async (text: string) => {
    setMessage({ text, ok: true })
    await refresh()
  }
  const failed = (e: unknown) => setMessage({ text: errorText(e), ok: false })

  return (
    <StateView loading={loading} error={error} savedAt={savedAt} onRetry={() => void refresh()}>
      {data && (
        <View className='staff-course'>
          <CourseCard course={data.course} waitlist={data.waitlist.length} />
          {admin ? (
            <BigButton variant='secondary' className='staff-course__edit' onClick={() => openPage(staffPaths.courseEdit(id))}>
              修改培训班
            </BigButton>
          ) : (
            <Text className='wb-card__line'>培训班由县劳务输转服务中心管理：记结业、登记证书请联系中心。</Text>
          )}
          {message && (
            <Text className={`${message.ok ? 'wb-ok' : 'wb-message'} staff-course__message`} aria-live='polite'>
              {message.text}
            </Text>
          )}
          <Section title={`已报上名（${data.enrolled.length} 人）`}>
            {admin && chinaToday() < data.course.startDate && data.enrolled.length > 0 && (
              <Text className='wb-card__line'>开课（{data.course.startDate}）以后才能记结业、登记证书。</Text>
            )}
            <StateView loading={false} empty={data.enrolled.length === 0} emptyText='还没有人报名'>
              {data.enrolled.map((e) => (
                <Student
                  key={e.id}
                  enrollment={e}
                  course={data.course}
                  admin={admin}
                  onCompleted={() => done(`已记 ${e.name ?? e.phone} 结业`)}
                  onCertified={(saved) => done(`已登记 ${saved.name ?? saved.phone} 的证书，编号 ${saved.certificate?.number ?? ''}`)}
                  onFailed={failed}
                />
              ))}
            </StateView>
          </Section>
          <Section title={`候补名单（${data.waitlist.length} 人）`}>
            <StateView loading={false} empty={data.waitlist.length === 0} emptyText='没有人在候补'>
              <Text className='wb-card__line'>有人取消或加了名额，排在前面的自动补上。</Text>
              {data.waitlist.map((e) => (
                <View key={e.id} className='wb-card staff-course__waiting'>
                  <Text className='wb-card__title'>
                    第 {e.waitlistPosition ?? '?'} 位：{e.name ?? '（未填姓名）'} {e.phone}
                  </Text>
                  <Text className='wb-card__line'>报名时间 {chinaDateTime(e.createdAt)}</Text>
                </View>
              ))}
            </StateView>
          </Section>
        </View>
      )}
    </StateView>
  )
}

function CourseCard({ course: c, waitlist }: { course: Course; waitlist: number }) {
  const taken = c.capacity - c.seatsLeft
  return (
    <View className='wb-card staff-course__summary'>
      <Text className='wb-card__title staff-course__title'>{c.title}</Text>
      <Text className='wb-card__line'>
        {courseModeLabel[c.mode]} · {c.trade} · {c.provider}
      </Text>
      <Text className='wb-card__line'>
        {c.startDate} 至 {c.endDate}，报名截止 {c.enrollDeadline} · {c.location}
      </Text>
      <Text className='wb-card__line staff-course__fill'>
        已报 {fillText({ taken, capacity: c.capacity })}，候补 {waitlist} 人
      </Text>
      <Text className='wb-card__line'>
        结业证书：{c.certificate}
        {c.certificateLevel ? `（${c.certificateLevel}）` : ''}
      </Text>
      {c.partnerEmployer && (
        <Text className='wb-card__line'>
          结业后到 {c.destinationCity ?? ''} {c.partnerEmployer} 上班，月工资约 {c.expectedWageYuan ?? ''} 元
        </Text>
      )}
    </View>
  )
}

interface StudentProps {
  enrollment: StaffEnrollment
  course: Course
  admin: boolean
  onCompleted: () => Promise<void>
  onCertified: (saved: StaffEnrollment) => Promise<void>
  onFailed: (e: unknown) => void
}

function Student({ enrollment: e, course, admin, onCompleted, onCertified, onFailed }: StudentProps) {
  const [busy, setBusy] = useState(false)
  const [certifying, setCertifying] = useState(false)
  const started = chinaToday() >= course.startDate

  const complete = async () => {
    setBusy(true)
    try {
      await completeEnrollment(e.id)
      await onCompleted()
    } catch (err) {
      onFailed(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='wb-card staff-course__student'>
      <Text className='wb-card__title'>
        {e.name ?? '（未填姓名）'} {e.phone}
      </Text>
      <Text className='wb-card__line staff-course__status'>
        {enrollmentStatusLabel[e.status]} · 报名时间 {chinaDateTime(e.createdAt)}
      </Text>
      {e.certificate && (
        <Text className='wb-card__line staff-course__certificate'>
          证书编号 {e.certificate.number}
          {e.certificate.level ? ` · ${e.certificate.level}` : ''} · 发证 {e.certificate.issuedOn}
        </Text>
      )}
      {admin && e.status === 'enrolled' && started && (
        <View className='wb-row'>
          <View {...asButton} className='wb-small-button staff-course__complete' aria-disabled={busy ? 'true' : 'false'} onClick={busy ? undefined : () => void complete()}>
            <Text>{busy ? '正在记…' : '记为结业'}</Text>
          </View>
        </View>
      )}
      {admin && e.status === 'completed' && !certifying && (
        <View className='wb-row'>
          <View {...asButton} className='wb-small-button staff-course__certify' onClick={() => setCertifying(true)}>
            <Text>登记证书</Text>
          </View>
        </View>
      )}
      {admin && e.status === 'completed' && certifying && (
        <CertificateForm
          enrollmentId={e.id}
          level={course.certificateLevel}
          onSaved={async (saved) => {
            setCertifying(false)
            await onCertified(saved)
          }}
        />
      )}
    </View>
  )
}

/** The certificate of one worker who finished: number, level and date, checked with the endpoint's own schema. */
function CertificateForm({ enrollmentId, level, onSaved }: { enrollmentId: number; level: string; onSaved: (saved: StaffEnrollment) => Promise<void> }) {
  const today = chinaToday()
  const { draft, set, errors, message, busy, save } = useStaffForm(() => ({ number: '', level, issuedOn: today }))

  const submit = async () => {
    const body = { number: draft.number, level: draft.level, issuedOn: draft.issuedOn.trim() }
    const checked = checkForm(issueCertificateBody, body)
    const local = checked.ok ? (body.issuedOn > today ? { issuedOn: '发证日期不能晚于今天' } : {}) : checked.fields
    const saved = await save(body, local, (idempotencyKey) => issueCertificate(enrollmentId, body, idempotencyKey))
    if (saved) await onSaved(saved)
  }

  return (
    <View className='staff-course__certificate-form'>
      <TextField label='证书编号' className='staff-course__cert-number' maxlength={40} value={draft.number} error={errors.number} onChange={(v) => set('number', v)} />
      <TextField label='证书等级' className='staff-course__cert-level' hint='例如 五级/初级工' maxlength={30} value={draft.level} error={errors.level} onChange={(v) => set('level', v)} />
      <TextField label='发证日期' className='staff-course__cert-date' hint='格式 2026-12-31' maxlength={10} value={draft.issuedOn} error={errors.issuedOn} onChange={(v) => set('issuedOn', v)} />
      <SaveRow className='staff-course__cert-save' message={message} busy={busy} label='保存证书' onSave={() => void submit()} />
    </View>
  )
}
