import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { requireSignIn } from '@/features/account/require-sign-in'
import { useMyDataExport } from '@/features/account/api/me'
import { useSession } from '@/features/account/session'
import { PageRoot } from '@/components/page-root'
import './index.scss'

/** Everything held about the worker (their right of access), shown in full and copied with one tap. */
export default function ExportPage() {
  const { me, loading: sessionLoading } = useSession()
  const { data, error, loading, refresh } = useMyDataExport(me !== null)
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    if (!sessionLoading && !me) requireSignIn('/packages/me/pages/export/index')
  }, [me, sessionLoading])

  const text = data ? JSON.stringify(data, null, 2) : ''
  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: text })
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }

  return (
    <PageRoot className='export-page'>
      <Section title='我们保存的关于您的信息'>
        <Text className='lead-text'>
          下面是务工通保存的关于您的全部信息：您的资料（身份证号和手机号是完整的）、您同意过的事、在哪些手机上登录过、您的报名和求助记录、传过但还没用上的照片，以及工作人员什么时候查看过您的信息。
        </Text>
        <Text className='lead-text'>点“复制全部”，可以粘贴到微信发给自己或家人保存。这些信息只给您本人看，请不要随便发给别人。</Text>
      </Section>
      <StateView loading={(me !== null && loading) || sessionLoading} error={error} onRetry={() => void refresh()}>
        {data && (
          <>
            <BigButton className='export-page__copy' onClick={() => void copy()}>
              {copied ? '已复制' : '复制全部'}
            </BigButton>
            <Section>
              <Text className='export-page__json' userSelect>
                {text}
              </Text>
            </Section>
          </>
        )}
      </StateView>
    </PageRoot>
  )
}
