import { useRef, useState } from 'react'
import { Input, View } from '@tarojs/components'
import { newIdempotencyKey } from '@/api'
import { FormField } from '@/components/form-field'
import { formatFen, type WorklogEmployer, type WorklogEmployerBody, worklogEmployerBody, yuanTextToFen } from '@contract/worklog'
import { createEmployer, updateEmployer } from '../../api/worklog'
import { useWorklogSave } from '../../lib/use-worklog-save'
import { FormFooter } from '../form-footer'

interface Props {
  /** The employer being changed; none for a new one. */
  employer?: WorklogEmployer
  onSaved: (employer: WorklogEmployer) => void
}

const rateFields = [
  ['day', '一天多少钱（元）', 'dayRateFen', '例如 300'],
  ['hour', '一小时多少钱（元）', 'hourRateFen', '按小时算才填'],
  ['overtime', '加班一小时多少钱（元）', 'overtimeRateFen', '例如 50'],
  ['unit', '包工单价（元）', 'unitRateFen', '按量算才填，例如 35'],
] as const

/** 3550 fen → "35.5" as a form shows it. */
const yuanText = (fen: number | null) => (fen === null ? '' : formatFen(fen).replace(/元$/, ''))

/** 老板或工地, and the pay agreed with them: only the name is needed, the rest as far as it is known. */
export function EmployerForm({ employer, onSaved }: Props) {
  const [name, setName] = useState(employer?.name ?? '')
  const [site, setSite] = useState(employer?.site ?? '')
  const [rates, setRates] = useState<Record<string, string>>(() =>
    employer ? Object.fromEntries(rateFields.map(([id, , field]) => [id, yuanText(employer[field])])) : {},
  )
  const [unitLabel, setUnitLabel] = useState(employer?.unitLabel ?? '')
  const { errors, setErrors, busy, save: check } = useWorklogSave()
  const key = useRef(newIdempotencyKey())

  const save = () => {
    const fen: Record<string, number | null> = {}
    const typed: Record<string, string> = {}
    for (const [id, , field] of rateFields) {
      const text = (rates[id] ?? '').trim()
      fen[field] = text ? yuanTextToFen(text) : null
      if (text && (fen[field] === null || fen[field] === 0)) typed[field] = '请填写钱数，例如 300 或 35.5'
    }
    if (Object.keys(typed).length) return setErrors(typed)
    const body: WorklogEmployerBody = {
      name: name.trim(),
      site: site.trim(),
      dayRateFen: fen.dayRateFen,
      hourRateFen: fen.hourRateFen,
      overtimeRateFen: fen.overtimeRateFen,
      unitRateFen: fen.unitRateFen,
      unitLabel: unitLabel.trim() || null,
      // Kept as they were: this form does not show them.
      ...(employer ? { applicationId: employer.applicationId, note: employer.note } : {}),
    }
    void check(worklogEmployerBody, body, async (b) => onSaved(await (employer ? updateEmployer(employer.id, b, key.current) : createEmployer(b, key.current))))
  }

  return (
    <View className='worklog-form'>
      <FormField label='老板或工地' error={errors.name}>
        <Input className='form-field__input' value={name} maxlength={50} placeholder='例如 李老板 或 万达三期' onInput={(e) => setName(e.detail.value)} />
      </FormField>
      <FormField label='干活的地方' hint='不填也可以' error={errors.site}>
        <Input className='form-field__input' value={site} maxlength={200} placeholder='例如 苏州工业园区某某路' onInput={(e) => setSite(e.detail.value)} />
      </FormField>
      {rateFields.map(([id, label, field, hint]) => (
        <FormField key={id} label={label} hint={hint} error={errors[field]}>
          <Input className='form-field__input' type='digit' value={rates[id] ?? ''} onInput={(e) => setRates((r) => ({ ...r, [id]: e.detail.value }))} />
        </FormField>
      ))}
      {(rates.unit ?? '').trim() !== '' && (
        <FormField label='单位' error={errors.unitLabel}>
          <Input className='form-field__input' value={unitLabel} maxlength={10} placeholder='例如 平方米、吨、块' onInput={(e) => setUnitLabel(e.detail.value)} />
        </FormField>
      )}
      <FormFooter error={errors.form} busy={busy} label='保存' onSave={save} />
    </View>
  )
}
