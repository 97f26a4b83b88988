import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { type WorklogKind, worklogKindLabel, worklogKinds, yuanTextToFen } from '@contract/worklog'
import { logDay } from '../../api/worklog'
import { dayLabel } from '../../lib/calendar'

interface Props {
  employerId: number
  unitLabel: string | null
  date: string
  onSaved: (queued: boolean) => void
}

type Basis = 'day' | 'half' | 'hours'
const basisOptions: { value: Basis; label: string }[] = [
  { value: 'day', label: '一天' },
  { value: 'half', label: '半天' },
  { value: 'hours', label: '按小时' },
]

const num = (text: string) => (text.trim() === '' ? 0 : Number(text))

/** Every kind of entry for one day: 点工 by the day or hours, 包工 by the day or quantity, 借支. */
export function EntryForm({ employerId, unitLabel, date, onSaved }: Props) {
  const [kind, setKind] = useState<WorklogKind>('day_work')
  const [basis, setBasis] = useState<Basis>('day')
  const [hours, setHours] = useState('')
  const [overtime, setOvertime] = useState('')
  const [quantity, setQuantity] = useState('')
  const [amount, setAmount] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const save = async () => {
    const work = kind === 'day_work' || kind === 'contract_day'
    const byHours = kind === 'day_work' && basis === 'hours'
    const body = {
      employerId,
      date,
      kind,
      days: work && !byHours ? (basis === 'half' ? 0.5 : 1) : null,
      hours: byHours ? num(hours) : null,
      overtimeHours: work ? num(overtime) : 0,
      quantity: kind === 'contract_quantity' ? num(quantity) : null,
      amountFen: kind === 'advance' ? yuanTextToFen(amount) : null,
      note: note.trim(),
    }
    if ([body.hours, body.overtimeHours, body.quantity].some((n) => n !== null && Number.isNaN(n))) {
      setErrors({ form: '请填数字' })
      return
    }
    if (kind === 'advance' && !body.amountFen) {
      setErrors({ amountFen: '请填写借了多少钱，例如 500' })
      return
    }
    setErrors({})
    setBusy(true)
    try {
      const result = await logDay(body, `记工 ${dayLabel(date)}`)
      onSaved(result.queued)
    } catch (e) {
      setErrors(isApiError(e) && e.fields ? e.fields : { form: isApiError(e) ? e.message : '出了点问题，请稍后重试' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='worklog-form'>
      <FormField label='记什么' error={errors.kind}>
        <Chips options={worklogKinds.map((k) => ({ value: k, label: worklogKindLabel[k] }))} value={kind} onChange={setKind} />
      </FormField>
      {(kind === 'day_work' || kind === 'contract_day') && (
        <FormField label='干了多少' error={errors.days ?? errors.hours}>
          <Chips options={kind === 'day_work' ? basisOptions : basisOptions.slice(0, 2)} value={kind === 'contract_day' && basis === 'hours' ? 'day' : basis} onChange={setBasis} />
        </FormField>
      )}
      {kind === 'day_work' && basis === 'hours' && (
        <FormField label='干了几小时' hint='按半小时算，例如 6 或 7.5' error={errors.hours}>
          <Input className='form-field__input' type='digit' value={hours} onInput={(e) => setHours(e.detail.value)} />
        </FormField>
      )}
      {(kind === 'day_work' || kind === 'contract_day') && (
        <FormField label='加班几小时' hint='没加班不用填' error={errors.overtimeHours}>
          <Input className='form-field__input' type='digit' value={overtime} onInput={(e) => setOvertime(e.detail.value)} />
        </FormField>
      )}
      {kind === 'contract_quantity' && (
        <FormField label={`干了多少（${unitLabel ?? '件'}）`} error={errors.quantity ?? errors.rateFen}>
          <Input className='form-field__input' type='digit' value={quantity} onInput={(e) => setQuantity(e.detail.value)} />
        </FormField>
      )}
      {kind === 'advance' && (
        <FormField label='借了多少钱（元）' error={errors.amountFen}>
          <Input className='form-field__input' type='digit' value={amount} onInput={(e) => setAmount(e.detail.value)} />
        </FormField>
      )}
      <FormField label='备注' hint='不填也可以' error={errors.note}>
        <Input className='form-field__input' value={note} maxlength={200} placeholder='例如 下雨只干了上午' onInput={(e) => setNote(e.detail.value)} />
      </FormField>
      {(errors.form || errors.date) && (
        <Text className='worklog-form__error' aria-live='assertive'>
          {errors.form ?? errors.date}
        </Text>
      )}
      <BigButton disabled={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : `记下${dayLabel(date)}`}
      </BigButton>
    </View>
  )
}
