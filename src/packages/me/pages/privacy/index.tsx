import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { BigButton } from '@/components/big-button'
import { ElderToggle } from '@/components/elder-toggle'
import { Section } from '@/components/section'
import { AgreeButton } from '@/features/account/components/agree-button/agree-button'
import { ConsentList } from '@/features/account/components/consent-list'
import { NoticeText } from '@/features/account/components/notice-text'
import { resolvePrivacyRequest } from '@/features/account/privacy-gate'
import { acceptPrivacyLocally, privacyAccepted } from '@/features/account/privacy-local'
import { refreshSession, setMe, useSession } from '@/features/account/session'
import { PageRoot } from '@/components/page-root'
import './index.scss'

function leave(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 })
  else void Taro.switchTab({ url: '/pages/jobs/index' })
}

/**
 * The privacy notice, and for a signed-in worker each consent with a 撤回 button.
 * Opened with ?ask=1 at first launch (or when WeChat holds back a privacy-gated API): 同意 / 不同意 at the end.
 */
export default function PrivacyPage() {
  const { params } = useRouter()
  const { me } = useSession()
  const [accepted, setAccepted] = useState(privacyAccepted)
  const asking = params.ask === '1' && !accepted

  // Leaving without answering counts as not agreeing, so a waiting WeChat API fails instead of hanging.
  useUnload(() => resolvePrivacyRequest(false))

  const agree = () => {
    acceptPrivacyLocally()
    setAccepted(true)
    resolvePrivacyRequest(true)
    void refreshSession()
    if (params.ask === '1') leave()
  }

  return (
    <PageRoot className='privacy-page'>
      {/* First launch: the one moment to offer bigger text before the worker struggles with small text. */}
      {asking && <ElderToggle className='privacy-page__elder' />}
      <Section>
        <Text className='privacy-page__lead'>务工通会保护好您的个人信息。下面写清楚了我们收集什么、做什么用、谁能看到、保存多久，以及您怎么查看、撤回和删除。</Text>
      </Section>
      <NoticeText />

      {me && (
        <Section title='您同意过的事'>
          <ConsentList me={me} onChanged={setMe} />
        </Section>
      )}

      {(asking || !accepted) && (
        <View className='privacy-page__actions'>
          <AgreeButton onAgree={agree}>同意</AgreeButton>
          {asking && (
            <BigButton
              variant='secondary'
              className='privacy-page__disagree'
              onClick={() => {
                resolvePrivacyRequest(false)
                leave()
              }}
            >
              不同意，只随便看看
            </BigButton>
          )}
        </View>
      )}
      {accepted && !me && <Text className='privacy-page__done'>您已经同意了这份隐私政策。</Text>}
    </PageRoot>
  )
}
