import { useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import type { StaffRole } from '@contract/staff'
import { accessLogActionLabel } from '@contract/staff-admin'
import { newIdempotencyKey } from '@/api'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { ListFooter } from '@/components/list-footer'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { errorText } from '@/features/staff/lib/paths'
import { chinaDateTime } from '@contract/format'
import { createAccount, disableAccount, resetPassword as issueNewPassword, unlockAccount, useAccessLog, useStaffAccounts, useStationChoices } from '@/features/staff/api/staff-admin'

/** Admins: staff accounts (open, disable, unlock, reset a password) and who read whose personal data. */
export default function StaffAccountsPage() {
  return (
    <StaffShell title='账号' adminOnly>
      {(staff) => (
        <View>
          <Accounts me={staff.id} />
          <AccessLog />
        </View>
      )}
    </StaffShell>
  )
}

function Accounts({ me }: { me: number }) {
  const { data, error, loading, refresh, savedAt } = useStaffAccounts()
  const stations = useStationChoices()
  const [form, setForm] = useState({ username: '', password: '', displayName: '', role: 'station' as StaffRole, stationId: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)
  /** A reset's one-time password: shown here once, never again. */
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null)
  const key = useRef(newIdempotencyKey())
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }))

  const create = async () => {
    setMessage(null)
    try {
      await createAccount(
        { username: form.username.trim(), password: form.password, displayName: form.displayName.trim(), role: form.role, stationId: form.role === 'station' && form.stationId ? Number(form.stationId) : null },
        key.current,
      )
      key.current = newIdempotencyKey()
      setErrors({})
      setForm({ username: '', password: '', displayName: '', role: 'station', stationId: '' })
      setMessage('账号已开通')
      await refresh()
    } catch (e) {
      setErrors((e as { fields?: Record<string, string> }).fields ?? {})
      setMessage(errorText(e))
    }
  }
  const disable = async (id: number) => {
    try {
      await disableAccount(id)
      await refresh()
    } catch (e) {
      setMessage(errorText(e))
    }
  }

  const unlock = async (id: number) => {
    try {
      await unlockAccount(id)
      await refresh()
    } catch (e) {
      setMessage(errorText(e))
    }
  }
  const resetPassword = async (id: number) => {
    try {
      const { account, password } = await issueNewPassword(id)
      setIssued({ username: account.username, password })
      await refresh()
    } catch (e) {
      setMessage(errorText(e))
    }
  }

  return (
    <Section title='工作人员账号'>
      <StateView loading={loading} error={error} savedAt={savedAt} onRetry={() => void refresh()}>
        {data?.items.map((a) => (
          <View key={a.id} className='wb-card'>
            <Text className='wb-card__title'>
              {a.displayName}（{a.username}）{a.disabled && <Text className='wb-flag'>已停用</Text>}
              {!a.disabled && a.locked && <Text className='wb-flag'>已锁定</Text>}
            </Text>
            <Text className='wb-card__line'>{a.role === 'admin' ? '县级管理员' : a.stationName}</Text>
            {a.mustChangePassword && !a.disabled && <Text className='wb-card__line'>还在用一次性密码，下次登录时要改</Text>}
            {issued?.username === a.username && (
              <Text className='wb-ok'>
                新的一次性密码：{issued.password}（只显示这一次，请当面或打电话告诉本人，登录后要改）
              </Text>
            )}
            {!a.disabled && (
              <View className='wb-row'>
                {a.locked && (
                  <View {...asButton} className='wb-small-button' onClick={() => void unlock(a.id)}>
                    <Text>解锁</Text>
                  </View>
                )}
                {a.id !== me && (
                  <View {...asButton} className='wb-small-button' onClick={() => void resetPassword(a.id)}>
                    <Text>重置密码</Text>
                  </View>
                )}
                <View {...asButton} className='wb-small-button wb-small-button--danger' onClick={() => void disable(a.id)}>
                  <Text>停用</Text>
                </View>
              </View>
            )}
          </View>
        ))}
      </StateView>
      <FormField label='用户名' error={errors.username} hint='小写字母和数字'>
        <Input className='form-field__input' value={form.username} onInput={(e) => set('username', e.detail.value)} />
      </FormField>
      <FormField label='初始密码' error={errors.password} hint='至少12位；对方第一次登录时要改'>
        <Input className='form-field__input' password value={form.password} onInput={(e) => set('password', e.detail.value)} />
      </FormField>
      <FormField label='姓名或单位' error={errors.displayName}>
        <Input className='form-field__input' value={form.displayName} onInput={(e) => set('displayName', e.detail.value)} />
      </FormField>
      <Chips value={form.role} onChange={(v) => set('role', v)} options={[{ value: 'station', label: '工作站工作人员' }, { value: 'admin', label: '县级管理员' }]} />
      {form.role === 'station' && stations.data && (
        <FormField label='所属工作站' error={errors.stationId}>
          <Chips scroll value={form.stationId} onChange={(v) => set('stationId', v)} options={stations.data.items.map((s) => ({ value: String(s.id), label: s.name }))} />
        </FormField>
      )}
      {message && <Text className={message === '账号已开通' ? 'wb-ok' : 'wb-message'}>{message}</Text>}
      <BigButton onClick={() => void create()}>开通账号</BigButton>
    </Section>
  )
}

function AccessLog() {
  const list = useAccessLog()
  return (
    <Section title='个人信息查看记录'>
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText='还没有记录' savedAt={list.savedAt} onRetry={() => void list.refresh()}>
        {list.items.map((e) => (
          <Text key={e.id} className='wb-card__line'>
            {chinaDateTime(e.at)} {e.staff.displayName}：{accessLogActionLabel[e.action]}（{e.detail}）
          </Text>
        ))}
        <ListFooter count={list.items.length} loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </Section>
  )
}
