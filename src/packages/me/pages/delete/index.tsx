import { useState } from 'react'
import { Text } from '@tarojs/components'

import { BigButton } from '@/components/big-button'
import { Dialog } from '@/components/dialog'
import { Section } from '@/components/section'
import { goToMeTab, requireSignIn } from '@/features/account/require-sign-in'
import { deleteMyAccount } from '@/features/account/api/me'
import { signOut, useSession } from '@/features/account/session'
import { PageRoot } from '@/components/page-root'
import { showNotice } from '@/lib/notice'
import './index.scss'

const deleted = [
  '您的姓名、手机号、身份证号',
  '家乡、会的工种、手艺和打工情况',
  '您同意过的授权，和所有手机上的登录',
]

/** Account deletion: what goes is said in plain words, then asked twice (this page, then a last dialog). */
export default function DeletePage() {
  const { me } = useSession()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const remove = async () => {
    setBusy(true)
    setError(null)
    try {
      await deleteMyAccount()
      await signOut({ remote: false })
      setConfirming(false)
      showNotice('账号已注销')
      goToMeTab()
    } catch (e) {
      setError(e instanceof Error ? e.message : '没有注销成功，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className='delete-page'>
      <Section title='注销后会删除'>
        {deleted.map((line) => (
          <Text key={line} className='delete-page__line'>
            · {line}
          </Text>
        ))}
        <Text className='lead-text delete-page__kept'>
          还没办完的求助会保留，但会去掉您的名字和电话，方便工作人员把事办完。
        </Text>
        <Text className='lead-text'>注销以后不能恢复。想再用，要重新登录，资料要重新填。</Text>
        <Text className='lead-text'>想先留一份，可以先去“导出我的信息”复制下来。</Text>
      </Section>

      {me ? (
        <BigButton variant='danger' onClick={() => setConfirming(true)}>
          注销账号
        </BigButton>
      ) : (
        <BigButton onClick={() => requireSignIn('/packages/me/pages/delete/index')}>请先登录</BigButton>
      )}

      <Dialog
        open={confirming}
        title='真的要注销吗？'
        confirmText='确定注销'
        cancelText='不注销了'
        danger
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <Text className='delete-page__line'>注销后，{me?.phone ?? '这个账号'} 的资料会全部删除，不能恢复。</Text>
        {error && <Text className='delete-page__error'>{error}</Text>}
      </Dialog>
    </PageRoot>
  )
}
