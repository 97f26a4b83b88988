import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { isApiError, newIdempotencyKey } from '@/api'
import { announceTransportBatchBody } from '@contract/transport'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import { TextArea } from '@/components/text-area'
import { asButton } from '@/lib/a11y'
import { checkForm } from '@/lib/check-form'
import { announceToRiders } from '../../api/staff-transport'
import { errorText } from '../../lib/paths'

const MAX = 60

/**
 * 给乘客发通知: a short message to every rider of the batch (消息, and WeChat or SMS as each chose). One key per
 * message, so a resend after a lost answer does not tell the riders twice.
 */
export function AnnounceForm({ batchId, riders }: { batchId: number; riders: number }) {
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())

  const change = (value: string) => {
    setText(value)
    setError(undefined)
    // Another message is another send, not a retry of the last.
    key.current = newIdempotencyKey()
  }

  const send = async () => {
    if (busy) return
    setResult(null)
    const checked = checkForm(announceTransportBatchBody, { text })
    if (!checked.ok) return setError(checked.fields.text)
    setBusy(true)
    try {
      const done = await announceToRiders(batchId, checked.data, key.current)
      key.current = newIdempotencyKey()
      setText('')
      setOpen(false)
      setResult({ ok: true, text: `已发给 ${done.riders} 位乘客` })
    } catch (e) {
      if (isApiError(e) && e.fields?.text) setError(e.fields.text)
      setResult({ ok: false, text: errorText(e, '通知没有发出去，请再试一次') })
    } finally {
      setBusy(false)
    }
  }

  if (!open) {
    return (
      <View className='announce-form'>
        {result && <Text className={result.ok ? 'wb-ok' : 'wb-message'}>{result.text}</Text>}
        <View {...asButton} className='wb-small-button announce-form__open' onClick={() => setOpen(true)}>
          <Text>给乘客发通知</Text>
        </View>
      </View>
    )
  }
  return (
    <View className='announce-form'>
      <FormField label='通知内容' error={error} hint={`最多${MAX}个字，会发到已报名的 ${riders} 位乘客的消息里，也按各人的选择发微信或短信`}>
        <TextArea className='form-field__input form-field__textarea announce-form__text' value={text} maxlength={MAX} placeholder='例如 集合地点改到县汽车站' label='通知内容' onChange={change} />
      </FormField>
      {result && !result.ok && <Text className='wb-message'>{result.text}</Text>}
      <View className='wb-row'>
        <BigButton className='announce-form__send' disabled={busy} onClick={() => void send()}>
          {busy ? '正在发送…' : '发送通知'}
        </BigButton>
        <BigButton variant='secondary' className='announce-form__close' disabled={busy} onClick={() => setOpen(false)}>
          先不发
        </BigButton>
      </View>
    </View>
  )
}
