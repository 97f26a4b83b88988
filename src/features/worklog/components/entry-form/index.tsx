import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { type WorklogEntryBody, worklogEntryBody, type WorklogKind, worklogKindLabel, worklogKinds, yuanTextToFen } from '@contract/worklog'
import { logDay } from '../../api/worklog'
import { dayLabel } from '../../lib/calendar'
import { useWorklogSave } from '../../lib/use-worklog-save'
import { FormFooter } from '../form-footer'

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
  const { errors, setErrors, busy, save: check } = useWorklogSave()

  const save = () => {
    const work = kind === 'day_work' || kind === 'contract_day'
    const byHours = kind === 'day_work' && basis === 'hours'
    const amountFen = kind === 'advance' ? yuanTextToFen(amount) : null
    // The typed money is read here; every other rule is the contract's own.
    if (kind === 'advance' && !amountFen) return setErrors({ amountFen: '请填写借了多少钱，例如 500' })
    const body: WorklogEntryBody = {
      employerId,
      date,
      kind,
      days: work && !byHours ? (basis === 'half' ? 0.5 : 1) : null,
      hours: byHours ? num(hours) : null,
      overtimeHours: work ? num(overtime) : 0,
      quantity: kind === 'contract_quantity' ? num(quantity) : null,
      amountFen,
      note: note.trim(),
    }
    void check(worklogEntryBody, body, async (b) => onSaved((await logDay(b, `记工 ${dayLabel(date)}`)).queued))
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
      <FormFooter error={errors.form ?? errors.date ?? errors.employerId ?? errors.rateFen} busy={busy} label={`记下${dayLabel(date)}`} onSave={save} />
    </View>
  )
}
