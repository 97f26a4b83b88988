import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import type { StaffMember } from '@contract'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import './index.scss'
import { staffSignIn } from '../../api/staff-session'

interface Props {
  onSignedIn: (token: string, staff: StaffMember) => void
}

function minutes(seconds: number | undefined): string {
  return seconds ? `约${Math.max(1, Math.ceil(seconds / 60))}分钟后再试。` : ''
}

/** Username and password; five wrong tries lock the account for a while (the server says how long). */
export function StaffSignInForm({ onSignedIn }: Props) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const local: Record<string, string> = {}
    if (!username.trim()) local.username = '请输入用户名'
    if (!password) local.password = '请输入密码'
    setErrors(local)
    setMessage(null)
    if (Object.keys(local).length > 0 || busy) return
    setBusy(true)
    try {
      const { token, staff } = await staffSignIn(username.trim(), password)
      onSignedIn(token, staff)
    } catch (e) {
      if (isApiError(e) && e.fields && Object.keys(e.fields).length > 0) setErrors(e.fields)
      else if (isApiError(e) && e.code === 'RATE_LIMITED') setMessage(`${e.message} ${minutes(e.retryAfter)}`.trim())
      else setMessage(e instanceof Error ? e.message : '登录没有成功，请重试')
      setPassword('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='staff-sign-in-form'>
      <FormField label='用户名' error={errors.username}>
        <Input
          className='form-field__input staff-sign-in-form__username'
          value={username}
          maxlength={50}
          aria-label='用户名'
          onInput={(e) => setUsername(e.detail.value)}
        />
      </FormField>
      <FormField label='密码' error={errors.password}>
        <Input
          className='form-field__input staff-sign-in-form__password'
          password
          value={password}
          maxlength={200}
          aria-label='密码'
          onInput={(e) => setPassword(e.detail.value)}
          onConfirm={() => void submit()}
        />
      </FormField>
      {message && (
        <Text className='staff-sign-in-form__message' aria-live='assertive'>
          {message}
        </Text>
      )}
      <BigButton disabled={busy} onClick={() => void submit()}>
        {busy ? '正在登录…' : '登录'}
      </BigButton>
    </View>
  )
}
