import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { StateView } from '@/components/state-view'
import { requireSignIn } from '@/features/account/require-sign-in'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { useSession } from '@/features/account/session'
import { RequestForm } from '@/features/rights/components/request-form'
import { chinaToday } from '@/features/rights/lib/format'
import { PageRoot } from '@/components/page-root'

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
            onCallbackInstead={() => void Taro.redirectTo({ url: '/packages/rights/pages/callback/index' })}
            onSubmitted={(created, photosLeft) =>
              void Taro.redirectTo({
                url: `/packages/rights/pages/done/index?trackingNo=${created.trackingNo}${photosLeft ? `&photosLeft=${photosLeft}` : ''}`,
              })
            }
          />
        ) : (
          <SignInPrompt reason='求助要留下电话，工作人员才能联系您。登录后，填好的内容都还在。' redirect={here} />
        )}
      </StateView>
    </PageRoot>
  )
}
