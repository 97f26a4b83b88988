import { useRouter } from '@tarojs/taro'
import { PageRoot } from '@/components/page-root'
import { OutboxBanner } from '@/components/outbox-banner'
import { backAfterSave } from '@/features/worklog/lib/after-save'
import { EntryForm } from '@/features/worklog/components/entry-form'
import { SignedIn } from '../signed-in'
import { useIdParam } from '@/hooks/use-id-param'

/** One day in full: 点工 by the day or hours, 包工 by the day or quantity, or 借支. */
export default function WorklogEntryPage() {
  const params = useRouter().params
  const employerId = useIdParam('employerId')
  return (
    <PageRoot>
      <OutboxBanner />
      <SignedIn redirect='/packages/worklog/pages/index/index'>
        <EntryForm
          employerId={employerId}
          unitLabel={params.unit ? decodeURIComponent(params.unit) : null}
          date={params.date ?? ''}
          onSaved={backAfterSave}
        />
      </SignedIn>
    </PageRoot>
  )
}
