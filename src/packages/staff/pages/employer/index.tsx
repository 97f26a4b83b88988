import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { jobStatusLabel } from '@contract/jobs'
import type { StaffMember } from '@contract/staff'
import type { StaffEmployer } from '@contract/staff-jobs'
import { creditCodeSchema } from '@contract/validators'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { checkForm } from '@/lib/check-form'
import { openPage } from '@/lib/navigate'
import { chinaDateTime } from '@contract/format'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { SaveRow, TextField } from '@/features/staff/components/staff-form'
import { suspendEmployer, useStaffEmployer, verifyEmployerRecord } from '@/features/staff/api/staff-jobs'
import { errorText, staffPaths } from '@/features/staff/lib/paths'
import { useIdParam } from '@/hooks/use-id-param'

/** 用工单位档案: the licence check, the county's history with it (counts only), its postings; admins suspend it. */
export default function StaffEmployerPage() {
  const id = useIdParam()
  return <StaffShell title='用工单位档案'>{(staff) => (id ? <EmployerRecord id={id} staff={staff} /> : <Text>没有指定用工单位</Text>)}</StaffShell>
}

function EmployerRecord({ id, staff }: { id: number; staff: StaffMember }) {
  const { data, error, loading, refresh, savedAt } = useStaffEmployer(id)
  const [saved, setSaved] = useState<StaffEmployer | null>(null)
  const e = saved ?? data
  return (
    <StateView loading={loading} error={error} savedAt={savedAt} onRetry={() => void refresh()}>
      {e && (
        <View>
          <View className='wb-card'>
            <Text className='wb-card__title'>{e.name}</Text>
            <Text className='wb-card__line staff-employer__trust'>{e.trust}</Text>
            <Text className='wb-card__line'>统一社会信用代码：{e.creditCode ?? '还没有登记'}</Text>
            <Text className='wb-card__line'>
              {e.verified
                ? `已核验：${e.verifiedByStaff?.name ?? e.verifiedBy?.name ?? ''} ${e.verifiedAt ? chinaDateTime(e.verifiedAt) : ''}`
                : '还没有核验营业执照'}
            </Text>
            {e.suspended && (
              <Text className='wb-message'>
                已暂停合作：{e.suspendedReason}（{e.suspendedBy?.name ?? ''} {e.suspendedAt ? chinaDateTime(e.suspendedAt) : ''}）
              </Text>
            )}
          </View>
          <Section title='和县里的往来（只有数字）'>
            <Text className='wb-card__line'>
              发过岗位 {e.counts.postings} 个（在招 {e.counts.openPostings} 个），录用 {e.counts.hires} 人
            </Text>
            <Text className='wb-card__line'>
              被举报 {e.counts.reports} 次，维权求助提到它 {e.counts.rightsCases} 起（其中欠薪 {e.counts.unpaidWageCases} 起）
            </Text>
          </Section>
          <Section title='核验营业执照'>
            <VerifyForm id={id} onSaved={setSaved} />
          </Section>
          {staff.role === 'admin' && !e.suspended && (
            <Section title='暂停合作'>
              <SuspendForm id={id} onSaved={setSaved} />
            </Section>
          )}
          <Section title='它的岗位'>
            {e.postings.map((p) => (
              <View key={p.id} {...asButton} className='wb-card staff-employer__posting' onClick={() => openPage(staffPaths.job(p.id))}>
                <Text className='wb-card__title'>{p.title}</Text>
                <Text className='wb-card__line'>
                  {jobStatusLabel[p.status]} · 招 {p.headcount} 人，已录用 {p.hiredCount} 人 · {p.sourceStation.name}
                </Text>
              </View>
            ))}
          </Section>
        </View>
      )}
    </StateView>
  )
}

function VerifyForm({ id, onSaved }: { id: number; onSaved: (e: StaffEmployer) => void }) {
  const [code, setCode] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    // The check character is checked here first, with the server's own message.
    const checked = checkForm(creditCodeSchema, code)
    setFieldError(checked.ok ? undefined : Object.values(checked.fields)[0])
    if (!checked.ok) return
    setBusy(true)
    try {
      onSaved(await verifyEmployerRecord(id, { creditCode: checked.data }))
      setMessage({ text: '已记录核验', ok: true })
    } catch (err) {
      setMessage({ text: errorText(err), ok: false })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View>
      <TextField label='统一社会信用代码' className='staff-employer__code' hint='照营业执照填 18 位' value={code} error={fieldError} onChange={setCode} />
      <SaveRow className='staff-employer__verify' message={message} busy={busy} label='已看过营业执照，记录核验' onSave={() => void save()} />
    </View>
  )
}

function SuspendForm({ id, onSaved }: { id: number; onSaved: (e: StaffEmployer) => void }) {
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    try {
      onSaved(await suspendEmployer(id, { reason }))
      setMessage({ text: '已暂停合作，它在招的岗位都已关闭', ok: true })
    } catch (err) {
      setMessage({ text: errorText(err), ok: false })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View>
      <TextField label='暂停的原因' className='staff-employer__reason' multiline maxlength={500} value={reason} onChange={setReason} />
      <Text className='wb-card__line'>暂停后，它所有在招的岗位都会关闭，也不能再发布新岗位。</Text>
      <SaveRow className='staff-employer__suspend' message={message} busy={busy} label='暂停合作' onSave={() => void save()} />
    </View>
  )
}
