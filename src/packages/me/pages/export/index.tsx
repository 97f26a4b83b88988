import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type ApiError } from '@/api'
import type { ResponseOf } from '@contract'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { requireSignIn } from '@/features/account/require-sign-in'
import { useSession, workerRequest } from '@/features/account/session'
import { PageRoot } from '@/components/page-root'
import './index.scss'
import { exportMe } from '@contract/me'

type Export = ResponseOf<typeof exportMe>

/** Everything held about the worker (their right of access), shown in full and copied with one tap. */
export default function ExportPage() {
  const { me, loading: sessionLoading } = useSession()
  const [data, setData] = useState<Export>()
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(false)
  const [copied, setCopied] = useState(false)

  const load = async () => {
    setLoading(true)
    setError(null)
    try {
      setData(await workerRequest(exportMe))
    } catch (e) {
      setError(e as ApiError)
    } finally {
      setLoading(false)
    }
  }

  useEffect(() => {
    if (sessionLoading) return
    if (!me) requireSignIn('/packages/me/pages/export/index')
    else if (!data && !loading) void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once the session is known; a load under way or done is not started again
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
      <StateView loading={loading || sessionLoading} error={error} onRetry={() => void load()}>
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
