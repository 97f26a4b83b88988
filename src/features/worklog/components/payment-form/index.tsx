import { useState } from 'react'
import { Image, Input, Text, View } from '@tarojs/components'
import { isApiError, uploadPhoto } from '@/api'
import { asButton } from '@/lib/a11y'
import { choosePhotos } from '@/lib/choose-photos'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { type PaymentMethod, paymentMethodLabel, paymentMethods, type WorklogPaymentBody, worklogPaymentBody, yuanTextToFen } from '@contract/worklog'
import { addPayment } from '../../api/worklog'
import { dayLabel } from '../../lib/calendar'
import { useWorklogSave } from '../../lib/use-worklog-save'
import { FormFooter } from '../form-footer'

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
  const { errors, setErrors, busy, save: check } = useWorklogSave()
  const [photo, setPhoto] = useState<{ id: string; path: string } | null>(null)
  const [uploading, setUploading] = useState(false)

  /** A pay slip or a transfer's screenshot, uploaded at once (POST /uploads): the payment then names it. */
  const pickPhoto = async () => {
    const [path] = await choosePhotos(1)
    if (!path) return
    setUploading(true)
    setErrors(({ photoId: _, ...rest }) => rest)
    try {
      setPhoto({ id: (await uploadPhoto(path)).id, path })
    } catch (e) {
      const message = isApiError(e) && e.transient ? '现在没有网络，照片传不上去。可以先不带照片记下这笔钱' : isApiError(e) ? (e.fields?.file ?? e.message) : '照片没有传上去，请再试一次'
      setErrors((r) => ({ ...r, photoId: message }))
    } finally {
      setUploading(false)
    }
  }

  const save = () => {
    const amountFen = yuanTextToFen(amount)
    if (!amountFen) return setErrors({ amountFen: '请填写给了多少钱，例如 1000' })
    // Pay not yet received cannot be logged: the contract cannot know the phone's today, the form does.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today) return setErrors({ date: '请填写哪天给的，例如 ' + today })
    const body: WorklogPaymentBody = { employerId, date, amountFen, method, note: note.trim(), photoId: photo?.id ?? null }
    void check(worklogPaymentBody, body, async (b) => onSaved((await addPayment(b, `收到工钱 ${amount}元`)).queued))
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
      <FormField label='照片' hint='工资条、转账截图，不拍也可以' error={errors.photoId}>
        {photo ? (
          <View className='worklog-form__photo'>
            <Image className='worklog-form__photo-image' src={photo.path} mode='aspectFill' aria-label='这笔钱的照片' />
            <View {...asButton} className='worklog-form__photo-remove' onClick={() => setPhoto(null)}>
              <Text>不要这张照片</Text>
            </View>
          </View>
        ) : (
          <View {...asButton} className='worklog-form__photo-add' onClick={uploading ? undefined : () => void pickPhoto()}>
            <Text>{uploading ? '正在上传照片…' : '拍照或选照片'}</Text>
          </View>
        )}
      </FormField>
      <FormFooter error={errors.form ?? errors.employerId} busy={busy || uploading} label='记下这笔钱' onSave={save} />
    </View>
  )
}
