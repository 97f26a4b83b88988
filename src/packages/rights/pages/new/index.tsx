import { useEffect } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { requireSignIn } from '@/features/account/require-sign-in'
import { useSession } from '@/features/account/session'
import { RequestForm } from '@/features/rights/components/request-form'
import { chinaToday } from '@/features/rights/lib/format'
import { PageRoot } from '@/components/page-root'
import './index.scss'

const here = '/packages/rights/pages/new/index'

/** 我要求助: signed-in workers only (a case needs someone to call back); the draft is kept meanwhile. */
export default function NewRightsRequestPage() {
  const session = useSession()
  const waiting = session.loading
  useEffect(() => {
    if (!waiting && !session.signedIn) requireSignIn(here)
    // Once per change of sign-in state: coming back signed out shows the card below, not another redirect loop.
  }, [waiting, session.signedIn])

  return (
    <PageRoot>
      <StateView loading={waiting} error={null}>
        {session.signedIn ? (
          <RequestForm
            today={chinaToday()}
            accountPhone={session.me?.phone}
            onSubmitted={(created, photosLeft) =>
              void Taro.redirectTo({
                url: `/packages/rights/pages/done/index?${created ? `trackingNo=${created.trackingNo}` : 'queued=1'}${photosLeft ? `&photosLeft=${photosLeft}` : ''}`,
              })
            }
          />
        ) : (
          <Section title='请先登录'>
            <Text className='rights-text'>求助要留下电话，工作人员才能联系您。登录后，填好的内容都还在。</Text>
            <BigButton onClick={() => requireSignIn(here)}>用手机号登录</BigButton>
          </Section>
        )}
      </StateView>
    </PageRoot>
  )
}
