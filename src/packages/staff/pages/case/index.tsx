import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import { useRouter } from '@tarojs/taro'
import { newIdempotencyKey } from '@/api'
import { contactTimeLabel, rightsCategoryLabel, rightsReferralLabel, rightsReferralTargets, type RightsReferralTarget, type RightsRequest, rightsStaffTransitions, type RightsStatus, rightsStatusLabel } from '@contract/rights'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { Timeline } from '@/features/rights/components/timeline'
import { CaseWorklogEvidence } from '@/features/staff/components/case-worklog-evidence'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { errorText } from '@/features/staff/lib/paths'
import { chinaDateTime, formatMonthRange } from '@contract/format'
import { addCaseNote, moveCase, recordCall, useCase } from '@/features/staff/api/staff-cases'

/** Notes officers write many times a day: a tap adds one to the box, to send as it is or to finish. */
const quickPhrases = ['已电话联系求助人', '已联系用人单位', '材料已收到', '正在协调，请耐心等待', '已约定见面时间', '打电话没人接，稍后再打']

const moveLabel: Partial<Record<RightsStatus, string>> = {
  accepted: '受理（我来负责）',
  in_progress: '开始办理',
  resolved: '已解决',
  referred: '转交有关部门',
}

/** One case: what the worker said, the timeline, and the next step with a note (for the worker or internal). */
export default function StaffCasePage() {
  const no = decodeURIComponent(useRouter().params.no ?? '')
  return <StaffShell title={`求助 ${no}`}>{() => <CaseView trackingNo={no} />}</StaffShell>
}

function CaseView({ trackingNo }: { trackingNo: string }) {
  const { data, error, loading, refresh, savedAt } = useCase(trackingNo)
  const [current, setCurrent] = useState<RightsRequest | null>(null)
  const c = current ?? data
  return (
    <StateView loading={loading} error={error} savedAt={savedAt} onRetry={() => void refresh()}>
      {c && (
        <View className='staff-case'>
          <View className={`wb-card ${c.overdue ? 'wb-card--warn' : ''}`}>
            <Text className='wb-card__title staff-case__status'>
              {rightsStatusLabel[c.status]}
              {c.overdue && <Text className='wb-flag'>超过24小时未受理</Text>}
            </Text>
            {c.callbackOnly ? (
              <>
                <Text className='wb-card__line'>类别：{rightsCategoryLabel[c.category]}</Text>
                {/* Only a kind of trouble and a phone: the rest was never said, so it is asked, not shown blank. */}
                <Text className='wb-card__line staff-case__callback'>只留了电话，请回电问清单位、地方和时间</Text>
              </>
            ) : (
              <>
                <Text className='wb-card__line'>类别：{rightsCategoryLabel[c.category]}{c.amountOwedYuan !== null ? `，欠款 ${c.amountOwedYuan} 元` : ''}，涉及 {c.workersAffected} 人</Text>
                <Text className='wb-card__line'>单位：{c.employerName}（{c.workCity} {c.workAddress}）</Text>
                <Text className='wb-card__line'>时间：{formatMonthRange(c.workedFrom, c.workedTo)}</Text>
              </>
            )}
            {c.mayCall && c.contactPhone ? (
              <Text className='wb-card__line'>联系人：{contactName(c)}（方便接电话：{contactTimeLabel[c.contactTime]}）</Text>
            ) : (
              <Text className='wb-card__line'>联系人：{contactName(c)} {c.contactPhone ?? ''}（{contactTimeLabel[c.contactTime]}）</Text>
            )}
            <Text className='wb-card__line'>首问负责人：{c.firstResponsible?.name ?? '还没有人受理'}</Text>
            <Text className='wb-card__line'>提交：{chinaDateTime(c.submittedAt)}</Text>
            {!c.callbackOnly && <Text className='wb-card__line staff-case__description'>{c.description}</Text>}
          </View>
          {c.mayCall && c.contactPhone && <CallWorker request={c} onChanged={setCurrent} />}
          <CaseWorklogEvidence trackingNo={c.trackingNo} />
          <CaseActions request={c} onChanged={setCurrent} />
          <Section title='办理经过'>
            <Timeline events={c.timeline} />
          </Section>
        </View>
      )}
    </StateView>
  )
}

/** A name only the worker can give; 已注销 only when the account is really gone. */
const contactName = (c: RightsRequest) => c.contactName ?? (c.requesterDeleted ? '已注销' : '未留姓名')

/** The first-responsible officer's call button: each tap is written on the case (internal) as the dialer opens. */
function CallWorker({ request: c, onChanged }: { request: RightsRequest; onChanged: (r: RightsRequest) => void }) {
  const [message, setMessage] = useState<string | null>(null)
  const record = () => {
    setMessage(null)
    recordCall(c.trackingNo).then(onChanged, (e: unknown) =>
      setMessage(`这次通话没有记到求助里：${errorText(e)}`),
    )
  }
  return (
    <View className='staff-case__call'>
      <PhoneCall phone={c.contactPhone!} label={`给求助人打电话：${contactName(c)}`} note={`方便接电话：${contactTimeLabel[c.contactTime]}`} onCall={record} />
      {message && <Text className='wb-message'>{message}</Text>}
    </View>
  )
}

function CaseActions({ request: c, onChanged }: { request: RightsRequest; onChanged: (r: RightsRequest) => void }) {
  const moves = rightsStaffTransitions[c.status]
  const [note, setNote] = useState('')
  const [forWorker, setForWorker] = useState<'worker' | 'internal'>('worker')
  const [referredTo, setReferredTo] = useState<RightsReferralTarget>('labour_inspection')
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())

  const run = async (action: () => Promise<RightsRequest>) => {
    if (!note.trim()) return setMessage('请写几句说明')
    setBusy(true)
    setMessage(null)
    try {
      const next = await action()
      key.current = newIdempotencyKey()
      setNote('')
      onChanged(next)
    } catch (e) {
      setMessage(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  const move = (to: RightsStatus) =>
    run(() =>
      moveCase(c.trackingNo, { to, note: note.trim(), visibleToWorker: forWorker === 'worker', ...(to === 'referred' ? { referredTo } : {}) }, key.current),
    )
  const addNote = () =>
    run(() => addCaseNote(c.trackingNo, { text: note.trim(), visibleToWorker: forWorker === 'worker' }, key.current))

  if (c.status === 'closed') return null
  return (
    <Section title='办理'>
      <FormField label='说明' hint='受理、办理、结果都要写几句；选“给务工人员看”，对方在求助进度里能看到'>
        <TextArea className='form-field__input form-field__textarea staff-case__note' value={note} maxlength={1000} onChange={setNote} label='说明' />
      </FormField>
      <View className='wb-row staff-case__phrases' aria-label='常用说明'>
        {quickPhrases.map((p) => (
          <View key={p} {...asButton} className='chip staff-case__phrase' onClick={() => setNote((n) => (n.trim() ? `${n.trim()}；${p}` : p))}>
            <Text>{p}</Text>
          </View>
        ))}
      </View>
      <Chips value={forWorker} onChange={setForWorker} options={[{ value: 'worker', label: '给务工人员看' }, { value: 'internal', label: '内部备注' }]} />
      {moves.includes('referred') && (
        <Chips value={referredTo} onChange={setReferredTo} options={rightsReferralTargets.map((r) => ({ value: r, label: `转交${rightsReferralLabel[r]}` }))} />
      )}
      {message && <Text className='wb-message'>{message}</Text>}
      {moves.map((to) => (
        <BigButton key={to} className={`staff-case__move staff-case__move--${to}`} disabled={busy} onClick={() => void move(to)}>
          {moveLabel[to] ?? rightsStatusLabel[to]}
        </BigButton>
      ))}
      <BigButton variant='secondary' className='staff-case__add-note' disabled={busy} onClick={() => void addNote()}>
        只写说明，不改状态
      </BigButton>
    </Section>
  )
}
