import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import type { Me } from '@contract/me'
import { phoneSchema, smsCodeSchema } from '@contract/validators'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import { asLink } from '@/lib/a11y'
import { checkField } from '@/lib/check-form'
import { formMessage, serverFieldErrors, type FieldErrors } from '../../field-errors'
import { useCountdown, waitText } from '../../use-countdown'
import { getWechatCode, wechatLoginAvailable } from '../../wechat'
import './index.scss'
import { sendSmsCode, signInWithCode, signInWithWechatCode } from '../../api/sign-in'

interface Props {
  /** Called once with the new session; the page stores it and leaves. */
  onSignedIn: (session: { token: string; user: Me }) => void
}

const digits = (value: string, max: number) => value.replace(/\D/g, '').slice(0, max)

/** Phone + SMS code sign-in (and, in the mini-program, 微信一键登录). */
export function SignInForm({ onSignedIn }: Props) {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  /** Set when WeChat knows the worker but not their phone: the phone sign-in links the two. */
  const [wechatTicket, setWechatTicket] = useState<string | null>(null)
  const countdown = useCountdown()

  const sendCode = async () => {
    const phoneError = checkField(phoneSchema, phone)
    setMessage(null)
    setNotice(null)
    if (phoneError) {
      setErrors({ phone: phoneError })
      return
    }
    setErrors({})
    setSending(true)
    try {
      const sent = await sendSmsCode(phone)
      countdown.start(sent.resendAfterSeconds || 60)
      setNotice(`验证码已发到 ${sent.sentTo}，${Math.max(1, Math.round(sent.expiresInSeconds / 60))}分钟内有效`)
    } catch (e) {
      const fields = serverFieldErrors(e)
      setErrors(fields)
      setMessage(formMessage(e, fields))
      // Too soon or too many today: wait as long as the server says, not our own 60 seconds.
      if (isApiError(e) && e.code === 'RATE_LIMITED') countdown.start(e.retryAfter ?? 60)
    } finally {
      setSending(false)
    }
  }

  const signIn = async () => {
    const local: FieldErrors = {}
    const phoneError = checkField(phoneSchema, phone)
    const codeError = checkField(smsCodeSchema, code)
    if (phoneError) local.phone = phoneError
    if (codeError) local.code = codeError
    setErrors(local)
    setMessage(null)
    if (phoneError || codeError || submitting) return
    setSubmitting(true)
    try {
      const session = await signInWithCode(phone, code, wechatTicket)
      onSignedIn(session)
    } catch (e) {
      const fields = serverFieldErrors(e)
      if (fields.wechatTicket) {
        // The WeChat link expired: sign in by phone alone; they can link WeChat next time.
        setWechatTicket(null)
        setMessage(fields.wechatTicket)
        delete fields.wechatTicket
      } else {
        setMessage(formMessage(e, fields))
      }
      setErrors(fields)
    } finally {
      setSubmitting(false)
    }
  }

  const signInWithWechat = async () => {
    setMessage(null)
    setSubmitting(true)
    try {
      const wxCode = await getWechatCode()
      if (!wxCode) {
        setMessage('微信登录没有成功，请用手机号登录')
        return
      }
      const result = await signInWithWechatCode(wxCode)
      if (result.status === 'signed_in') {
        onSignedIn({ token: result.token, user: result.user })
      } else {
        setWechatTicket(result.wechatTicket)
        setNotice('第一次用微信登录，请再用手机号验证一次。以后就可以一键登录了。')
      }
    } catch (e) {
      setMessage(e instanceof Error ? e.message : '微信登录没有成功，请用手机号登录')
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='sign-in-form'>
      {wechatLoginAvailable && !wechatTicket && (
        <View className='sign-in-form__wechat'>
          <BigButton onClick={() => void signInWithWechat()}>微信一键登录</BigButton>
          <Text className='sign-in-form__or'>或者用手机号登录</Text>
        </View>
      )}

      <FormField label='手机号' error={errors.phone}>
        <Input
          className='form-field__input sign-in-form__phone'
          type='number'
          maxlength={11}
          value={phone}
          placeholder='请输入11位手机号'
          aria-label='手机号'
          onInput={(e) => setPhone(digits(e.detail.value, 11))}
        />
      </FormField>

      <BigButton
        variant='secondary'
        className='sign-in-form__send'
        disabled={countdown.left > 0 || sending}
        onClick={() => void sendCode()}
      >
        {sending ? '正在发送…' : countdown.left > 0 ? waitText(countdown.left) : '获取验证码'}
      </BigButton>
      {notice && <Text className='sign-in-form__notice'>{notice}</Text>}

      <FormField label='验证码' hint='短信里的6位数字' error={errors.code}>
        <Input
          className='form-field__input sign-in-form__code'
          type='number'
          maxlength={6}
          value={code}
          placeholder='6位数字'
          aria-label='验证码'
          onInput={(e) => setCode(digits(e.detail.value, 6))}
        />
      </FormField>

      {message && (
        <Text className='sign-in-form__message' aria-live='assertive'>
          {message}
        </Text>
      )}

      <BigButton className='sign-in-form__submit' disabled={submitting} onClick={() => void signIn()}>
        {submitting ? '正在登录…' : '登录'}
      </BigButton>

      <Text className='sign-in-form__terms'>
        登录即表示您已阅读并同意
        <Text {...asLink} className='sign-in-form__link' onClick={() => void Taro.navigateTo({ url: '/packages/me/pages/privacy/index' })}>
          《隐私政策》
        </Text>
        。没有账号的手机号会自动注册。
      </Text>
    </View>
  )
}
