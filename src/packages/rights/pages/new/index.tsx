import Taro from '@tarojs/taro'
import { SignedInPage } from '@/features/account/components/signed-in-page'
import { RequestForm } from '@/features/rights/components/request-form'
import { chinaToday } from '@/features/rights/lib/format'

/** 我要求助: signed-in workers only (a case needs someone to call back); the draft is kept meanwhile. */
export default function NewRightsRequestPage() {
  return (
    <SignedInPage here='/packages/rights/pages/new/index' reason='求助要留下电话，工作人员才能联系您。登录后，填好的内容都还在。'>
      {(me) => (
        <RequestForm
          today={chinaToday()}
          accountPhone={me?.phone}
          onCallbackInstead={() => void Taro.redirectTo({ url: '/packages/rights/pages/callback/index' })}
          onSubmitted={(created, photosLeft) =>
            void Taro.redirectTo({
              url: `/packages/rights/pages/done/index?trackingNo=${created.trackingNo}${photosLeft ? `&photosLeft=${photosLeft}` : ''}`,
            })
          }
        />
      )}
    </SignedInPage>
  )
}
