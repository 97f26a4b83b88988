import { PageRoot } from '@/components/page-root'
import { OutboxBanner } from '@/components/outbox-banner'
import { backAfterSave } from '@/features/worklog/lib/after-save'
import { PaymentForm } from '@/features/worklog/components/payment-form'
import { chinaToday } from '@/features/worklog/lib/calendar'
import { SignedIn } from '../signed-in'
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
          onSaved={backAfterSave}
        />
      </SignedIn>
    </PageRoot>
  )
}
