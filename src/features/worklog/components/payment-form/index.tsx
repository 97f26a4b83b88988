import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { type PaymentMethod, paymentMethodLabel, paymentMethods, yuanTextToFen } from '@contract/worklog'
import { addPayment } from '../../api/worklog'
import { dayLabel } from '../../lib/calendar'

interface Props {
  employerId: number
  today: string
  /** Sent (false) or kept on the phone to send later (true). */
  onSaved: (queued: boolean) => void
}

/** 老板给了钱: how much, how, and when (today unless changed). */
export function PaymentForm({ employerId, today, onSaved }: Props) {
  const [amount, setAmount] = useState('')
  const [method, setMethod] = useState<PaymentMethod>('wechat')
  const [date, setDate] = useState(today)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const save = async () => {
    const amountFen = yuanTextToFen(amount)
    if (!amountFen) {
      setErrors({ amountFen: '请填写给了多少钱，例如 1000' })
      return
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today) {
      setErrors({ date: '请填写哪天给的，例如 ' + today })
      return
    }
    setErrors({})
    setBusy(true)
    try {
      const result = await addPayment({ employerId, date, amountFen, method, note: note.trim() }, `收到工钱 ${amount}元`)
      onSaved(result.queued)
    } catch (e) {
      setErrors(isApiError(e) && e.fields ? e.fields : { form: isApiError(e) ? e.message : '出了点问题，请稍后重试' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='worklog-form'>
      <FormField label='给了多少钱（元）' error={errors.amountFen}>
        <Input className='form-field__input' type='digit' value={amount} placeholder='例如 1000' onInput={(e) => setAmount(e.detail.value)} />
      </FormField>
      <FormField label='怎么给的' error={errors.method}>
        <Chips options={paymentMethods.map((m) => ({ value: m, label: paymentMethodLabel[m] }))} value={method} onChange={setMethod} />
      </FormField>
      <FormField label='哪天给的' hint={date === today ? '今天' : dayLabel(date)} error={errors.date}>
        <Input className='form-field__input' value={date} maxlength={10} onInput={(e) => setDate(e.detail.value.trim())} />
      </FormField>
      <FormField label='备注' hint='不填也可以' error={errors.note}>
        <Input className='form-field__input' value={note} maxlength={200} placeholder='例如 工头转的微信' onInput={(e) => setNote(e.detail.value)} />
      </FormField>
      {errors.form && (
        <Text className='worklog-form__error' aria-live='assertive'>
          {errors.form}
        </Text>
      )}
      <BigButton disabled={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : '记下这笔钱'}
      </BigButton>
    </View>
  )
}
