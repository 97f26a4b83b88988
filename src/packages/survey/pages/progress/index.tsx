import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { useIdParam } from '@/hooks/use-id-param'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { newIdempotencyKey, request } from '@/api'
import type { StaffMember } from '@contract'
import { staffOpenSurveyRound, type SurveyRound } from '@contract/survey'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import { SavedNote } from '@/components/saved-note'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { openPage, replacePage } from '@/lib/navigate'
import { useSurveyProgress } from '@/features/survey/api/survey'
import { ProgressTable, villageRows } from '@/features/survey/components/progress-table'
import { SurveyShell } from '@/features/survey/components/survey-shell'
import { surveyPaths } from '@/features/survey/lib/paths'
import './index.scss'

/** 摸排进度: checked / total per township and village, the villages behind first; admins open a new round here. */
export default function SurveyProgressPage() {
  const roundId = useIdParam('round')
  return (
    <SurveyShell title='摸排进度' roundId={roundId || undefined} noRound={(staff) => (staff.role === 'admin' ? <OpenRound /> : <Text className='lead-text'>县里还没有开启摸排。</Text>)}>
      {(staff, round) => <Progress staff={staff} round={round} />}
    </SurveyShell>
  )
}

function Progress({ staff, round }: { staff: StaffMember; round: SurveyRound }) {
  const { data, error, loading, refresh, savedAt } = useSurveyProgress(round.id, true)
  useRefreshOnReturn(refresh)
  const officer = staff.role !== 'village'
  const openVillage = officer ? (v: { villageId: number }) => openPage(surveyPaths.village(round.id, v.villageId)) : undefined
  return (
    <View className='survey-progress-page'>
      <Text className='survey-progress-page__title'>{round.name}</Text>
      <Text className='survey-progress-page__due'>截止 {round.dueDate}{round.current ? '' : '（已有更新的一轮）'}</Text>
      <SavedNote savedAt={savedAt} onRetry={() => void refresh()} />
      <StateView loading={loading} error={error} empty={data?.total === 0} emptyText='范围内的台账里还没有人' onRetry={() => void refresh()}>
        {data && (
          <View>
            <Text className='survey-progress-page__total'>
              已查 {data.checked} / {data.total} 人
            </Text>
            {staff.role === 'admin' && data.townships.length > 1 && (
              <Section title='各乡镇'>
                <ProgressTable rows={data.townships.map((t) => ({ key: t.township, label: t.township, checked: t.checked, total: t.total, conflicts: t.conflicts }))} />
              </Section>
            )}
            <Section title={officer ? '各村（落后的在前，点一个村看名单）' : '本村'}>
              <ProgressTable rows={villageRows(data.villages, staff.role === 'admin', openVillage)} />
            </Section>
          </View>
        )}
      </StateView>
      {staff.role === 'village' && <BigButton onClick={() => replacePage(surveyPaths.village())}>回到本村名单</BigButton>}
      {staff.role === 'admin' && <OpenRound />}
    </View>
  )
}

/** An admin opens the next round: the phones switch to it as the current one. */
function OpenRound() {
  const [name, setName] = useState('')
  const [dueDate, setDueDate] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [key] = useState(newIdempotencyKey)
  const [opened, setOpened] = useState<string | null>(null)
  const open = async () => {
    setErrors({})
    try {
      const round = await request(staffOpenSurveyRound, { body: { name: name.trim(), dueDate: dueDate.trim() } }, { idempotencyKey: key })
      setOpened(round.name)
      replacePage(surveyPaths.progress(round.id))
    } catch (e) {
      const err = e as { fields?: Record<string, string>; message?: string }
      setErrors(err.fields ?? { name: err.message ?? '没有开启成功，请再试一次' })
    }
  }
  return (
    <Section title='开启一轮摸排'>
      <FormField label='名称' error={errors.name} hint='例如 2026年12月摸排'>
        <Input className='form-field__input survey-round__name' value={name} maxlength={30} onInput={(e) => setName(e.detail.value)} />
      </FormField>
      <FormField label='截止日期' error={errors.dueDate} hint='写成 2026-12-31'>
        <Input className='form-field__input survey-round__due' value={dueDate} maxlength={10} onInput={(e) => setDueDate(e.detail.value)} />
      </FormField>
      {opened && <Text className='wb-ok'>已开启：{opened}</Text>}
      <BigButton onClick={() => void open()}>开启</BigButton>
    </Section>
  )
}
