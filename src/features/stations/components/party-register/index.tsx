import { useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import { isApiError, newIdempotencyKey } from '@/api'
import type { Me } from '@contract/me'
import { partyMemberBody, type PartyMemberBody } from '@contract/stations'
import { BigButton } from '@/components/big-button'
import { Dialog } from '@/components/dialog'
import { FormField } from '@/components/form-field'
import { formErrors } from '@/lib/check-form'
import { giveMembershipConsent, registerWithBranch, useMyPartyMemberships } from '../../api/party-membership'
import './index.scss'

interface Props {
  stationId: number
  stationName: string
  /** The signed-in worker, or null. */
  me: Me | null
  /** Opens sign-in, coming back here afterwards. */
  onNeedSignIn: () => void
  /** The profile after the consent was given, for the app's session. */
  onMeChanged: (me: Me) => void
}

type Step = 'idle' | 'consent' | 'form'

const hasPartyConsent = (me: Me | null) => {
  const latest = me?.consents.filter((c) => c.kind === 'party_membership').pop()
  return latest?.granted === true
}

/** "登记为本支部流动党员": sign in → separate consent → a short form → 已登记. */
export function PartyRegister({ stationId, stationName, me, onNeedSignIn, onMeChanged }: Props) {
  const signedIn = me !== null
  const mine = useMyPartyMemberships(signedIn)
  const registered = mine.data?.items.find((m) => m.stationId === stationId)
  const [step, setStep] = useState<Step>('idle')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [name, setName] = useState(me?.name ?? '')
  const [year, setYear] = useState('')
  const [note, setNote] = useState('')
  // One key per filled-in form: tapping 提交 twice, or a retry after a lost answer, registers once.
  const key = useRef(newIdempotencyKey())

  const fail = (e: unknown) => {
    // The session ended: the client has signed the worker out, and the page shows sign-in in this form's place.
    if (isApiError(e) && e.status === 401) return
    setErrors(isApiError(e) && e.fields ? { ...e.fields } : {})
    setMessage(isApiError(e) && e.fields ? null : e instanceof Error ? e.message : '出了点问题，请稍后重试')
  }

  const start = () => {
    setMessage(null)
    if (!signedIn) return onNeedSignIn()
    if (!name && me?.name) setName(me.name)
    setStep(hasPartyConsent(me) ? 'form' : 'consent')
  }

  const agree = async () => {
    setBusy(true)
    try {
      onMeChanged(await giveMembershipConsent())
      setStep('form')
    } catch (e) {
      setStep('idle')
      fail(e)
    } finally {
      setBusy(false)
    }
  }

  const submit = async () => {
    const body: PartyMemberBody = { name: name.trim(), joinedPartyYear: year ? Number(year) : null, note: note.trim() || null }
    const local = formErrors(partyMemberBody, body)
    if (Object.keys(local).length) {
      setErrors(local)
      return
    }
    setBusy(true)
    setErrors({})
    setMessage(null)
    try {
      await registerWithBranch(stationId, body, key.current)
      key.current = newIdempotencyKey()
      setStep('idle')
      await mine.refresh()
    } catch (e) {
      fail(e)
      if (isApiError(e) && e.status === 409) {
        // Already registered, or the consent was withdrawn meanwhile: show the truth from the server.
        setStep('idle')
        await mine.refresh()
      }
    } finally {
      setBusy(false)
    }
  }

  if (registered) {
    return (
      <View className='party-register party-register--done' aria-live='polite'>
        <Text className='party-register__done'>✓ 已登记为本支部流动党员</Text>
        <Text className='party-register__line'>登记时间：{registered.createdAt.slice(0, 10)}。支部会和您联系。</Text>
        <Text className='party-register__line'>不想登记了：到“我的 → 隐私与授权”撤回“登记党员身份”，登记会被删除。</Text>
      </View>
    )
  }

  return (
    <View className='party-register'>
      <Text className='party-register__line'>在外地的武山籍党员，可以在这里向本支部报到，参加支部的组织生活。</Text>
      {message && <Text className='party-register__message'>{message}</Text>}

      {step === 'form' ? (
        <View className='party-register__form'>
          <FormField label='姓名' error={errors.name}>
            <Input className='form-field__input' value={name} maxlength={20} placeholder='您的名字' aria-label='姓名' onInput={(e) => setName(e.detail.value)} />
          </FormField>
          <FormField label='哪一年入党（可以不填）' error={errors.joinedPartyYear}>
            <Input
              className='form-field__input'
              type='number'
              value={year}
              maxlength={4}
              placeholder='例如 2008'
              aria-label='入党年份'
              onInput={(e) => setYear(e.detail.value.replace(/\D/g, ''))}
            />
          </FormField>
          <FormField label='想对支部说的（可以不填）' hint='例如在哪个厂上班、原来在哪个支部' error={errors.note}>
            <TextArea className='form-field__input party-register__note' value={note} maxlength={200} label='备注' onChange={setNote} />
          </FormField>
          <BigButton onClick={busy ? () => undefined : () => void submit()}>{busy ? '正在提交…' : '提交登记'}</BigButton>
          <BigButton variant='secondary' className='party-register__cancel' onClick={() => setStep('idle')}>
            先不登记
          </BigButton>
        </View>
      ) : (
        <BigButton onClick={start}>{signedIn ? '登记为本支部流动党员' : '登录后登记为本支部流动党员'}</BigButton>
      )}

      <Dialog
        open={step === 'consent'}
        title='需要您单独同意'
        confirmText='同意，去登记'
        cancelText='不同意'
        busy={busy}
        onConfirm={() => void agree()}
        onCancel={() => setStep('idle')}
      >
        <Text className='party-register__consent'>
          党员身份是敏感个人信息。登记要用到您的姓名、手机号和入党年份，只交给“{stationName}”的工作人员和县里的管理员，用来联系您参加组织生活，不给其他任何人看。
        </Text>
        <Text className='party-register__consent'>您可以随时在“我的 → 隐私与授权”撤回同意，撤回后我们会删除您的登记。</Text>
      </Dialog>
    </View>
  )
}
