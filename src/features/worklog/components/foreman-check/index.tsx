import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import { Section } from '@/components/section'
import { asButton } from '@/lib/a11y'
import { formErrors, type FieldErrors } from '@/lib/check-form'
import { formatFen } from '@contract/worklog'
import { foremanCheckAnswerBody, type ForemanCheckView, type WorklogCheckAnswer } from '@contract/worklog-evidence'
import { answerCheck, sendForemanCode } from '../../api/worklog'
import { dayLabel, monthLabel } from '../../lib/calendar'
import { entryLine } from '../../lib/describe'
import './index.scss'

interface Props {
  token: string
  view: ForemanCheckView
  onAnswered: (view: ForemanCheckView) => void
}

const valueOf = (e: { detail: { value: string } }) => e.detail.value

/**
 * 对工, for the foreman or boss without an account: the worker's days and sums for a month; a tap on a day marks it
 * 不对; the answer goes with a phone number proved by an SMS code.
 */
export function ForemanCheck({ token, view, onAnswered }: Props) {
  const [disputed, setDisputed] = useState<string[]>([])
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [note, setNote] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const who = view.workerName ?? '工友'
  const t = view.totals

  const toggle = (date: string) => setDisputed((d) => (d.includes(date) ? d.filter((x) => x !== date) : [...d, date].sort()))

  const refusal = (e: unknown): FieldErrors => (isApiError(e) ? (e.fields ?? { form: e.message }) : { form: '出了点问题，请稍后重试' })

  const askCode = async () => {
    setErrors({})
    try {
      setSentTo((await sendForemanCode(token, phone.trim())).sentTo)
    } catch (e) {
      setErrors(refusal(e))
    }
  }

  const answer = async (value: WorklogCheckAnswer) => {
    const body = { phone: phone.trim(), code: code.trim(), answer: value, disputedDates: value === 'disputed' ? disputed : [], note: note.trim() }
    const found = formErrors(foremanCheckAnswerBody, body)
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      onAnswered(await answerCheck(token, body))
    } catch (e) {
      setErrors(refusal(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='foreman-check'>
      <Section title={`${who}请您对一下${monthLabel(view.month)}的工`}>
        <Text className='foreman-check__fact'>
          老板或工地：{view.employerName}
          {view.site ? `，${view.site}` : ''}
        </Text>
        <Text className='foreman-check__fact'>下面是{who}自己记的。哪天不对，点一下那一天。</Text>
      </Section>
      <Section title={`干活的日子（${view.days.length}条）`}>
        {view.days.map((d, i) => {
          const marked = disputed.includes(d.date)
          return (
            <View
              key={i}
              {...asButton}
              aria-pressed={marked ? 'true' : 'false'}
              className={`foreman-check__day ${marked ? 'foreman-check__day--disputed' : ''}`}
              onClick={view.answer ? undefined : () => toggle(d.date)}
            >
              <Text className='foreman-check__date'>{dayLabel(d.date)}</Text>
              <Text>{entryLine(d, view.unitLabel)}</Text>
              <Text className='foreman-check__money'>{marked ? '不对' : d.kind === 'advance' || d.earnedFen === null ? '' : formatFen(d.earnedFen)}</Text>
            </View>
          )
        })}
      </Section>
      <Section title='钱'>
        <Text className='foreman-check__fact'>该挣：{formatFen(t.earnedFen)}</Text>
        <Text className='foreman-check__fact'>已给：{formatFen(t.paidFen)}</Text>
        {t.advancesFen > 0 && <Text className='foreman-check__fact'>借支：{formatFen(t.advancesFen)}</Text>}
        <Text className='foreman-check__owed'>{t.owedFen > 0 ? `还欠：${formatFen(t.owedFen)}` : '已经结清'}</Text>
      </Section>

      {view.answer ? (
        <Section title='已经回复了'>
          <Text className='foreman-check__done'>您回复的是：{view.answer === 'confirmed' ? '对' : '不对'}。谢谢！</Text>
        </Section>
      ) : (
        <Section title='回复'>
          <FormField label='您的手机号' hint='发验证码确认是您本人回复' error={errors.phone}>
            <Input className='form-field__input' type='number' maxlength={11} value={phone} onInput={(e) => setPhone(valueOf(e))} />
          </FormField>
          <BigButton variant='secondary' onClick={() => void askCode()}>
            {sentTo ? `验证码已发到 ${sentTo}，没收到再点` : '获取验证码'}
          </BigButton>
          <FormField label='短信验证码' error={errors.code}>
            <Input className='form-field__input' type='number' maxlength={6} value={code} onInput={(e) => setCode(valueOf(e))} />
          </FormField>
          <FormField label='说一句（可以不填）' hint={disputed.length ? `已点了${disputed.length}天不对` : undefined} error={errors.disputedDates ?? errors.note}>
            <Input className='form-field__input' maxlength={200} value={note} placeholder='例如 11号下雨没开工' onInput={(e) => setNote(valueOf(e))} />
          </FormField>
          {errors.form && (
            <Text className='foreman-check__error' aria-live='assertive'>
              {errors.form}
            </Text>
          )}
          <View className='foreman-check__answers'>
            <BigButton disabled={busy} onClick={() => void answer('confirmed')}>
              对
            </BigButton>
            <BigButton variant='danger' disabled={busy} onClick={() => void answer('disputed')}>
              不对
            </BigButton>
          </View>
        </Section>
      )}
    </View>
  )
}
