import { useCallback, useEffect, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import { dismissOutboxEntry, isApiError, onOutboxDelivered } from '@/api'
import { contactTimeLabel, contactTimes, destinationCities, rightsCategoryLabel, type RightsCategory, type RightsRequest } from '@contract/rights'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { asButton } from '@/lib/a11y'
import { useAskForMessages } from '@/hooks/use-ask-for-messages'
import { submitRightsRequest, uploadRightsPhoto } from '../../api/rights-requests'
import { bodyOf, clearDraft, draftSaveDelayMs, emptyDraft, openDraft, type RightsDraft, saveDraft } from '../../lib/draft'
import { type FieldErrors, stepErrors, stepOfFields, steps } from '../../lib/steps'
import { CategoryCards } from '../category-cards'
import { MonthChooser } from '../month-chooser'
import { PhotoPicker } from '../photo-picker'
import { WaitingNotice } from '../waiting-notice'
import './index.scss'

interface Props {
  /** Today in China, for the month choices. */
  today: { year: number; month: number }
  /** The masked phone of the account, shown as the default contact. */
  accountPhone?: string
  /**
   * The case as the server recorded it: sent at once, or later by the outbox while the form shows it waiting.
   * `photosLeft`: photos chosen offline that could not be uploaded first and so are not part of it.
   */
  onSubmitted: (created: RightsRequest, photosLeft: number) => void
  /** 只留电话，请回电 instead of the five steps, offered on the first. */
  onCallbackInstead?: () => void
  /** Fields filled in already (from the 记工 log): a new draft starts from them; one waiting to be sent is left alone. */
  prefill?: Partial<RightsDraft>
}

/** Field errors by the form's own field names (the server names nested ones `attachmentIds.0`). */
const byField = (fields: Record<string, string>): FieldErrors =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.split('.')[0], v]))

const pendingPhotos = (d: RightsDraft) => d.photos.filter((p) => p.pending).length

/** Where most of the county's workers go, first; any other city can be typed. */
const cityChoices = ['无锡市', '苏州市', '昆山市', '常州市', '宁波市', '金华市', '北京市', '天津市', '上海市', '惠州市', '烟台市', '大同市', '兰州市', '西安市', '乌鲁木齐市'].filter(
  (c) => c in destinationCities,
)

const valueOf = (e: { detail: { value: string } }) => e.detail.value

/** Photos chosen offline go up first; any that still cannot are left pending (and said so after). */
async function uploadPending(photos: RightsDraft['photos']): Promise<RightsDraft['photos']> {
  if (!photos.some((p) => p.pending)) return photos
  const out: RightsDraft['photos'] = []
  for (const p of photos) {
    if (!p.pending) {
      out.push(p)
      continue
    }
    try {
      const uploaded = await uploadRightsPhoto(p.path)
      out.push({ id: uploaded.id, path: p.path })
    } catch (e) {
      // Offline: the request goes without it. A refused photo (too big, wrong kind) stops the send to be fixed.
      if (!isApiError(e) || !e.transient) throw e
      out.push(p)
    }
  }
  return out
}

/**
 * 我要求助, five short steps. Everything typed is kept on the device as it is typed (debounced), so the worker
 * can close the app and come back; the draft's idempotency key makes 提交 safe to tap again after a failure.
 */
export function RequestForm({ today, accountPhone, onSubmitted, onCallbackInstead, prefill }: Props) {
  // Read once: the draft as the outbox left it (waiting to be sent, sent, or refused).
  const [opened] = useState(openDraft)
  const [draft, setDraft] = useState<RightsDraft>(() => {
    const fields = opened.refused?.error?.fields
    if (fields) return { ...opened.draft, step: stepOfFields(Object.keys(fields)) }
    if (prefill && !opened.draft.queued) return { ...emptyDraft(), ...prefill }
    return opened.draft
  })
  const [errors, setErrors] = useState<FieldErrors>(() => byField(opened.refused?.error?.fields ?? {}))
  const [message, setMessage] = useState<string | null>(() =>
    opened.refused ? `没有发送成功：${opened.refused.error?.message ?? ''}。请改好后再点提交` : null,
  )
  const [sending, setSending] = useState(false)
  const latest = useRef(draft)
  latest.current = draft
  // Once the server has the request, nothing of it may be written back: the next 我要求助 starts a new one.
  const kept = useRef(true)

  useEffect(() => {
    // The refusal is shown here now, to be fixed in the form: the outbox need not show it too.
    if (opened.refused) dismissOutboxEntry(opened.refused.id)
  }, [opened])

  // Debounced: one write per pause in typing; whatever is pending is written when the form goes away.
  useEffect(() => {
    if (!kept.current) return
    const timer = setTimeout(() => kept.current && saveDraft(draft), draftSaveDelayMs)
    return () => clearTimeout(timer)
  }, [draft])
  useEffect(
    () => () => {
      if (kept.current) saveDraft(latest.current)
    },
    [],
  )

  const submitted = useRef(onSubmitted)
  submitted.current = onSubmitted
  const accepted = useCallback((created: RightsRequest, photosLeft: number) => {
    kept.current = false
    clearDraft()
    submitted.current(created, photosLeft)
  }, [])

  // Kept for later: the outbox sends it with the draft's key, and the form shows it sent.
  const waitingKey = draft.queued ? draft.idempotencyKey : null
  useEffect(() => {
    if (!waitingKey) return
    return onOutboxDelivered(({ entry, data }) => {
      if (entry.id === waitingKey) accepted(data as RightsRequest, pendingPhotos(latest.current))
    })
  }, [waitingKey, accepted])

  const change = <K extends keyof RightsDraft>(key: K, value: RightsDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setMessage(null)
    if (errors[key as string]) setErrors(({ [key as string]: _, ...rest }) => rest)
  }
  const goTo = (step: number) => {
    setErrors({})
    setMessage(null)
    setDraft((d) => ({ ...d, step }))
  }

  const next = () => {
    const found = stepErrors(draft, draft.step)
    if (Object.keys(found).length) {
      setErrors(found)
      return
    }
    goTo(draft.step + 1)
  }

  const askForMessages = useAskForMessages()
  const send = async () => {
    const found = stepErrors(draft, draft.step)
    if (Object.keys(found).length) return setErrors(found)
    askForMessages('rights_request')
    setSending(true)
    setMessage(null)
    try {
      const photos = await uploadPending(draft.photos)
      if (photos !== draft.photos) setDraft((d) => ({ ...d, photos }))
      const label = `求助：${draft.category ? rightsCategoryLabel[draft.category] : ''}`
      const created = await submitRightsRequest(bodyOf({ ...draft, photos }), draft.idempotencyKey, label)
      if (created) return accepted(created, photos.filter((p) => p.pending).length)
      // No network: the outbox has it. The draft stays, marked, until the outbox has sent it.
      const queued = { ...draft, photos, queued: true }
      saveDraft(queued)
      setDraft(queued)
    } catch (e) {
      if (isApiError(e) && e.fields && Object.keys(e.fields).length) {
        const fields = byField(e.fields)
        setDraft((d) => ({ ...d, step: stepOfFields(Object.keys(fields)) }))
        setErrors(fields)
      } else if (isApiError(e) && e.code === 'CONFLICT') {
        // The key was used for other content: an earlier attempt may have arrived. A new key for what is here now.
        setDraft((d) => ({ ...d, idempotencyKey: emptyDraft().idempotencyKey }))
        setMessage('您刚才的求助可能已经提交了，请先到「我的求助」看一看；没有的话再点一次提交')
      } else {
        setMessage(isApiError(e) ? `${e.message}。填的内容都还在，可以再点一次提交` : '没有提交成功，请再点一次提交')
      }
    } finally {
      setSending(false)
    }
  }

  if (draft.queued) {
    return (
      <WaitingNotice
        photosLeft={pendingPhotos(draft)}
        onNewRequest={() => {
          // The outbox holds everything it needs to send the waiting one.
          setErrors({})
          setMessage(null)
          setDraft(emptyDraft())
        }}
      />
    )
  }

  const step = draft.step
  const isUnpaid = draft.category === 'unpaid_wages'

  return (
    <View className='request-form'>
      <View className='request-form__progress' aria-live='polite'>
        <Text className='request-form__step-no'>
          第 {step + 1} 步，共 {steps.length} 步
        </Text>
        <Text className='request-form__step-title'>{steps[step].title}</Text>
      </View>

      {step === 0 && (
        <View>
          {onCallbackInstead && (
            <View className='request-form__shortcut'>
              <Text className='request-form__shortcut-text'>不想填这么多？留个电话，工作人员打给您。</Text>
              <View {...asButton} className='request-form__shortcut-button' onClick={onCallbackInstead}>
                <Text>只留电话，请回电</Text>
              </View>
            </View>
          )}
          <FormField label='遇到了什么事？' error={errors.category}>
            <CategoryCards value={draft.category} onChange={(c: RightsCategory) => change('category', c)} />
          </FormField>
          <FormField label='说说发生了什么' hint='谁、什么时候、怎么回事，写清楚就行（至少10个字）' error={errors.description}>
            <TextArea
              className='form-field__input form-field__textarea request-form__description'
              value={draft.description}
              maxlength={2000}
              placeholder='例如：在工地干了三个月，老板一直说下个月给钱，到现在没给'
              onChange={(v) => change('description', v)}
              label='说说发生了什么'
            />
          </FormField>
        </View>
      )}

      {step === 1 && (
        <View>
          <FormField label='老板或单位叫什么' error={errors.employerName}>
            <Input
              className='form-field__input request-form__employer'
              value={draft.employerName}
              placeholder='公司名字、包工头名字都可以'
              onInput={(e) => change('employerName', valueOf(e))}
            />
          </FormField>
          <FormField label='在哪个城市' error={errors.workCity}>
            <Chips
              options={cityChoices.map((c) => ({ value: c, label: c }))}
              value={draft.workCity}
              onChange={(c) => change('workCity', c)}
              scroll
            />
            <Input
              className='form-field__input request-form__city'
              value={draft.workCity}
              placeholder='上面没有就写在这里，例如：江苏常州'
              onInput={(e) => change('workCity', valueOf(e))}
            />
          </FormField>
          <FormField label='干活的地方' hint='工地、厂子的地址，说个大概也行' error={errors.workAddress}>
            <Input
              className='form-field__input request-form__address'
              value={draft.workAddress}
              placeholder='例如：新吴区长江路边的工地'
              onInput={(e) => change('workAddress', valueOf(e))}
            />
          </FormField>
        </View>
      )}

      {step === 2 && (
        <View>
          <FormField label='从什么时候开始干' error={errors.workedFrom}>
            <MonthChooser label='开始的年月' today={today} value={draft.workedFrom} onChange={(v) => change('workedFrom', v)} />
          </FormField>
          <FormField label='干到什么时候' error={errors.workedTo}>
            <MonthChooser label='结束的年月' allowNow today={today} value={draft.workedTo} onChange={(v) => change('workedTo', v)} />
          </FormField>
          <FormField label={isUnpaid ? '欠了多少钱（元）' : '涉及多少钱（元，可以不填）'} error={errors.amountOwedYuan}>
            <Input
              className='form-field__input request-form__amount'
              type='number'
              value={draft.amountOwedYuan}
              placeholder='只写数字，例如 18000'
              onInput={(e) => change('amountOwedYuan', valueOf(e))}
            />
          </FormField>
          <FormField label='一共几个人遇到这件事' hint='只有您自己就写 1' error={errors.workersAffected}>
            <Input
              className='form-field__input request-form__workers'
              type='number'
              value={draft.workersAffected}
              onInput={(e) => change('workersAffected', valueOf(e))}
            />
          </FormField>
        </View>
      )}

      {step === 3 && (
        <FormField label='拍下证据' hint='合同、工资条、转账记录、聊天记录、受伤的地方。没有也可以直接下一步' error={errors.attachmentIds}>
          <PhotoPicker keepOffline photos={draft.photos} onChange={(photos) => change('photos', photos)} />
        </FormField>
      )}

      {step === 4 && (
        <View>
          <FormField label='联系电话' hint={accountPhone ? `不填就打您登录用的 ${accountPhone}` : undefined} error={errors.contactPhone}>
            <Input
              className='form-field__input request-form__phone'
              type='number'
              maxlength={11}
              value={draft.contactPhone}
              placeholder='换个号码联系就写在这里'
              onInput={(e) => change('contactPhone', valueOf(e))}
            />
          </FormField>
          <FormField label='怎么称呼您（可以不填）' error={errors.contactName}>
            <Input className='form-field__input request-form__name' value={draft.contactName} onInput={(e) => change('contactName', valueOf(e))} />
          </FormField>
          <FormField label='什么时候方便接电话' error={errors.contactTime}>
            <Chips options={contactTimes.map((t) => ({ value: t, label: contactTimeLabel[t] }))} value={draft.contactTime} onChange={(t) => change('contactTime', t)} />
          </FormField>
          <View className='request-form__summary'>
            <Text className='request-form__summary-title'>请核对</Text>
            <Text className='request-form__summary-line'>事情：{draft.category ? rightsCategoryLabel[draft.category] : ''}</Text>
            <Text className='request-form__summary-line'>单位：{draft.employerName}（{draft.workCity}）</Text>
            {draft.amountOwedYuan && <Text className='request-form__summary-line'>钱数：{draft.amountOwedYuan} 元</Text>}
            <Text className='request-form__summary-line'>照片：{draft.photos.length} 张</Text>
            {draft.worklogEmployerId && (
              <Text className='request-form__summary-line'>记工证据单：已附上（校验码 {draft.worklogDigest?.slice(0, 8) ?? ''}…）</Text>
            )}
          </View>
        </View>
      )}

      {message && (
        <Text className='request-form__message' aria-live='assertive'>
          {message}
        </Text>
      )}

      <View className='request-form__actions'>
        {step < steps.length - 1 ? (
          <BigButton onClick={next}>下一步</BigButton>
        ) : (
          <BigButton onClick={() => void send()} disabled={sending}>
            {sending ? '正在提交…' : '提交求助'}
          </BigButton>
        )}
        {step > 0 && (
          <View {...asButton} className='request-form__back' onClick={() => goTo(step - 1)}>
            <Text>上一步</Text>
          </View>
        )}
      </View>
    </View>
  )
}
