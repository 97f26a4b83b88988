import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useIdParam } from '@/hooks/use-id-param'
import { isApiError } from '@/api'
import type { StaffMember } from '@contract/staff'
import type { Township } from '@contract/places'
import { incomeBandLabel, personSourceLabel, personStatusLabel, workAbilityLabel, type Person } from '@contract/roster'
import { chinaDateTime } from '@contract/format'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { useLinkName, usePerson, updatePerson } from '@/features/roster/api/roster'
import { Household } from '@/features/roster/components/household'
import { PersonFields } from '@/features/roster/components/person-form'
import { usePersonDraft } from '@/features/roster/components/person-form/use-person-draft'
import { PersonHistory } from '@/features/roster/components/person-history'
import { ContactForm, ContactList } from '@/features/roster/components/contacts'
import { SurveyConflict } from '@/features/roster/components/survey-conflict'
import { PersonActivity, type ActivityPage } from '@/features/roster/components/person-activity'
import { staffPaths } from '@/features/staff/lib/paths'
import { recordProblems } from '@/features/roster/lib/check'
import { howWentLine, placeLine, statusLine, whoLine } from '@/features/roster/lib/describe'
import { createBodyOf, draftOf, updateBodyOf } from '@/features/roster/lib/draft'

/**
 * One person of the roster: the record, 修改 (kept in the history), the household, what a linked worker did in the app,
 * the history and the contacts.
 */
export default function RosterPersonPage() {
  const id = useIdParam()
  return <StaffShell title='劳动力信息'>{(staff) => <PersonView staff={staff} id={id} />}</StaffShell>
}

const fixTheFields = '有几项需要改一下，请看红字'

/** Where a line of the worker's activity opens on the workbench. */
function workbenchPath(open: ActivityPage): string {
  switch (open.page) {
    case 'job':
      return staffPaths.job(open.id)
    case 'course':
      return staffPaths.course(open.id)
    case 'batch':
      return staffPaths.batch(open.id)
    case 'case':
      return staffPaths.case(open.trackingNo ?? '')
  }
}

function PersonView({ staff, id }: { staff: StaffMember; id: number }) {
  const { data, error, loading, refresh, savedAt } = usePerson(id)
  const [editing, setEditing] = useState(false)
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)
  // The history is read again after each save: a new key draws it afresh.
  const [historyKey, setHistoryKey] = useState(0)
  const canEdit = staff.role !== 'station' && !!data && !data.person.piiMasked

  const saved = (text: string) => {
    setEditing(false)
    setMessage({ text, ok: true })
    setHistoryKey((k) => k + 1)
    void refresh()
  }
  const stale = (text: string) => {
    setMessage({ text: `${text}。已载入最新内容，请看一下再改。`, ok: false })
    setHistoryKey((k) => k + 1)
    void refresh()
  }

  return (
    <StateView loading={loading && !data} error={error} savedAt={savedAt} onRetry={() => void refresh()}>
      {data && (
        <View className='roster-person'>
          {message && (
            <Text className={message.ok ? 'wb-ok' : 'wb-message'} aria-live='polite'>
              {message.text}
            </Text>
          )}
          {data.surveyConflict && <SurveyConflict conflict={data.surveyConflict} />}
          {editing ? (
            <Section title={`修改 ${data.person.name} 的信息`}>
              <PersonEditor
                key={data.person.version}
                person={data.person}
                staff={staff}
                onSaved={() => saved('已保存，改动记在下面的修改记录里')}
                onStale={stale}
                onCancel={() => setEditing(false)}
              />
            </Section>
          ) : (
            <Record person={data.person} namesLinks={canEdit} />
          )}
          {canEdit && !editing && (
            <BigButton
              className='roster-person__edit'
              onClick={() => {
                setMessage(null)
                setEditing(true)
              }}
            >
              修改信息
            </BigButton>
          )}
          <Section title={`家庭成员（共 ${data.household.members.length} 人）`}>
            <Household householdId={data.household.id} members={data.household.members} currentId={data.person.id} canAdd={canEdit} />
          </Section>
          {data.person.userId !== null && (
            <Section title='在务工通里办的事'>
              <PersonActivity key={historyKey} personId={id} pathOf={workbenchPath} />
            </Section>
          )}
          <Section title='修改记录'>
            <PersonHistory key={historyKey} personId={id} />
          </Section>
          <Section title='回访记录'>
            <ContactList key={historyKey} personId={id} />
          </Section>
          {canEdit && !editing && (
            <Section title='记一次回访'>
              <ContactForm personId={id} onSaved={() => saved('回访已记下，信息按回访结果更新了')} />
            </Section>
          )}
        </View>
      )}
    </StateView>
  )
}

function Line({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Text className='wb-card__line'>
      {label}：{value || '未填'}
    </Text>
  )
}

/** The record a move names, as a kind of link and its id ("how they went" keeps one of them). */
function linkOf(h: Person['howWent']) {
  if (!h || h.kind !== 'organised') return { kind: null, id: null }
  if (h.stationId && h.channel === 'station') return { kind: 'station' as const, id: h.stationId }
  if (h.batchId && h.channel === 'batch') return { kind: 'batch' as const, id: h.batchId }
  if (h.jobId && h.channel === 'posting') return { kind: 'posting' as const, id: h.jobId }
  if (h.courseId && h.channel === 'training') return { kind: 'training' as const, id: h.courseId }
  return { kind: null, id: null }
}

/** `namesLinks`: those who write the roster read the picker's names (station staff do not: they pick nothing). */
function Record({ person: p, namesLinks }: { person: Person; namesLinks: boolean }) {
  const link = linkOf(p.howWent)
  const linkName = useLinkName(namesLinks ? link.kind : null, link.id)
  return (
    <Section title={p.name}>
      <Line label='身份证号' value={p.idNumber} />
      <Line label='电话' value={p.phone} />
      <Line label='住址' value={placeLine(p)} />
      <Line label='家庭' value={whoLine(p)} />
      <Line label='劳动能力' value={workAbilityLabel[p.workAbility]} />
      <Line label='目前状态' value={statusLine(p)} />
      <Line label='务工单位' value={p.employer} />
      <Line label='工种' value={p.trade} />
      <Line label='月收入' value={p.incomeBand ? incomeBandLabel[p.incomeBand] : null} />
      <Line label='怎么出去的' value={`${howWentLine(p.howWent)}${linkName ? ` · ${linkName}` : ''}`} />
      <Line label='从哪天起' value={p.statusSince} />
      <Line label='去年这时候' value={p.statusLastYear ? personStatusLabel[p.statusLastYear] : null} />
      <Line label='务工通账号' value={p.userId ? '已关联（本人用务工通）' : '没有关联'} />
      <Text className='wb-card__line'>
        最近修改：{chinaDateTime(p.updatedAt)}，{personSourceLabel[p.source]}
        {p.source === 'self' ? '（在务工通里自己改的）' : ''}
      </Text>
      {p.piiMasked && <Text className='wb-card__line'>身份证号和电话中间已遮挡。</Text>}
    </Section>
  )
}

interface EditorProps {
  person: Person
  staff: StaffMember
  onSaved: () => void
  /** Someone changed the record meanwhile (409): the page reloads it. */
  onStale: (message: string) => void
  onCancel: () => void
}

function PersonEditor({ person, staff, onSaved, onStale, onCancel }: EditorProps) {
  const { draft, set, errors, setErrors } = usePersonDraft(() => draftOf(person))
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (busy) return
    setMessage(null)
    const local = recordProblems(createBodyOf(draft, person.householdId))
    if (Object.keys(local).length) {
      setErrors(local)
      setMessage(fixTheFields)
      return
    }
    const body = updateBodyOf(draft, person)
    if (Object.keys(body).length === 1) {
      setMessage('没有改动')
      return
    }
    setBusy(true)
    try {
      await updatePerson(person.id, body)
      onSaved()
    } catch (e) {
      if (isApiError(e) && e.status === 409) return onStale(e.message)
      setErrors(isApiError(e) && e.fields ? { ...e.fields } : {})
      setMessage(isApiError(e) && e.fields ? fixTheFields : isApiError(e) ? e.message : '没有保存成功，请再试一次')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <PersonFields
        draft={draft}
        set={set}
        errors={errors}
        fixedTownship={staff.role === 'township' || staff.role === 'village' ? (staff.township as Township | null) : null}
        fixedVillage={staff.role === 'village' && staff.villageId ? { id: staff.villageId, name: staff.village ?? '' } : null}
        prefix='roster-edit'
      />
      {message && (
        <Text className='wb-message' aria-live='polite'>
          {message}
        </Text>
      )}
      <BigButton className='roster-edit__save' disabled={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : '保存修改'}
      </BigButton>
      <BigButton variant='secondary' onClick={onCancel}>
        不改了
      </BigButton>
    </View>
  )
}
