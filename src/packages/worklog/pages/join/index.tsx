import { useRef, useState } from 'react'
import { Input, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { z } from 'zod/mini'
import { fieldErrors } from '@contract/messages'
import { siteCode } from '@contract/worklog-sites'
import { type ApiError, isApiError, newIdempotencyKey } from '@/api'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import { PageRoot } from '@/components/page-root'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { replacePage } from '@/lib/navigate'
import { showNotice } from '@/lib/notice'
import { joinSite, useWorklogSite } from '@/features/worklog/api/worklog'
import { agreedPay } from '@/features/worklog/lib/describe'
import { SignedIn } from '../signed-in'
import './index.scss'

const home = '/packages/worklog/pages/index/index'

/** A link opened without a network: say so, and that the same link works once it is back. */
const offlineWords = (e: ApiError | null) => (e?.code === 'NETWORK' ? { message: '现在没有网络。连上网络后点“重试”，就能看到工友发的工地' } : e)

/** The code a co-worker sent (in the link, or typed), then what it shares, then 加入. */
function Join({ initialCode }: { initialCode: string }) {
  const [code, setCode] = useState(initialCode)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())
  const { data, error: loadError, loading, refresh } = useWorklogSite(code, code !== '')

  const look = () => {
    const parsed = z.safeParse(siteCode, typed)
    if (!parsed.success) return setError(Object.values(fieldErrors(parsed.error))[0])
    setError(undefined)
    setCode(parsed.data)
  }

  const join = async () => {
    setBusy(true)
    try {
      await joinSite(code, key.current)
      showNotice('加入了，以后在这里记自己的工')
      replacePage(home)
    } catch (e) {
      showNotice(isApiError(e) ? e.message : '没有网络，有网络后再试')
    } finally {
      setBusy(false)
    }
  }

  if (!code) {
    return (
      <Section title='输入工友发的工地码'>
        <FormField label='工地码' hint='8位字母和数字，例如 ABCD 2345' error={error}>
          <Input className='form-field__input' value={typed} maxlength={12} onInput={(e) => setTyped(e.detail.value.replace(/\s/g, ''))} />
        </FormField>
        <BigButton onClick={look}>查看这个工地</BigButton>
      </Section>
    )
  }

  return (
    <StateView loading={loading} error={data ? null : offlineWords(loadError)} onRetry={() => void refresh()}>
      {data && (
        <Section title='工友请你一起记工'>
          <Text className='worklog-join__name'>{data.name}</Text>
          {data.site && <Text className='worklog-join__text'>干活的地方：{data.site}</Text>}
          <Text className='worklog-join__text'>说好的工钱：{agreedPay(data)}</Text>
          <Text className='worklog-join__note'>加入后，你记的工和收到的钱只有你自己看得到，工友看不到；工钱跟你说好的不一样，加入后可以改。</Text>
          {data.myEmployerId !== null ? (
            <>
              <Text className='worklog-join__text'>你已经在这个工地记工了。</Text>
              <BigButton onClick={() => replacePage(home)}>去记工</BigButton>
            </>
          ) : (
            <BigButton disabled={busy} onClick={() => void join()}>
              {busy ? '正在加入…' : '加入，记我自己的工'}
            </BigButton>
          )}
        </Section>
      )}
    </StateView>
  )
}

/** 工友一起记: a site shared by a co-worker's code becomes one of my employers. */
export default function WorklogJoinPage() {
  const code = String(useRouter().params.code ?? '').toUpperCase()
  return (
    <PageRoot className='worklog-join'>
      <SignedIn redirect={`/packages/worklog/pages/join/index${code ? `?code=${code}` : ''}`}>
        <Join initialCode={code} />
      </SignedIn>
    </PageRoot>
  )
}
