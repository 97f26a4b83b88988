import Taro from '@tarojs/taro'
import { PageRoot } from '@/components/page-root'
import { OutboxBanner } from '@/components/outbox-banner'
import { showNotice } from '@/lib/notice'
import { PaymentForm } from '@/features/worklog/components/payment-form'
import { chinaToday } from '@/features/worklog/lib/calendar'
import { SignedIn } from '../signed-in'
import '../form.scss'
import { useIdParam } from '@/hooks/use-id-param'

/** 老板给了钱: the amount, how it came and when. */
export default function WorklogPaymentPage() {
  const employerId = useIdParam('employerId')
  return (
    <PageRoot>
      <OutboxBanner />
      <SignedIn redirect='/packages/worklog/pages/index/index'>
        <PaymentForm
          employerId={employerId}
          today={chinaToday()}
          onSaved={(queued) => {
            showNotice(queued ? '没有网络，已存在手机上，有网络后自动发出' : '记好了')
            void Taro.navigateBack()
          }}
        />
      </SignedIn>
    </PageRoot>
  )
}
