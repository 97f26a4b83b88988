import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useIdParam } from '@/hooks/use-id-param'
import { isApiError } from '@/api'
import type { StaffMember } from '@contract'
import { checkForm } from '@/lib/check-form'
import type { Township } from '@contract/places'
import {
  createPersonBody,
  householdRelationLabel,
  householdRelations,
  isAway,
  personStatuses,
  personStatusLabel,
  povertyStatusLabel,
  povertyStatuses,
  type HouseholdRelation,
  type PersonStatus,
  type PovertyStatus,
} from '@contract/roster'
import { provinces } from '@contract/rights'
import type { SurveyRound } from '@contract/survey'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { Section } from '@/components/section'
import { showNotice } from '@/lib/notice'
import { addPerson, villageCache } from '@/features/survey/api/survey'
import { SurveyShell } from '@/features/survey/components/survey-shell'
import { householdName } from '@/features/survey/lib/describe'
import { rememberedVillage } from '@/features/survey/lib/village-memory'

/** Someone new on the survey (a young person now of working age, someone who moved in): into a household or a new one. */
export default function SurveyAddPage() {
  const roundId = useIdParam('round')
  const householdId = useIdParam('household')
  const villageId = useIdParam('village')
  return (
    <SurveyShell title='添人' roundId={roundId || undefined}>
      {(staff, round) => <AddPerson staff={staff} round={round} householdId={householdId || null} villageId={villageId || null} />}
    </SurveyShell>
  )
}

function AddPerson({ staff, round, householdId, villageId }: { staff: StaffMember; round: SurveyRound; householdId: number | null; villageId: number | null }) {
  const village = rememberedVillage(villageCache(round.id, villageId))?.village
  const household = rememberedVillage(villageCache(round.id, villageId))?.households.find((h) => h.id === householdId)
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [relation, setRelation] = useState<HouseholdRelation>(householdId ? 'child' : 'head')
  const [status, setStatus] = useState<PersonStatus>('willing')
  const [province, setProvince] = useState('')
  const [poverty, setPoverty] = useState<PovertyStatus>('general')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const place = { township: (village?.township ?? staff.township) as Township, villageId: village?.id ?? villageId ?? staff.villageId ?? 0 }

  const save = async () => {
    const body = {
      name: name.trim(),
      idNumber: idNumber.trim().toUpperCase(),
      ...place,
      householdId,
      relation,
      poverty,
      status,
      destinationProvince: isAway(status) ? province || null : null,
    }
    const checked = checkForm(createPersonBody, body)
    if (!checked.ok) {
      setErrors(checked.fields)
      return
    }
    setBusy(true)
    setErrors({})
    try {
      const result = await addPerson(body as never, `添人：${body.name}`)
      showNotice(result.queued ? '没有信号，已存在手机上，有信号后自动发出' : '已添上')
      void Taro.navigateBack()
    } catch (e) {
      setErrors(isApiError(e) ? (e.fields ?? { name: e.message }) : { name: '没有保存成功，请再试一次' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title={household ? `添到${householdName(household.members)}` : '新添一户'}>
      <Text className='lead-text'>新到劳动年龄的、新搬来的，在这里登记；登记后这一轮算已查。</Text>
      <FormField label='姓名' error={errors.name}>
        <Input className='form-field__input survey-add__name' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
      </FormField>
      <FormField label='身份证号' error={errors.idNumber}>
        <Input className='form-field__input survey-add__id' type='idcard' value={idNumber} maxlength={18} onInput={(e) => setIdNumber(e.detail.value)} />
      </FormField>
      {householdId && (
        <FormField label='与户主的关系' error={errors.relation}>
          <Chips value={relation} onChange={setRelation} options={householdRelations.filter((r) => r !== 'head').map((r) => ({ value: r, label: householdRelationLabel[r] }))} />
        </FormField>
      )}
      <FormField label='目前状态' error={errors.status}>
        <Chips value={status} onChange={setStatus} options={personStatuses.filter((s) => s !== 'returned').map((s) => ({ value: s, label: personStatusLabel[s] }))} />
      </FormField>
      {isAway(status) && (
        <FormField label='去了哪个省' error={errors.destinationProvince}>
          <Chips scroll value={province} onChange={setProvince} options={provinces.map((p) => ({ value: p, label: p }))} />
        </FormField>
      )}
      <FormField label='户的类别' error={errors.poverty}>
        <Chips value={poverty} onChange={setPoverty} options={povertyStatuses.map((p) => ({ value: p, label: povertyStatusLabel[p] }))} />
      </FormField>
      {(errors.township || errors.villageId || errors.householdId) && <Text className='form-field__error'>{errors.township ?? errors.villageId ?? errors.householdId}</Text>}
      <View>
        <BigButton disabled={busy} onClick={() => void save()}>
          保存
        </BigButton>
      </View>
    </Section>
  )
}
