import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { checkField } from '@/lib/check-form'
import { isApiError, newIdempotencyKey } from '@/api'
import { rightsFields, type RightsCategory, type RightsRequest } from '@contract/rights'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import { PhoneCall } from '@/components/phone-call'
import { asButton } from '@/lib/a11y'
import { askForCallback } from '../../api/rights-requests'
import { nationalHotline } from '../../lib/hotlines'
import { CategoryCards } from '../category-cards'
import './index.scss'

interface Props {
  /** The masked phone of the account: the number called unless the worker gives another. */
  accountPhone?: string
  onSent: (created: RightsRequest) => void
}

type Errors = Partial<Record<'category' | 'contactPhone', string>>

/**
 * 只留电话，请回电: what kind of trouble, and 请给我回电. Two taps; the officer asks the rest on the phone. Nothing else
 * is recorded for the worker, so nothing is said on their behalf.
 */
export function CallbackForm({ accountPhone, onSent }: Props) {
  const [category, setCategory] = useState<RightsCategory | ''>('')
  // null: the account's phone; a string: the other number being typed.
  const [otherPhone, setOtherPhone] = useState<string | null>(accountPhone ? null : '')
  const [errors, setErrors] = useState<Errors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [offline, setOffline] = useState(false)
  const [sending, setSending] = useState(false)
  // One key for this page: a tap again after a lost answer is the same case.
  const [idempotencyKey] = useState(newIdempotencyKey)

  const send = async () => {
    const found: Errors = {}
    if (!category) found.category = '请选一下遇到了什么事'
    if (otherPhone !== null) {
      const phone = checkField(rightsFields.contactPhone, otherPhone)
      if (phone) found.contactPhone = phone
    }
    setErrors(found)
    setMessage(null)
    setOffline(false)
    if (!category || Object.keys(found).length) return
    setSending(true)
    try {
      onSent(await askForCallback({ category, ...(otherPhone !== null ? { contactPhone: otherPhone } : {}) }, idempotencyKey))
    } catch (e) {
      if (isApiError(e) && e.fields && Object.keys(e.fields).length) setErrors(e.fields as Errors)
      else if (isApiError(e) && e.transient) setOffline(true)
      else setMessage(isApiError(e) ? `${e.message}，请再点一次` : '没有发出去，请再点一次')
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='callback-form'>
      <Text className='callback-form__lead'>不想填表也行：选一下是什么事，工作人员会打电话给您，问清楚再帮您办。</Text>
      <FormField label='遇到了什么事？' error={errors.category}>
        <CategoryCards
          value={category}
          onChange={(c) => {
            setCategory(c)
            setErrors(({ category: _, ...rest }) => rest)
          }}
        />
      </FormField>
      <FormField label='打哪个电话' error={errors.contactPhone}>
        {otherPhone === null ? (
          <View className='callback-form__call-row'>
            <Text className='callback-form__number'>打您登录用的 {accountPhone}</Text>
            <View {...asButton} className='callback-form__change' onClick={() => setOtherPhone('')}>
              <Text>换个号码</Text>
            </View>
          </View>
        ) : (
          <Input
            className='form-field__input callback-form__input'
            type='number'
            maxlength={11}
            value={otherPhone}
            placeholder='写上能打通的手机号'
            aria-label='打哪个电话'
            onInput={(e) => setOtherPhone(e.detail.value)}
          />
        )}
      </FormField>

      {message && (
        <Text className='callback-form__message' aria-live='assertive'>
          {message}
        </Text>
      )}
      {offline && (
        <View className='callback-form__offline' aria-live='assertive'>
          <Text className='callback-form__message'>现在没有网络，发不出去。有网络了再点一次“请给我回电”，或者现在就直接打电话：</Text>
          <PhoneCall phone={nationalHotline.phone} label={nationalHotline.label} />
        </View>
      )}

      <BigButton className='callback-form__send' onClick={() => void send()} disabled={sending}>
        {sending ? '正在发送…' : '请给我回电'}
      </BigButton>
    </View>
  )
}
