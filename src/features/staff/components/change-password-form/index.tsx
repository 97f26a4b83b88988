import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import type { StaffMember } from '@contract'
import { changeStaffPasswordBody, STAFF_PASSWORD_MIN_LENGTH } from '@contract/staff'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import { checkForm } from '@/lib/check-form'
import { errorText } from '../../lib/paths'
import { changePassword } from '../../api/staff-session'

interface Props {
  /** The password in use is a one-time one (first sign-in, or reset by an admin): says why this comes first. */
  oneTime?: boolean
  onChanged: (staff: StaffMember) => void
}

/** Old password, the new one twice; the contract's own rules are checked before sending. */
export function ChangePasswordForm({ oneTime, onChanged }: Props) {
  const [form, setForm] = useState({ oldPassword: '', newPassword: '', repeat: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }))

  const submit = async () => {
    if (busy) return
    setMessage(null)
    const body = { oldPassword: form.oldPassword, newPassword: form.newPassword }
    const checked = checkForm(changeStaffPasswordBody, body)
    const local = checked.ok ? {} : { ...checked.fields }
    if (!local.newPassword && form.repeat !== form.newPassword) local.repeat = '两次输入的新密码不一样'
    setErrors(local)
    if (Object.keys(local).length > 0) return
    setBusy(true)
    try {
      const staff = await changePassword(body)
      setForm({ oldPassword: '', newPassword: '', repeat: '' })
      onChanged(staff)
    } catch (e) {
      if (isApiError(e) && e.fields && Object.keys(e.fields).length > 0) setErrors(e.fields)
      setMessage(errorText(e, '密码没有改成，请再试一次'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='change-password-form'>
      {oneTime && <Text className='lead-text'>现在用的是一次性密码。请换成只有您自己知道的新密码，改好后才能使用工作台。</Text>}
      <FormField label={oneTime ? '一次性密码' : '原密码'} error={errors.oldPassword}>
        <Input className='form-field__input change-password-form__old' password value={form.oldPassword} maxlength={200} onInput={(e) => set('oldPassword', e.detail.value)} />
      </FormField>
      <FormField label='新密码' error={errors.newPassword} hint={`至少${STAFF_PASSWORD_MIN_LENGTH}位，不要用生日、电话号码`}>
        <Input className='form-field__input change-password-form__new' password value={form.newPassword} maxlength={200} onInput={(e) => set('newPassword', e.detail.value)} />
      </FormField>
      <FormField label='再输一次新密码' error={errors.repeat}>
        <Input className='form-field__input change-password-form__repeat' password value={form.repeat} maxlength={200} onInput={(e) => set('repeat', e.detail.value)} onConfirm={() => void submit()} />
      </FormField>
      {message && <Text className='wb-message'>{message}</Text>}
      <BigButton disabled={busy} onClick={() => void submit()}>
        {busy ? '正在修改…' : '修改密码'}
      </BigButton>
    </View>
  )
}
