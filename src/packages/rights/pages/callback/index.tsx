import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { StateView } from '@/components/state-view'
import { requireSignIn } from '@/features/account/require-sign-in'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { useSession } from '@/features/account/session'
import { CallbackForm } from '@/features/rights/components/callback-form'
import { PageRoot } from '@/components/page-root'

const here = '/packages/rights/pages/callback/index'

/** 只留电话，请回电: signed-in workers only, as the number called back is the account's unless another is given. */
export default function RightsCallbackPage() {
  const session = useSession()
  const waiting = session.loading
  useEffect(() => {
    if (!waiting && !session.signedIn) requireSignIn(here)
  }, [waiting, session.signedIn])

  return (
    <PageRoot>
      <StateView loading={waiting} error={null}>
        {session.signedIn ? (
          <CallbackForm
            accountPhone={session.me?.phone}
            onSent={(created) => void Taro.redirectTo({ url: `/packages/rights/pages/done/index?trackingNo=${created.trackingNo}&callback=1` })}
          />
        ) : (
          <SignInPrompt reason='工作人员要打电话给您，先登录，用的就是登录的手机号。' redirect={here} />
        )}
      </StateView>
    </PageRoot>
  )
}
