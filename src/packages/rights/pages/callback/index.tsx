import Taro from '@tarojs/taro'
import { SignedInPage } from '@/features/account/components/signed-in-page'
import { CallbackForm } from '@/features/rights/components/callback-form'

/** 只留电话，请回电: signed-in workers only, as the number called back is the account's unless another is given. */
export default function RightsCallbackPage() {
  return (
    <SignedInPage here='/packages/rights/pages/callback/index' reason='工作人员要打电话给您，先登录，用的就是登录的手机号。'>
      {(me) => (
        <CallbackForm
          accountPhone={me?.phone}
          onSent={(created) => void Taro.redirectTo({ url: `/packages/rights/pages/done/index?trackingNo=${created.trackingNo}&callback=1` })}
        />
      )}
    </SignedInPage>
  )
}
