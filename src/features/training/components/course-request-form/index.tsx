import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import { courseRequestBody, requestableTrades } from '@contract/training'
import { isApiError, newIdempotencyKey } from '@/api'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import { Chips } from '@/components/chips'
import { formErrors } from '@/lib/check-form'
import { createCourseRequest } from '../../api/course-requests'
import './index.scss'

type RequestTrade = (typeof requestableTrades)[number]

interface Props {
  signedIn: boolean
  onNeedSignIn: () => void
  onSent: () => void
}

/** 点单: "没有想学的？告诉我们" — pick a trade (or 其他 and say which), add a note, send. */
export function CourseRequestForm({ signedIn, onNeedSignIn, onSent }: Props) {
  const [trade, setTrade] = useState<RequestTrade | null>(null)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())

  const send = async () => {
    setError(null)
    if (!trade) {
      setErrors({ trade: '请选一个想学的工种' })
      return
    }
    const local = formErrors(courseRequestBody, { trade, note: note.trim() })
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    if (!signedIn) {
      onNeedSignIn()
      return
    }
    setBusy(true)
    try {
      await createCourseRequest({ trade, note: note.trim() }, key.current)
      key.current = newIdempotencyKey()
      onSent()
    } catch (e) {
      if (isApiError(e) && e.status === 401) onNeedSignIn()
      else if (isApiError(e) && e.fields) setErrors(e.fields)
      else setError(isApiError(e) ? e.message : '出了点问题，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='course-request-form'>
      <FormField label='想学什么' error={errors.trade}>
        <Chips
          options={requestableTrades.map((t) => ({ value: t, label: t }))}
          value={trade ?? ('' as RequestTrade)}
          onChange={(t) => {
            setTrade(t)
            setErrors({})
          }}
        />
      </FormField>
      <FormField label='还想说的' hint={trade === '其他' ? '请写上想学什么' : '不写也可以，例如 想在冬天农闲时学'} error={errors.note}>
        <TextArea
          className='form-field__input form-field__textarea'
          value={note}
          maxlength={200}
          placeholder='例如 想学厨师，能在县城上课最好'
          label='还想说的'
          onChange={setNote}
        />
      </FormField>
      {error && (
        <Text className='course-request-form__error' aria-live='assertive'>
          {error}
        </Text>
      )}
      <BigButton disabled={busy} onClick={() => void send()}>
        {busy ? '正在提交…' : '告诉县里'}
      </BigButton>
      {!signedIn && <Text className='course-request-form__hint'>提交要先用手机号登录</Text>}
    </View>
  )
}
