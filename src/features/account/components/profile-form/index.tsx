import { useEffect, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import { isApiError, newIdempotencyKey, onOutboxDelivered, submit } from '@/api'
import { townships, updateMeBody, type Me, type UpdateMeBody } from '@contract/me'
import { trades, type Trade } from '@contract/reference'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { Dialog } from '@/components/dialog'
import { FormField } from '@/components/form-field'
import { asButton } from '@/lib/a11y'
import { formErrors } from '@/lib/check-form'
import { hasConsent } from '../../consents'
import { formMessage, serverFieldErrors, type FieldErrors } from '../../field-errors'
import { setMyConsent } from '../../api/me'
import { YesNo } from '../yes-no'
import './index.scss'
import { updateMe } from '@contract/me'

interface Props {
  me: Me
  /** The profile as the server now holds it (after a save or a consent). */
  onSaved: (me: Me) => void
}

const maxTrades = 5

interface Draft {
  name: string
  hometownTownship: string
  hometownVillage: string
  trades: Trade[]
  skills: string
  /** null until the worker taps 是 or 否: sent as null, never as 否. */
  workingAway: boolean | null
  currentCity: string
  returnedHome: boolean | null
  willingToGoOut: boolean | null
  povertyAlleviated: boolean | null
  /** undefined only on a copy of the profile saved before the question existed: then it is not sent. */
  workedAwayLastYear: boolean | null | undefined
}

function draftOf(me: Me): Draft {
  return {
    name: me.name ?? '',
    hometownTownship: me.hometownTownship ?? '',
    hometownVillage: me.hometownVillage ?? '',
    trades: [...me.trades],
    skills: me.skills,
    workingAway: me.workingAway,
    currentCity: me.currentCity ?? '',
    returnedHome: me.returnedHome,
    willingToGoOut: me.willingToGoOut,
    povertyAlleviated: me.povertyAlleviated,
    workedAwayLastYear: me.workedAwayLastYear,
  }
}

/** The PATCH body for a draft: empty optional text becomes null (cleared), an empty name is left out. */
function bodyOf(d: Draft, idNumber: string | null): UpdateMeBody {
  const body: UpdateMeBody = {
    hometownTownship: (d.hometownTownship || null) as UpdateMeBody['hometownTownship'],
    hometownVillage: d.hometownVillage.trim() || null,
    trades: d.trades,
    skills: d.skills,
    workingAway: d.workingAway,
    currentCity: d.workingAway === true ? d.currentCity.trim() || null : null,
    returnedHome: d.returnedHome,
    willingToGoOut: d.willingToGoOut,
    povertyAlleviated: d.povertyAlleviated,
  }
  if (d.workedAwayLastYear !== undefined) body.workedAwayLastYear = d.workedAwayLastYear
  if (d.name.trim()) body.name = d.name
  if (idNumber !== null) body.idNumber = idNumber
  return body
}

/** The contract's own rules, checked before sending: the same messages the server would give. */
function localErrors(body: UpdateMeBody): FieldErrors {
  return formErrors(updateMeBody, body)
}

/** 我的资料: one column, big controls, plain questions. The ID number only after its own consent. */
export function ProfileForm({ me, onSaved }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(me))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [saving, setSaving] = useState(false)
  /** Kept on the phone for want of a network: said plainly until the outbox delivers it. */
  const [queued, setQueued] = useState(false)
  /** null: not editing the ID number; a string: the number being typed. */
  const [idNumber, setIdNumber] = useState<string | null>(null)
  const [consentOpen, setConsentOpen] = useState(false)
  const [consenting, setConsenting] = useState(false)
  const [consentError, setConsentError] = useState<string | null>(null)
  // One key per save: a retry of the same save (same content) reuses it, so the server applies it once.
  const attempt = useRef<{ key: string; body: string } | null>(null)

  useEffect(
    () =>
      onOutboxDelivered(({ entry, data }) => {
        if (entry.name !== 'updateMe') return
        setQueued(false)
        setSaved(true)
        onSaved(data as Me)
      }),
    [onSaved],
  )

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setSaved(false)
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest)
  }

  const toggleTrade = (t: Trade) => {
    if (draft.trades.includes(t)) {
      change('trades', draft.trades.filter((x) => x !== t))
    } else if (draft.trades.length >= maxTrades) {
      setErrors((e) => ({ ...e, trades: `最多选${maxTrades}个工种，先去掉一个再选` }))
    } else {
      change('trades', [...draft.trades, t])
    }
  }

  const startIdNumber = () => {
    if (hasConsent(me, 'id_number')) setIdNumber('')
    else {
      setConsentError(null)
      setConsentOpen(true)
    }
  }

  const agreeToIdNumber = async () => {
    setConsenting(true)
    setConsentError(null)
    try {
      const next = await setMyConsent('id_number', true)
      onSaved(next)
      setConsentOpen(false)
      setIdNumber('')
    } catch (e) {
      setConsentError(e instanceof Error ? e.message : '没有记下您的同意，请重试')
    } finally {
      setConsenting(false)
    }
  }

  const save = async () => {
    if (saving) return
    const body = bodyOf(draft, idNumber && idNumber.trim() ? idNumber : null)
    const local = localErrors(body)
    setMessage(null)
    setSaved(false)
    if (Object.keys(local).length > 0) {
      setErrors(local)
      setMessage('有几项需要改一下，请看红字')
      return
    }
    setErrors({})
    const bodyText = JSON.stringify(body)
    if (!attempt.current || attempt.current.body !== bodyText) attempt.current = { key: newIdempotencyKey(), body: bodyText }
    setSaving(true)
    try {
      const result = await submit('updateMe', updateMe, { body }, { label: '修改我的资料', idempotencyKey: attempt.current.key })
      attempt.current = null
      if (result.queued) {
        setQueued(true)
        return
      }
      const next = result.data
      setQueued(false)
      onSaved(next)
      setDraft(draftOf(next))
      setIdNumber(null)
      setSaved(true)
    } catch (e) {
      const fields = serverFieldErrors(e)
      // An ID number refused for want of consent (409) belongs under the ID field.
      if (isApiError(e) && e.code === 'CONFLICT' && body.idNumber) fields.idNumber = e.message
      setErrors(fields)
      setMessage(Object.keys(fields).length > 0 ? '有几项需要改一下，请看红字' : formMessage(e, fields))
      // A considered answer from the server (4xx) means the next tap is a new save.
      if (isApiError(e) && !e.transient) attempt.current = null
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='profile-form'>
      <FormField label='姓名' error={errors.name}>
        <Input
          className='form-field__input profile-form__name'
          value={draft.name}
          maxlength={20}
          placeholder='您的名字'
          aria-label='姓名'
          onInput={(e) => change('name', e.detail.value)}
        />
      </FormField>

      <FormField label='家乡是哪个乡镇' error={errors.hometownTownship}>
        <Chips<string>
          options={townships.map((t) => ({ value: t, label: t }))}
          value={draft.hometownTownship}
          onChange={(t) => change('hometownTownship', t === draft.hometownTownship ? '' : t)}
        />
      </FormField>

      <FormField label='哪个村' error={errors.hometownVillage}>
        <Input
          className='form-field__input profile-form__village'
          value={draft.hometownVillage}
          maxlength={20}
          placeholder='例如 马坪村'
          aria-label='哪个村'
          onInput={(e) => change('hometownVillage', e.detail.value)}
        />
      </FormField>

      <FormField label='会做的工种' hint={`可以选几个，最多${maxTrades}个`} error={errors.trades}>
        <View className='chips'>
          {trades.map((t) => {
            const selected = draft.trades.includes(t)
            return (
              <View
                key={t}
                {...asButton}
                aria-pressed={selected ? 'true' : 'false'}
                className={`chip ${selected ? 'chip--selected' : ''}`}
                onClick={() => toggleTrade(t)}
              >
                <Text>{selected ? `✓ ${t}` : t}</Text>
              </View>
            )
          })}
        </View>
      </FormField>

      <FormField label='其他手艺或证书' hint='不写也可以' error={errors.skills}>
        <TextArea
          className='form-field__input form-field__textarea'
          value={draft.skills}
          maxlength={200}
          placeholder='例如 有电工证，会开叉车'
          label='其他手艺或证书'
          onChange={(v) => change('skills', v)}
        />
      </FormField>

      <YesNo label='现在在外地打工吗' value={draft.workingAway} onChange={(v) => change('workingAway', v)} />
      {draft.workingAway === true && (
        <FormField label='在哪个城市' error={errors.currentCity}>
          <Input
            className='form-field__input'
            value={draft.currentCity}
            maxlength={20}
            placeholder='例如 天津'
            aria-label='在哪个城市'
            onInput={(e) => change('currentCity', e.detail.value)}
          />
        </FormField>
      )}
      {/* Feeds the county's 去年外出今年未出 ledger. */}
      <YesNo label='上一年是否外出务工' value={draft.workedAwayLastYear ?? null} onChange={(v) => change('workedAwayLastYear', v)} />
      <YesNo label='已经返乡回家了吗' value={draft.returnedHome} onChange={(v) => change('returnedHome', v)} />
      <YesNo label='愿意出去打工吗' value={draft.willingToGoOut} onChange={(v) => change('willingToGoOut', v)} />
      <YesNo label='是脱贫户吗' value={draft.povertyAlleviated} onChange={(v) => change('povertyAlleviated', v)} />

      <FormField label='身份证号' hint='办补贴时才需要，不填也可以' error={errors.idNumber}>
        {idNumber === null ? (
          <View className='profile-form__id'>
            <Text className='profile-form__id-value'>{me.idNumber ?? '没有填'}</Text>
            <BigButton variant='secondary' className='profile-form__id-button' onClick={startIdNumber}>
              {me.idNumber ? '改身份证号' : '填身份证号'}
            </BigButton>
          </View>
        ) : (
          <Input
            className='form-field__input profile-form__id-input'
            type='idcard'
            value={idNumber}
            maxlength={18}
            placeholder='18位身份证号'
            aria-label='身份证号'
            onInput={(e) => {
              setIdNumber(e.detail.value.toUpperCase())
              setSaved(false)
            }}
          />
        )}
      </FormField>

      {message && (
        <Text className='profile-form__message' aria-live='assertive'>
          {message}
        </Text>
      )}
      {saved && (
        <Text className='profile-form__saved' aria-live='polite'>
          已保存
        </Text>
      )}
      {queued && !saved && (
        <Text className='profile-form__saved profile-form__queued' aria-live='polite'>
          待发送：已保存在手机上，有网络后自动发送
        </Text>
      )}
      <BigButton className='profile-form__save' disabled={saving} onClick={() => void save()}>
        {saving ? '正在保存…' : '保存'}
      </BigButton>

      <Dialog
        open={consentOpen}
        title='同意提供身份证号吗？'
        confirmText='同意，去填写'
        cancelText='不填了'
        busy={consenting}
        onConfirm={() => void agreeToIdNumber()}
        onCancel={() => setConsentOpen(false)}
      >
        <Text className='profile-form__consent-line'>县里要用身份证号做两件事：登记外出务工人员台账，核对您能领的就业补贴和培训补贴。</Text>
        <Text className='profile-form__consent-line'>只有县劳务部门和工作站的工作人员能看到。页面上只显示前4位和后4位。</Text>
        <Text className='profile-form__consent-line'>不填也能用务工通的其他功能。以后可以在“隐私与授权”里撤回，撤回后身份证号会被删除。</Text>
        {consentError && <Text className='profile-form__consent-error'>{consentError}</Text>}
      </Dialog>
    </View>
  )
}
