import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import { isApiError, newIdempotencyKey } from '@/api'
import { rightsConcludedStatuses, type RightsRequest } from '@contract/rights'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import { asButton } from '@/lib/a11y'
import { addRightsMessage, closeRightsRequest } from '../../api/rights-requests'
import type { DraftPhoto } from '../../lib/draft'
import { PhotoPicker } from '../photo-picker'
import './index.scss'

interface Props {
  request: RightsRequest
  onChanged: (next: RightsRequest) => void
}

/** One key per action; kept across retries of the same action, replaced once it succeeded. */
function useActionKey() {
  const key = useRef(newIdempotencyKey())
  return { current: () => key.current, renew: () => (key.current = newIdempotencyKey()) }
}

function AddInformation({ request, onChanged }: Props) {
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<DraftPhoto[]>([])
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const key = useActionKey()
  const send = async () => {
    if (!text.trim() && photos.length === 0) return setError('请写几句话或传几张照片')
    setSending(true)
    setError(null)
    try {
      const next = await addRightsMessage(request.trackingNo, { text, attachmentIds: photos.map((p) => p.id) }, key.current())
      key.renew()
      setText('')
      setPhotos([])
      onChanged(next)
    } catch (e) {
      setError(isApiError(e) ? (e.fields ? Object.values(e.fields)[0] : e.message) : '没有发出去，请再试一次')
    } finally {
      setSending(false)
    }
  }
  return (
    <View className='case-actions__block'>
      <FormField label='补充情况' hint='有新情况、新证据，写在这里或拍照传上来' error={error ?? undefined}>
        <TextArea
          className='form-field__input form-field__textarea case-actions__text'
          value={text}
          maxlength={2000}
          onChange={(v) => {
            setText(v)
            setError(null)
          }}
          label='补充情况'
        />
      </FormField>
      <PhotoPicker photos={photos} onChange={setPhotos} />
      <BigButton className='case-actions__send' onClick={() => void send()} disabled={sending}>
        {sending ? '正在发送…' : '发送补充'}
      </BigButton>
    </View>
  )
}

function CloseAndRate({ request, onChanged }: Props) {
  const [rating, setRating] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const key = useActionKey()
  const send = async () => {
    if (!rating) return setError('请点星星打个分')
    setSending(true)
    try {
      onChanged(await closeRightsRequest(request.trackingNo, { rating, ...(comment.trim() ? { comment } : {}) }, key.current()))
    } catch (e) {
      setError(isApiError(e) ? e.message : '没有提交成功，请再试一次')
    } finally {
      setSending(false)
    }
  }
  return (
    <View className='case-actions__block'>
      <Text className='case-actions__title'>事情办好了吗？</Text>
      <Text className='case-actions__hint'>满意就确认结束，给工作人员打个分。7天内不确认，会自动结束。</Text>
      <View className='case-actions__stars'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            {...asButton}
            aria-label={`${n}星`}
            aria-pressed={rating >= n ? 'true' : 'false'}
            className={`case-actions__star ${rating >= n ? 'case-actions__star--on' : ''}`}
            onClick={() => {
              setRating(n)
              setError(null)
            }}
          >
            <Text>★</Text>
          </View>
        ))}
      </View>
      <FormField label='想说的话（可以不填）' error={error ?? undefined}>
        <TextArea className='form-field__input form-field__textarea' value={comment} maxlength={500} onChange={setComment} label='想说的话' />
      </FormField>
      <BigButton onClick={() => void send()} disabled={sending}>
        {sending ? '正在提交…' : '确认结束'}
      </BigButton>
    </View>
  )
}

/** What the worker can do with the case now: add information while it is open, confirm and rate once it is done. */
export function CaseActions({ request, onChanged }: Props) {
  if (request.status === 'closed') return null
  return (
    <View className='case-actions'>
      {rightsConcludedStatuses.includes(request.status) && <CloseAndRate request={request} onChanged={onChanged} />}
      <AddInformation request={request} onChanged={onChanged} />
    </View>
  )
}
